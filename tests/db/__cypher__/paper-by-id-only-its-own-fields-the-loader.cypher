// query 1 of 1
UNWIND $ids AS id
OPTIONAL MATCH (n:Paper {id: id})
RETURN n {.*} AS n
// parameters
{
  "ids": [
    "paper:x"
  ]
}
