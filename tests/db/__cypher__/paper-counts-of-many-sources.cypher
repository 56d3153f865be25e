// query 1 of 1
UNWIND $keys AS key
OPTIONAL MATCH (x:List {id: key})
RETURN key, COUNT {
   (x)<-[:STATED_IN]-(p:Paper)
} AS c
// parameters
{
  "keys": [
    "list:a",
    "list:b"
  ]
}
