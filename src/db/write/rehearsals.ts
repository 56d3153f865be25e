import { randomUUID } from 'node:crypto';
import { authorId, paperId, venueId } from '../../domain/normalize.js';
import type { Db } from '../driver.js';
import { assertNoPaperConflict, writePaper } from './paper-writes.js';

/**
 * The API's writes as a (re)started server rehearses them before it takes requests, each in a
 * transaction that is rolled back (Db.rehearse): createPaper as the mutation runs it, a bare one
 * and one with a venue and a year. A fresh title each time, so no rehearsal meets a stored paper.
 */
const REHEARSALS = [
  (title: string) => ({ title, authors: [{ id: authorId('Warm Up'), name: 'Warm Up' }] }),
  (title: string) => ({
    title,
    year: 2020,
    venue: { id: venueId('Warm-up Venue'), name: 'Warm-up Venue', kind: null },
    authors: [{ id: authorId('Warm Up'), name: 'Warm Up' }],
  }),
];

export function addWriteRehearsals(db: Db): void {
  for (const write of REHEARSALS)
    db.addRehearsal(async (run) => {
      const w = write(`Warm-up rehearsal ${randomUUID()} on adaptive optimizers`);
      const id = paperId(w.title);
      await assertNoPaperConflict(run, id, null);
      await writePaper(run, id, w, true);
    });
}
