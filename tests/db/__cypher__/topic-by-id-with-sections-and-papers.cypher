// query 1 of 1
MATCH (x:Topic {id: $id})
WITH x, COLLECT {
  MATCH (x)<-[:COVERS]-(n1:Section)
  WITH n1
  ORDER BY n1.listId, n1.code
  RETURN n1 {.id, .code}
} AS h0, {totalCount: COUNT {
   (x)<-[about:ABOUT
  WHERE about.confidence >= 0.5]-(p4:Paper)
}, nodes: COLLECT {
  MATCH (x)<-[about:ABOUT
  WHERE about.confidence >= 0.5]-(p4:Paper)
  WITH p4
  ORDER BY p4.newest, p4.id
  SKIP $la0
  LIMIT $la1
  RETURN p4 {.id, .title}
}} AS h3
RETURN x {.id, .name, `@sections`: h0, `@papers`: h3} AS n
// parameters
{
  "la0": 0,
  "la1": 3,
  "id": "topic:x"
}
