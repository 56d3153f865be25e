// query 1 of 1
UNWIND $ids AS id
OPTIONAL MATCH (n:Venue {id: id})
RETURN n {.*} AS n
// parameters
{
  "ids": [
    "venue:a",
    "venue:b"
  ]
}
