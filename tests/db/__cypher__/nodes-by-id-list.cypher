// query 1 of 1
UNWIND $ids AS id
OPTIONAL MATCH (n:List {id: id})
RETURN n {.*} AS n
// parameters
{
  "ids": [
    "list:a",
    "list:b"
  ]
}
