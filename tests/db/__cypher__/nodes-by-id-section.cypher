// query 1 of 1
UNWIND $ids AS id
OPTIONAL MATCH (n:Section {id: id})
RETURN n {.*} AS n
// parameters
{
  "ids": [
    "section:a",
    "section:b"
  ]
}
