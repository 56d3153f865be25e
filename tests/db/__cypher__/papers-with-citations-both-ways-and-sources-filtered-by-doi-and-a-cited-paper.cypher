// query 1 of 1
CALL () {
  MATCH (:Paper {id: $cites})<-[:CITES]-(p:Paper)
  WHERE p.doi IS NOT NULL
  RETURN count(p) AS total
}
CALL () {
  MATCH (:Paper {id: $cites})<-[:CITES]-(p:Paper)
  WHERE p.newest IS NOT NULL AND p.doi IS NOT NULL
  WITH p
  ORDER BY p.newest, p.id
  SKIP $offset
  LIMIT $limit
  WITH p, COLLECT {
    MATCH (p)-[:STATED_IN]->(n1:List)
    WITH n1
    ORDER BY n1.name
    RETURN n1 {.id, .name, .format}
  } AS h0, {totalCount: COUNT {
     (p)-[:CITES]->(p4:Paper)
  }, nodes: COLLECT {
    MATCH (p)-[:CITES]->(p4:Paper)
    WITH p4
    ORDER BY p4.newest, p4.id
    SKIP $la0
    LIMIT $la1
    RETURN p4 {.id, .title}
  }} AS h3, {totalCount: COUNT {
     (p)<-[:CITES]-(p6:Paper)
  }, nodes: COLLECT {
    MATCH (p)<-[:CITES]-(p6:Paper)
    WITH p6
    ORDER BY p6.newest, p6.id
    SKIP $la2
    LIMIT $la3
    RETURN p6 {.id}
  }} AS h5
  RETURN collect(p {.id, .doi, .abstract, `@sources`: h0, `@references`: h3, `@citedBy`: h5}) AS nodes
}
RETURN total, nodes
// parameters
{
  "la0": 0,
  "la1": 4,
  "la2": 0,
  "la3": 3,
  "cites": "paper:y",
  "hasDoi": true,
  "minConfidence": 0.5,
  "offset": 0,
  "limit": 3
}
