import type { Db } from './driver.js';
import type { AuthorNode, PaperNode, TopicNode } from './model.js';

export interface OverlapRow {
  topics: TopicNode[];
  papers: PaperNode[];
  authors: AuthorNode[];
  paperCount: number;
  unionCount: number;
  jaccard: number;
}

/** Papers about every one of the topics, their authors, and the Jaccard index of the topics' paper sets. */
export async function topicOverlap(db: Db, topicIds: string[], limit: number): Promise<OverlapRow> {
  const [row] = await db.read(
    `UNWIND $ids AS id
     MATCH (t:Topic {id: id})
     WITH collect(t) AS topics
     CALL (topics) {
       UNWIND topics AS t
       MATCH (t)<-[:ABOUT]-(p:Paper)
       WITH p, count(DISTINCT t) AS hits
       WITH collect({p: p, hits: hits}) AS touched
       RETURN size(touched) AS unionCount, [x IN touched WHERE x.hits = size(topics) | x.p] AS common
     }
     WITH topics, unionCount, common, size(common) AS paperCount
     CALL (common) {
       UNWIND common AS p
       MATCH (p)<-[:AUTHORED]-(a:Author)
       WITH DISTINCT a ORDER BY a.name
       RETURN collect(a {.*}) AS authors
     }
     RETURN [t IN topics | t {.*}] AS topics,
            [p IN common | p {.*}][0..$limit] AS papers,
            authors, paperCount, unionCount`,
    { ids: [...new Set(topicIds)], limit },
  );
  const paperCount = (row?.paperCount as number) ?? 0;
  const unionCount = (row?.unionCount as number) ?? 0;
  return {
    topics: (row?.topics as TopicNode[]) ?? [],
    papers: (row?.papers as PaperNode[]) ?? [],
    authors: (row?.authors as AuthorNode[]) ?? [],
    paperCount,
    unionCount,
    jaccard: unionCount ? paperCount / unionCount : 0,
  };
}
