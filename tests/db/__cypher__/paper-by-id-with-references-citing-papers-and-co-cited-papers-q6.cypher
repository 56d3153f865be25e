// query 1 of 1
MATCH (x:Paper {id: $id})
WITH x, {totalCount: COUNT {
   (x)-[:CITES]->(p1:Paper)
}, nodes: COLLECT {
  MATCH (x)-[:CITES]->(p1:Paper)
  WITH p1
  ORDER BY p1.newest, p1.id
  SKIP $la0
  LIMIT $la1
  RETURN p1 {.id, .title, .year}
}} AS h0, {totalCount: COUNT {
   (x)<-[:CITES]-(p3:Paper)
}, nodes: COLLECT {
  MATCH (x)<-[:CITES]-(p3:Paper)
  WITH p3
  ORDER BY p3.newest, p3.id
  SKIP $la2
  LIMIT $la3
  RETURN p3 {.id, .title, .year}
}} AS h2, COLLECT {
  MATCH (x)<-[:CITES]-(c5:Paper)-[:CITES]->(o6:Paper)
  WHERE o6 <> x
  WITH o6, count(c5) AS k7
  ORDER BY k7 DESC, o6.newest, o6.id
  LIMIT $la4
  RETURN {count: k7, paper: o6 {.id, .title, .year}}
} AS h4
RETURN x {.id, .title, `@references`: h0, `@citedBy`: h2, `@coCited`: h4} AS n
// parameters
{
  "la0": 0,
  "la1": 21,
  "la2": 0,
  "la3": 21,
  "la4": 10,
  "id": "paper:x"
}
