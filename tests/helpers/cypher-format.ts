/**
 * Cypher as a reviewer reads it: one clause a line, subqueries (`CALL { }`, `COLLECT { }`,
 * `EXISTS { }`, `COUNT { }`) indented, map literals and strings left on their line. For the
 * snapshot files of tests/db/cypher.snapshot.test.ts, so a change to a query reads like a diff of code.
 */
const CLAUSE =
  /^(?:OPTIONAL MATCH|DETACH DELETE|ON CREATE SET|ON MATCH SET|ORDER BY|MATCH|WHERE|WITH|RETURN|UNWIND|SKIP|LIMIT|CALL|UNION|CREATE|MERGE|SET|DELETE|REMOVE|FOREACH)\b/;
const SUBQUERY_BEFORE = /(?:COLLECT|EXISTS|COUNT|CALL(?:\s*\([^)]*\))?)\s*$/;

export function formatCypher(query: string): string {
  const q = query.replace(/\s+/g, ' ').trim();
  const out: string[] = [];
  let line = '';
  const stack: boolean[] = [];
  const depth = () => stack.filter(Boolean).length;
  const newLine = () => {
    if (line.trim()) out.push(line.trimEnd());
    line = '  '.repeat(depth());
  };
  for (let i = 0; i < q.length; i++) {
    const c = q[i] as string;
    if (c === "'" || c === '"' || c === '`') {
      const end = q.indexOf(c, i + 1);
      const j = end < 0 ? q.length - 1 : end;
      line += q.slice(i, j + 1);
      i = j;
      continue;
    }
    if (c === '{') {
      const sub = SUBQUERY_BEFORE.test(line);
      stack.push(sub);
      line += c;
      if (sub) newLine();
      continue;
    }
    if (c === '}') {
      const sub = stack.pop();
      if (sub) {
        newLine();
        line = `${'  '.repeat(depth())}}`;
      } else line += c;
      continue;
    }
    const startsWord = i === 0 || /[\s(]/.test(q[i - 1] as string);
    const m = startsWord ? CLAUSE.exec(q.slice(i)) : null;
    // "STARTS WITH", "ENDS WITH" and "ON CREATE SET" are no new clause of their own.
    const previous = line.trimEnd().split(/\s+/).at(-1) ?? '';
    if (m && !(m[0] === 'WITH' && /^(?:STARTS|ENDS)$/.test(previous)) && !/\($/.test(line)) {
      newLine();
      line += m[0];
      i += m[0].length - 1;
      continue;
    }
    line += c;
  }
  newLine();
  return out.join('\n');
}

/** The queries one operation sent, each formatted, with its parameters. */
export function renderCalls(calls: ReadonlyArray<{ cypher: string; params: unknown }>): string {
  return `${calls
    .map(
      (c, i) =>
        `// query ${i + 1} of ${calls.length}\n${formatCypher(c.cypher)}\n// parameters\n${JSON.stringify(c.params, null, 2)}`,
    )
    .join('\n\n')}\n`;
}
