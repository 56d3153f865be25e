import { cleanText, findArxivId, venueId } from './normalize.js';
import type { VenueKind, VenueRecord } from './records.js';

const CONFERENCES = new Set(
  'ICLR ICML NEURIPS NIPS COLT AISTATS UAI AAAI IJCAI CVPR ICCV ECCV KDD ACL EMNLP NAACL COLING ICDM WWW SIGIR WSDM ICASSP INTERSPEECH ALT CDC ACC ICRA IROS MLSYS SYSML SDM ECML CIKM'.split(
    ' ',
  ),
);
const JOURNAL_WORDS =
  /\b(journal|transactions|letters|review|jmlr|tmlr|tpami|siam|ieee access|nature|science|mathematical programming|neural computation|machine learning|optimization methods|acta|annals)\b/i;

export interface ParsedVenue {
  venue: VenueRecord | null;
  year: number | null;
  arxivId: string | null;
  notes: string[];
}

/**
 * Reads a venue as lists write it: "ICLR 2019", "ICML 2018 (Best Paper)", "IEEE Access", "JMLR",
 * "arXiv preprint arXiv:2003.02395", "arXiv 2017", "ICDMW 2019". The venue node is the series
 * (ICLR), so a venue's papers span years; the year goes to the paper.
 */
export function parseVenue(text: string): ParsedVenue {
  const notes: string[] = [];
  let s = cleanText(text).replace(/\(([^)]*)\)/g, (_m, note: string) => {
    if (note.trim()) notes.push(cleanText(note));
    return ' ';
  });
  s = cleanText(s);
  const arxivId = findArxivId(s);
  if (/^arxiv\b/i.test(s)) {
    const year = /\b(19|20)\d{2}\b/.exec(s.replace(/arXiv\s*:\s*\S+/i, ''));
    return { venue: venue('arXiv', 'PREPRINT'), year: year ? Number(year[0]) : null, arxivId, notes };
  }
  const m = /^(.*?)[\s'’]*((?:19|20)\d{2})$/.exec(s);
  const name = cleanText(m ? (m[1] as string) : s).replace(/[.,;:]+$/, '');
  if (!name) return { venue: null, year: m ? Number(m[2]) : null, arxivId, notes };
  return { venue: venue(name, kindOf(name)), year: m ? Number(m[2]) : null, arxivId, notes };
}

function venue(name: string, kind: VenueKind): VenueRecord {
  return { id: venueId(name), name, kind };
}

/** Classifies a venue series by its name. */
export function kindOf(name: string): VenueKind {
  const upper = name.toUpperCase();
  if (/workshop/i.test(name) || (/^[A-Z]{3,}W$/.test(name) && CONFERENCES.has(upper.slice(0, -1))))
    return 'WORKSHOP';
  if (/arxiv|preprint|openreview|ssrn/i.test(name)) return 'PREPRINT';
  if (JOURNAL_WORDS.test(name)) return 'JOURNAL';
  if (CONFERENCES.has(upper) || /\b(conference|symposium|proceedings)\b/i.test(name)) return 'CONFERENCE';
  return 'OTHER';
}
