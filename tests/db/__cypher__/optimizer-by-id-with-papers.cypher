// query 1 of 1
MATCH (x:Optimizer {id: $id})
WITH x, {totalCount: COUNT {
   (x)<-[:MENTIONS]-(p1:Paper)
}, nodes: COLLECT {
  MATCH (x)<-[:MENTIONS]-(p1:Paper)
  WITH p1
  ORDER BY p1.newest, p1.id
  SKIP $la0
  LIMIT $la1
  RETURN p1 {.id, .title, .year}
}} AS h0
RETURN x {.id, .name, `@papers`: h0} AS n
// parameters
{
  "la0": 0,
  "la1": 3,
  "id": "optimizer:x"
}
