// query 1 of 2
CALL () {
  MATCH (:List {id: $listId})<-[:STATED_IN]-(p:Paper)
  RETURN count(p) AS total
}
CALL () {
  MATCH (:List {id: $listId})<-[:STATED_IN]-(p:Paper)
  WHERE p.newest IS NOT NULL
  WITH p
  ORDER BY p.newest, p.id
  SKIP $offset
  LIMIT $limit
  RETURN collect(p {.id}) AS nodes
}
RETURN total, nodes
// parameters
{
  "listId": "list:x",
  "minConfidence": 0.5,
  "offset": 0,
  "limit": 4
}

// query 2 of 2
CALL () {
  MATCH (p:Paper)
  WHERE EXISTS {
     (p)-[:LISTED_IN]->(:Section {code: $sectionCode, listId: $listId})
  }
  RETURN count(p) AS total
}
CALL () {
  MATCH (p:Paper)
  WHERE p.newest IS NOT NULL AND EXISTS {
     (p)-[:LISTED_IN]->(:Section {code: $sectionCode, listId: $listId})
  }
  WITH p
  ORDER BY p.newest, p.id
  SKIP $offset
  LIMIT $limit
  RETURN collect(p {.id}) AS nodes
}
RETURN total, nodes
// parameters
{
  "listId": "list:x",
  "sectionCode": "A.1",
  "minConfidence": 0.5,
  "offset": 0,
  "limit": 4
}
