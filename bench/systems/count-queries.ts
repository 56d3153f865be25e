/**
 * Preloaded (`node --import`) into each system under test: counts every Cypher statement sent
 * through neo4j-driver (auto-commit and transaction functions alike) and answers the benchmark's
 * `queries` message over IPC. The same counter for all three systems, with no change to them.
 */
import { Session, Transaction } from 'neo4j-driver';

let count = 0;
for (const proto of [Transaction.prototype, Session.prototype] as Array<{
  run: (...a: unknown[]) => unknown;
}>) {
  const run = proto.run;
  proto.run = function (this: unknown, ...args: unknown[]) {
    count++;
    return run.apply(this, args);
  };
}
process.on('message', (m) => {
  if (m === 'queries') process.send?.({ queries: count });
});
