import type { Db, Runner } from '../driver.js';
import { GRADES, gradeOf } from './topic-edges.js';

/**
 * How many papers are about both topics of each pair, kept as (:TopicPair {id, byGrade}) nodes
 * so topicOverlap answers in constant time however large the topics grow. byGrade[g] counts the
 * papers whose weaker assignment of the two has confidence grade g (topic-edges.ts), so the count
 * at a minConfidence on the tenths is a sum. A topic paired with itself ("t t") is its own size.
 * The paper write path (write/derived.ts) brackets every change: countTopicPairs(…, -1) before,
 * countTopicPairs(…, +1) after.
 */
const PAIR_ID = (a: string, b: string) => `${a} + ' ' + ${b}`;
const PAIRS = `MATCH (p)-[a1:ABOUT]->(t1:Topic)
     MATCH (p)-[a2:ABOUT]->(t2:Topic) WHERE t1.id < t2.id OR a1 = a2
     WITH ${PAIR_ID('t1.id', 't2.id')} AS pair,
          CASE WHEN ${gradeOf('a1')} < ${gradeOf('a2')} THEN ${gradeOf('a1')} ELSE ${gradeOf('a2')} END AS g, count(*) AS n
     WITH pair, collect([g, n]) AS counts`;
const VECTOR = (old: string, sign: string) =>
  `[i IN range(0, ${GRADES}) | coalesce(${old}[i], 0) + ${sign} * reduce(s = 0, c IN counts | s + CASE WHEN c[0] = i THEN c[1] ELSE 0 END)]`;

/** The pair node id of two topic ids (in id order, as the writes store it); one id twice is its size. */
export const topicPairId = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);

/** The papers a pair counter holds at or above a grade. */
export const pairCount = (x: string, grade: string) =>
  `reduce(s = 0, i IN range(${grade}, ${GRADES}) | s + coalesce(${x}.byGrade[i], 0))`;

/** Adds `delta` for every pair of topics each of these papers is about. */
export async function countTopicPairs(
  run: Runner,
  paperIds: readonly string[],
  delta: 1 | -1,
): Promise<void> {
  if (paperIds.length === 0) return;
  await run(
    `UNWIND $ids AS id
     MATCH (p:Paper {id: id})
     ${PAIRS}
     // In one order in every write, so concurrent writes queue on shared pairs instead of deadlocking.
     ORDER BY pair
     MERGE (x:TopicPair {id: pair})
     SET x.byGrade = ${VECTOR('x.byGrade', '$delta')}`,
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
      `MATCH (p:Paper) WHERE (p)-[:ABOUT]->()
       ${PAIRS}
       CREATE (:TopicPair {id: pair, byGrade: ${VECTOR('[]', '1')}})`,
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
