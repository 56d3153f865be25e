/** The query GraphiQL opens with: the relational questions the graph answers, on the seed data. */
export const PLAYGROUND_QUERY = `# Relational questions on the paper graph. Press ▶ and pick an operation.

query CoAuthors {
  coAuthors(authorId: "author:philipp-hennig") {
    author { name }
    sharedPapers
    papers { title }
  }
}

query RelatedWorkAcrossSections {
  relatedWork(
    paperId: "paper:a-simple-convergence-proof-of-adam-and-adagrad"
    first: 5
    crossSectionOnly: true
  ) {
    score
    reasons
    paper { title sections { code title } }
  }
}

query TopicOverlap {
  topicOverlap(topicIds: ["topic:adaptive", "topic:dynamics"]) {
    paperCount
    jaccard
    papers { title authors { name } }
  }
}

query CollaborationPath {
  collaborationPath(fromAuthorId: "author:lukas-balles", toAuthorId: "author:frank-schneider") {
    authors { name }
    links { from { name } to { name } papers { title } }
  }
}

query Search {
  search(query: "adagrad") {
    score
    node { __typename id ... on Paper { title year venue { name } } ... on Author { name } }
  }
}
`;
