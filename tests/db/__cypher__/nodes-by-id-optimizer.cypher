// query 1 of 1
UNWIND $ids AS id
OPTIONAL MATCH (n:Optimizer {id: id})
RETURN n {.*} AS n
// parameters
{
  "ids": [
    "optimizer:a",
    "optimizer:b"
  ]
}
