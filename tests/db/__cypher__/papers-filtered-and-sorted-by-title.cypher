// query 1 of 1
CALL () {
  MATCH (p:Paper)
  WHERE EXISTS {
     (p)-[:PUBLISHED_IN]->(:Venue {kind: $venueKind})
  } AND EXISTS {
     (p)-[:MENTIONS]->(o:Optimizer)
    WHERE toLower(o.name) = toLower($optimizer)
  } AND p.year >= $yearFrom
  RETURN count(p) AS total
}
CALL () {
  MATCH (p:Paper)
  WHERE EXISTS {
     (p)-[:PUBLISHED_IN]->(:Venue {kind: $venueKind})
  } AND EXISTS {
     (p)-[:MENTIONS]->(o:Optimizer)
    WHERE toLower(o.name) = toLower($optimizer)
  } AND p.year >= $yearFrom
  WITH p
  ORDER BY p.title, p.id
  SKIP $offset
  LIMIT $limit
  RETURN collect(p {.id, .title}) AS nodes
}
RETURN total, nodes
// parameters
{
  "optimizer": "adam",
  "venueKind": "CONFERENCE",
  "yearFrom": 2018,
  "minConfidence": 0.5,
  "offset": 0,
  "limit": 6
}
