// query 1 of 1
MATCH (x:Paper {id: $id})
WITH x, COLLECT {
  MATCH (x)-[:PUBLISHED_IN]->(n1:Venue)
  WITH n1
  LIMIT 1
  RETURN n1 {.id, .name, .kind}
} AS h0, COLLECT {
  MATCH (x)<-[r5:AUTHORED]-(n4:Author)
  WITH n4
  ORDER BY r5.position
  RETURN n4 {.id, .name}
} AS h3, COLLECT {
  MATCH (x)-[:LISTED_IN]->(n7:Section)
  WITH n7
  ORDER BY n7.listId, n7.code
  RETURN n7 {.id, .code}
} AS h6, COLLECT {
  MATCH (x)-[r11:ABOUT
  WHERE r11.confidence >= 0.5]->(n10:Topic)
  WITH n10
  ORDER BY n10.facet, n10.name
  RETURN n10 {.id, .name}
} AS h9, COLLECT {
  MATCH (x)-[:MENTIONS]->(n13:Optimizer)
  WITH n13
  ORDER BY n13.name
  RETURN n13 {.id, .name}
} AS h12
RETURN x {.id, .title, .year, `@venue`: h0, `@authors`: h3, `@sections`: h6, `@topics`: h9, `@optimizers`: h12} AS n
// parameters
{
  "id": "paper:x"
}
