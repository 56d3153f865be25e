// query 1 of 1
CALL () {
  UNWIND $k0 AS key
  MATCH (x:Paper {id: key})
  RETURN collect([key, COLLECT {
    MATCH (x)<-[r:AUTHORED]-(n:Author)
    WITH n
    ORDER BY r.position
    RETURN n {.*}
  }]) AS r0
}
CALL () {
  UNWIND $k1 AS key
  MATCH (x:Paper {id: key})
  RETURN collect([key, COLLECT {
    MATCH (x)-[:PUBLISHED_IN]->(n:Venue)
    WITH n
    LIMIT 1
    RETURN n {.*}
  }]) AS r1
}
CALL () {
  UNWIND $k2 AS key
  MATCH (x:Paper {id: key})
  RETURN collect([key, COLLECT {
    MATCH (x)-[:LISTED_IN]->(n:Section)
    WITH n
    ORDER BY n.listId, n.code
    RETURN n {.*}
  }]) AS r2
}
CALL () {
  UNWIND $k3 AS key
  MATCH (x:Paper {id: key})
  RETURN collect([key, COLLECT {
    MATCH (x)-[r:ABOUT
    WHERE r.confidence >= 0.5]->(n:Topic)
    WITH n
    ORDER BY n.facet, n.name
    RETURN n {.*}
  }]) AS r3
}
CALL () {
  UNWIND $k4 AS key
  MATCH (x:Paper {id: key})
  RETURN collect([key, COLLECT {
    MATCH (x)-[:MENTIONS]->(n:Optimizer)
    WITH n
    ORDER BY n.name
    RETURN n {.*}
  }]) AS r4
}
CALL () {
  UNWIND $k5 AS key
  MATCH (x:Author {id: key})
  RETURN collect([key, COLLECT {
    MATCH (x)-[:AUTHORED]->(:Paper)-[:PUBLISHED_IN]->(n:Venue)
    WITH DISTINCT n
    ORDER BY n.name
    RETURN n {.*}
  }]) AS r5
}
CALL () {
  UNWIND $k6 AS key
  MATCH (x:Author {id: key})
  RETURN collect([key, COLLECT {
    MATCH (x)-[:AUTHORED]->(:Paper)-[r:ABOUT
    WHERE r.confidence >= 0.5]->(n:Topic)
    WITH DISTINCT n
    ORDER BY n.facet, n.name
    RETURN n {.*}
  }]) AS r6
}
CALL () {
  UNWIND $k7 AS key
  MATCH (x:Topic {id: key})
  RETURN collect([key, COLLECT {
    MATCH (x)<-[:COVERS]-(n:Section)
    WITH n
    ORDER BY n.listId, n.code
    RETURN n {.*}
  }]) AS r7
}
CALL () {
  UNWIND $k8 AS key
  MATCH (x:Section {id: key})
  RETURN collect([key, COLLECT {
    MATCH (x)-[:COVERS]->(n:Topic)
    WITH n
    ORDER BY n.facet, n.name
    RETURN n {.*}
  }]) AS r8
}
CALL () {
  UNWIND $k9 AS key
  MATCH (x:Section {id: key})
  RETURN collect([key, COLLECT {
    MATCH (x)-[:SUBSECTION_OF]->(n:Section)
    WITH n
    LIMIT 1
    RETURN n {.*}
  }]) AS r9
}
CALL () {
  UNWIND $k10 AS key
  MATCH (x:Section {id: key})
  RETURN collect([key, COLLECT {
    MATCH (x)<-[:SUBSECTION_OF]-(n:Section)
    WITH n
    ORDER BY n.order
    RETURN n {.*}
  }]) AS r10
}
CALL () {
  UNWIND $k11 AS key
  MATCH (x:Paper {id: key})
  RETURN collect([key, COLLECT {
    MATCH (x)-[:STATED_IN]->(n:List)
    WITH n
    ORDER BY n.name
    RETURN n {.*}
  }]) AS r11
}
CALL () {
  UNWIND $k12 AS key
  MATCH (x:Section {id: key})
  RETURN collect([key, COLLECT {
    MATCH (x)-[:IN_LIST]->(n:List)
    WITH n
    LIMIT 1
    RETURN n {.*}
  }]) AS r12
}
RETURN r0, r1, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, r12
// parameters
{
  "k0": [
    "key:0"
  ],
  "k1": [
    "key:1"
  ],
  "k2": [
    "key:2"
  ],
  "k3": [
    "key:3"
  ],
  "k4": [
    "key:4"
  ],
  "k5": [
    "key:5"
  ],
  "k6": [
    "key:6"
  ],
  "k7": [
    "key:7"
  ],
  "k8": [
    "key:8"
  ],
  "k9": [
    "key:9"
  ],
  "k10": [
    "key:10"
  ],
  "k11": [
    "key:11"
  ],
  "k12": [
    "key:12"
  ]
}
