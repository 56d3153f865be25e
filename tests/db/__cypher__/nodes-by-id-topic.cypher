// query 1 of 1
UNWIND $ids AS id
OPTIONAL MATCH (n:Topic {id: id})
RETURN n {.*} AS n
// parameters
{
  "ids": [
    "topic:a",
    "topic:b"
  ]
}
