import type { Db, Runner } from '../driver.js';

/**
 * How many papers are about both topics of each pair, kept as (:TopicPair {id, papers}) nodes so
 * topicOverlap answers in constant time however large the topics grow. The paper write path
 * (write/derived.ts) brackets every change: countTopicPairs(…, -1) before, countTopicPairs(…, +1) after.
 */
const PAIR_ID = (a: string, b: string) => `${a} + ' ' + ${b}`;

/** The pair node id of two topic ids (in id order, as the writes store it). */
export const topicPairId = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);

/** Adds `delta` for every pair of topics each of these papers is about. */
export async function countTopicPairs(
  run: Runner,
  paperIds: readonly string[],
  delta: 1 | -1,
): Promise<void> {
  if (paperIds.length === 0) return;
  await run(
    `UNWIND $ids AS id
     MATCH (p:Paper {id: id})-[:ABOUT]->(t1:Topic)
     MATCH (p)-[:ABOUT]->(t2:Topic) WHERE t1.id < t2.id
     WITH ${PAIR_ID('t1.id', 't2.id')} AS pair, count(*) AS n
     MERGE (x:TopicPair {id: pair})
     SET x.papers = coalesce(x.papers, 0) + $delta * n`,
    { ids: [...paperIds], delta },
  );
}

/**
 * Counts every pair from scratch: for graphs written before the counts existed (start-up finds
 * topics about papers but no pair nodes). Linear in the ABOUT relationships.
 */
export async function recountTopicPairs(db: Db): Promise<void> {
  await db.writeTransaction(async (run) => {
    await run('MATCH (x:TopicPair) DELETE x');
    await run(
      `MATCH (t1:Topic)<-[:ABOUT]-(p:Paper)-[:ABOUT]->(t2:Topic) WHERE t1.id < t2.id
       WITH ${PAIR_ID('t1.id', 't2.id')} AS pair, count(p) AS n
       CREATE (:TopicPair {id: pair, papers: n})`,
    );
  });
}

/** Whether the graph has topics on papers but no pair counts yet. */
export async function topicPairsMissing(db: Db): Promise<boolean> {
  const [row] = await db.read(
    'RETURN EXISTS { MATCH (:Paper)-[:ABOUT]->(:Topic) } AND NOT EXISTS { MATCH (:TopicPair) } AS missing',
  );
  return row?.missing === true;
}
