// query 1 of 1
MATCH (x:Paper {id: $id})
WITH x, COLLECT {
  MATCH (x)-[:STATED_IN]->(n1:List)
  WITH n1
  ORDER BY n1.name
  WITH n1, {totalCount: COUNT {
     (n1)<-[:STATED_IN]-(p4:Paper)
  }, nodes: COLLECT {
    MATCH (n1)<-[:STATED_IN]-(p4:Paper)
    WITH p4
    ORDER BY p4.title, p4.id
    SKIP $la0
    LIMIT $la1
    RETURN p4 {.id, .title}
  }} AS h3
  RETURN n1 {.id, .name, .format, .importedAt, `@papers`: h3}
} AS h0
RETURN x {.id, `@sources`: h0} AS n
// parameters
{
  "la0": 0,
  "la1": 3,
  "id": "paper:x"
}
