// query 1 of 1
UNWIND $keys AS key
MATCH (x:Topic {id: key})
RETURN key, COUNT {
   (x)<-[about:ABOUT
  WHERE about.confidence >= 0.5]-(p:Paper)
} AS total, COLLECT {
  MATCH (x)<-[about:ABOUT
  WHERE about.confidence >= 0.5]-(p:Paper)
  WITH p
  ORDER BY p.newest, p.id
  SKIP $offset
  LIMIT $limit
  RETURN p {.*}
} AS nodes
// parameters
{
  "keys": [
    "k:1",
    "k:2"
  ],
  "offset": 10,
  "limit": 5
}
