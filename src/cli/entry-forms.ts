import { readFileSync, writeFileSync } from 'node:fs';
import { CASES_FILE, renderEntryForms } from '../eval/entry-forms.js';

/** Writes docs/entry-forms.md from the golden case file: `npm run docs:forms`. */
const OUT = 'docs/entry-forms.md';
const table = renderEntryForms(readFileSync(CASES_FILE, 'utf8'));
writeFileSync(
  OUT,
  `# Forms of entry the importer reads

Rendered by \`npm run docs:forms\` from the golden case file (\`${CASES_FILE}\`): every row is a real
entry from the named file and line, and "read as" is what the importer reads from it today
(title · authors · year · venue). \`tests/eval/entry-forms.test.ts\` fails when this page is stale,
and \`tests/ingest/entry-cases.test.ts\` checks each row against its hand-written expectation. A
form is added by adding its row (with \`form:\`) to the case file.

${table}
`,
);
console.log(`Wrote ${OUT}.`);
