// query 1 of 1
MATCH (x:Venue {id: $id})
WITH x, {totalCount: COUNT {
   (x)<-[:PUBLISHED_IN]-(p1:Paper)
}, nodes: COLLECT {
  MATCH (x)<-[:PUBLISHED_IN]-(p1:Paper)
  WITH p1
  ORDER BY p1.newest, p1.id
  SKIP $la0
  LIMIT $la1
  WITH p1, COLLECT {
    MATCH (p1)<-[r4:AUTHORED]-(n3:Author)
    WITH n3
    ORDER BY r4.position
    RETURN n3 {.id, .name}
  } AS h2
  RETURN p1 {.id, .title, `@authors`: h2}
}} AS h0
RETURN x {.id, .name, `@papers`: h0} AS n
// parameters
{
  "la0": 0,
  "la1": 4,
  "id": "venue:x"
}
