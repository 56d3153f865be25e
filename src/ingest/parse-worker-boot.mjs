// The import worker's entry: worker threads run plain JavaScript, so tsx loads the TypeScript
// worker (under `npm start` and under vitest alike; neither passes its loader to new threads).
import { tsImport } from 'tsx/esm/api';

await tsImport('./parse-worker.ts', import.meta.url);
