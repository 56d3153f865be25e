// query 1 of 1
CALL () {
  MATCH (p:Paper)
  RETURN count(p) AS total
}
CALL () {
  MATCH (p:Paper)
  WHERE p.newest IS NOT NULL
  WITH p
  ORDER BY p.newest, p.id
  SKIP $offset
  LIMIT $limit
  WITH p, COLLECT {
    MATCH (p)<-[r2:AUTHORED]-(n1:Author)
    WITH n1
    ORDER BY r2.position
    RETURN n1 {.*}
  } AS h0, COLLECT {
    MATCH (p)-[:PUBLISHED_IN]->(n4:Venue)
    WITH n4
    LIMIT 1
    RETURN n4 {.*}
  } AS h3
  RETURN collect(p {.*, `@bibtex:paperAuthors`: h0, `@bibtex:paperVenue`: h3}) AS nodes
}
RETURN total, nodes
// parameters
{
  "minConfidence": 0.5,
  "offset": 0,
  "limit": 3
}
