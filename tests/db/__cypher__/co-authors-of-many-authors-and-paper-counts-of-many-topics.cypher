// query 1 of 2
UNWIND $ids AS key
MATCH (x:Author {id: key})
WITH key, x, COLLECT {
  MATCH (x)-[:AUTHORED]->(p1:Paper)<-[:AUTHORED]-(c0:Author)
  WHERE c0 <> x
  WITH c0, collect(p1) AS s2
  ORDER BY size(s2) DESC, c0.name
  LIMIT $la0
  RETURN {author: c0 {.*}, sharedPapers: size(s2), papers: COLLECT {
    UNWIND s2 AS q3
    RETURN q3 {.*}
  }}
} AS coAuthors
RETURN key, coAuthors
// parameters
{
  "la0": 5,
  "ids": [
    "author:a",
    "author:b"
  ]
}

// query 2 of 2
UNWIND $keys AS key
OPTIONAL MATCH (x:Topic {id: key})
RETURN key, COUNT {
   (x)<-[about:ABOUT
  WHERE about.confidence >= 0.5]-(p:Paper)
} AS c
// parameters
{
  "keys": [
    "topic:a",
    "topic:b"
  ]
}
