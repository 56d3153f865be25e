// query 1 of 1
UNWIND $ids AS id
OPTIONAL MATCH (n:Author {id: id})
RETURN n {.*} AS n
// parameters
{
  "ids": [
    "author:a",
    "author:b"
  ]
}
