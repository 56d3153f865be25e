// query 1 of 3
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

// query 2 of 3
UNWIND $ids AS key
MATCH (x:Paper {id: key})
WITH key, x, COLLECT {
  MATCH (x)<-[:CITES]-(c0:Paper)-[:CITES]->(o1:Paper)
  WHERE o1 <> x
  WITH o1, count(c0) AS k2
  ORDER BY k2 DESC, o1.newest, o1.id
  LIMIT $la0
  RETURN {count: k2, paper: o1 {.*}}
} AS coCited
RETURN key, coCited
// parameters
{
  "la0": 10,
  "ids": [
    "paper:a",
    "paper:b"
  ]
}

// query 3 of 3
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
