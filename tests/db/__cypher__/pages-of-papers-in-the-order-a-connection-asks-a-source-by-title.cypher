// query 1 of 1
UNWIND $keys AS key
MATCH (x:List {id: key})
RETURN key, COUNT {
   (x)<-[:STATED_IN]-(p:Paper)
} AS total, COLLECT {
  MATCH (x)<-[:STATED_IN]-(p:Paper)
  WITH p
  ORDER BY p.title, p.id
  SKIP $offset
  LIMIT $limit
  RETURN p {.*}
} AS nodes
// parameters
{
  "keys": [
    "list:a",
    "list:b"
  ],
  "offset": 0,
  "limit": 3
}
