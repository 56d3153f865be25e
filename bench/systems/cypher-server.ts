/**
 * The floor: each question as one hand-written Cypher query through neo4j-driver, behind the
 * thinnest HTTP layer (POST /Q1 … /Q6 with the parameters as the JSON body). Each runs as an
 * auto-commit query, the cheapest way the driver has to send one read (this API's reads go so too).
 */
import { createServer } from 'node:http';
import { toCypher } from '../../src/db/driver.js';
import { QUESTIONS } from '../questions.js';
import { announce, systemEnv } from './env.js';

const { driver, port } = systemEnv();
const byPath = new Map(QUESTIONS.map((q) => [`/${q.id}`, q.cypher.statement]));

const server = createServer((req, res) => {
  const statement = byPath.get(req.url ?? '');
  if (req.method !== 'POST' || !statement) {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', async () => {
    try {
      const params = toCypher(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
      const session = driver.session({ defaultAccessMode: 'READ' });
      const { records } = await session.run(statement, params).finally(() => session.close());
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: records.map((r) => r.toObject()) }));
    } catch (err) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: (err as Error).message }] }));
    }
  });
});
announce(server, port);
