// query 1 of 1
MATCH (x:Author {id: $id})
WITH x, COLLECT {
  MATCH (x)-[:AUTHORED]->(p2:Paper)<-[:AUTHORED]-(c1:Author)
  WHERE c1 <> x
  WITH c1, collect(p2) AS s3
  ORDER BY size(s3) DESC, c1.name
  LIMIT $la0
  RETURN {author: c1 {.id, .name}, sharedPapers: size(s3), papers: COLLECT {
    UNWIND s3 AS q4
    RETURN q4 {.id, .title}
  }}
} AS h0, COLLECT {
  MATCH (x)-[:AUTHORED]->(:Paper)-[:PUBLISHED_IN]->(n6:Venue)
  WITH DISTINCT n6
  ORDER BY n6.name
  RETURN n6 {.id, .name}
} AS h5, {totalCount: COUNT {
   (x)-[:AUTHORED]->(p9:Paper)
}, nodes: COLLECT {
  MATCH (x)-[:AUTHORED]->(p9:Paper)
  WITH p9
  ORDER BY p9.newest, p9.id
  SKIP $la1
  LIMIT $la2
  WITH p9, COLLECT {
    MATCH (p9)-[:PUBLISHED_IN]->(n11:Venue)
    WITH n11
    LIMIT 1
    RETURN n11 {.id, .name}
  } AS h10
  RETURN p9 {.id, .title, `@venue`: h10}
}} AS h8
RETURN x {.id, .name, `@coAuthors`: h0, `@venues`: h5, `@papers`: h8} AS n
// parameters
{
  "la0": 3,
  "la1": 0,
  "la2": 5,
  "id": "author:x"
}
