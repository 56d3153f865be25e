import { cleanText } from '../domain/normalize.js';
import { AFFILIATION, NAME_SEPARATOR, rx } from './vocabulary.js';

/** Lower-case words that stand inside names ("Aaron van den Oord", "Ludovic Denoyer de la Fuente"). */
const PARTICLES = /(?:van|von|der|den|de|del|della|di|da|du|dos|das|le|la|bin|ibn|al|el|ter|ten|zu|y)/;
const PARTICLE = rx()`^${PARTICLES}$`;
/** Initials: "D.", "D.P.", "J.-P.", or a bare capital as some lists write it ("D Ulyanov"). */
const INITIALS = /^(?:\p{Lu}\.-?)+$|^\p{Lu}$/u;
const WORD = /^\p{Lu}[\p{Ll}\p{Lu}'’-]*\p{Ll}[\p{L}'’-]*\.?$/u;
/** Capitalised words that appear in titles and affiliations but are no one's name. */
const NOT_A_NAME =
  /^(the|a|an|of|on|in|for|with|via|to|and|is|are|all|need|what|when|how|why|your|my|our|we|its|not|only|does|more|less|than|using|makes|learns|into|through|without|between|beyond|towards?|tutorial|survey|review|book|overview|introduction|university|institute|laboratory|lab|labs|research|team|group|inc|ltd|corporation|school|college|department|learning|network|networks|neural|deep|model|models|analysis|optimization|optimizer|algorithm|method|methods|paper|papers|new|notes|web|code|blog|weight|decay|gradient|gradients|descent|stochastic|adaptive|convergence|training|momentum|rate|rates|large|scale|batch|loss|landscape|theory|data|image|language|vision|speech|memory|attention|transformer|transformers|efficient|fast|simple|stable|robust|sharp|flat|minima|dynamics|convex|nonconvex|bound|bounds|step|steps|free|sparse|online|regret|noise|sign|second|order|first)$/i;
/**
 * Word endings of title words, not of names ("Regularization", "Robustness", "Generative"); "-izer"
 * only on longer words ("Optimizer", "Tokenizer"), as "Kaiser" and "Keizer" are names.
 */
const TITLE_SUFFIX = /(?:tion|sion|ness|ment|ity|ics|ive|ised|ized|ize|ise)$|^.{5,}i[sz]er$/i;
const ELIDED = /,?\s*(?:\.\.\.|…)\s*,?\s*(?=&|and\s)/;
const INCOMPLETE = /(?:,?\s*(?:et\.?\s*al\.?|and\s+others|etc\.?|…|\.\.\.))\s*$/i;

export interface NameList {
  names: string[];
  /** False when the list says it is cut short ("et al.", "and others"). */
  complete: boolean;
}

/** True when a word sequence reads as one person's name ("Diederik P. Kingma", "G. Hinton", "Weinan E"). */
export function isPersonName(text: string): boolean {
  const tokens = spaceInitials(text).split(' ').filter(Boolean);
  if (tokens.length === 0 || tokens.length > 6) return false;
  let words = 0;
  for (const [i, t] of tokens.entries()) {
    const bare = t.replace(/\.$/, '');
    if (!/^\p{Lu}\.?$/u.test(t) && (NOT_A_NAME.test(bare) || (bare.length > 5 && TITLE_SUFFIX.test(bare))))
      return false;
    if (PARTICLE.test(t) && i > 0 && i < tokens.length - 1) continue;
    if (WORD.test(t)) words++;
    else if (INITIALS.test(t) || (vancouverInitials(t) && i === tokens.length - 1 && words > 0)) continue;
    else return false;
  }
  // Acronyms ("ICLR", "IEEE") are not initials unless dotted; a name has at least one real word.
  return (
    words > 0 &&
    !tokens.slice(0, -1).some((t) => /^\p{Lu}{3,}$/u.test(t)) &&
    !/^\p{Lu}{4,}$/u.test(tokens.at(-1) ?? '')
  );
}

/**
 * Reads a run of person names: "A, B and C", "A; B", "G. Hinton et al.", surname-first
 * "Kingma, D. P., & Ba, J.". Returns null when any part is not a name, so callers can try
 * another reading of the text.
 */
export function readNames(text: string, opts: { inverted?: boolean } = {}): NameList | null {
  // "et al. ." and "Ba," end the same way as "et al." and "Ba"; where they work closes a run of
  // names in brackets ("Rohan Anil et al. (Google)", "Lizhang Chen, Qiang Liu (UT Austin)").
  let s = cleanText(text)
    .replace(/(?<=\p{L}|\.)\s+\(([^()]{2,80})\)[\s.]*$/u, (m, inner: string) =>
      isAffiliation(inner) ? '' : m,
    )
    .replace(/[\s,;:.]+$/, (m) => (m.trimStart().startsWith('.') ? '.' : ''));
  // APA elides the middle of a long list: "Le, Q. V., ... & Ng, A. Y.".
  const elided = ELIDED.test(s);
  const complete = !INCOMPLETE.test(s) && !elided;
  s = s
    .replace(ELIDED, ', ')
    .replace(INCOMPLETE, '')
    .replace(/[,;:\s]+$/, '');
  if (!s) return complete ? null : { names: [], complete };
  let parts = bibtexOrder(s)
    .split(NAME_SEPARATOR)
    .map((p) => cleanText(p))
    .filter(Boolean);
  // "Gatys, Leon and Ecker": an "and" right after the second part closes the first author there.
  const firstPaired = /^[^,;]+,[^,;]+?\s(?:and|&)\s/.test(s);
  parts = pairSurnameFirst(
    opts.inverted ? invertedAll(parts, complete, firstPaired) : invertedFirst(parts, complete),
  );
  if (parts.length === 0 || !parts.every(isPersonName)) return null;
  return { names: fromVancouver(parts).map(tidyName), complete };
}

/** Where people work, as lists put it after names: "(Google)", "(University of Minnesota)", "(UVA, UBC, Meta)". */
function isAffiliation(text: string): boolean {
  if (AFFILIATION.test(text)) return true;
  // Acronyms and proper names of places ("MIT", "Stanford", "Mila, UdM"), no word of a title
  // ("(Locomotion)" is a tag).
  const pieces = text.split(/\s*[,;/&]\s*/).filter(Boolean);
  const place = (p: string) =>
    /^\p{Lu}/u.test(p) &&
    p.split(/\s+/).every((w) => !NOT_A_NAME.test(w) && !(w.length > 5 && TITLE_SUFFIX.test(w)));
  return pieces.length > 0 && pieces.every(place);
}

/** Initials after the surname, undotted, as PubMed and Vancouver write them ("Kingma DP"). */
const vancouverInitials = (t: string) => /^\p{Lu}{1,3}\.?$/u.test(t);
const VANCOUVER = /^(\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)*) (\p{Lu}{1,3})\.?$/u;

/**
 * "Kingma DP, Ba J" → "D. P. Kingma", "J. Ba". Only a run written so throughout, with two names or
 * two-letter initials: "Weinan E" alone is a given name and a surname.
 */
function fromVancouver(parts: string[]): string[] {
  const m = parts.map((p) => VANCOUVER.exec(p));
  if (!m.every(Boolean) || (parts.length < 2 && !m.some((x) => (x?.[2]?.length ?? 0) >= 2))) return parts;
  return m.map((x) => `${[...(x?.[2] ?? '')].map((c) => `${c}.`).join(' ')} ${x?.[1]}`);
}

/**
 * BibTeX's "Family, Given and Family, Given" ("Kuleshov, Volodymyr and Precup, Doina"): every
 * name between the "and"s has one comma, so each is turned round. Other runs are left as written.
 */
function bibtexOrder(s: string): string {
  const names = s.split(/\s+and\s+/);
  if (names.length < 2 || !names.every((n) => /^[^,]+,\s*[^,]+$/.test(n.trim()))) return s;
  return names
    .map((n) =>
      n
        .split(',')
        .map((p) => p.trim())
        .reverse()
        .join(' '),
    )
    .join(', ');
}

/** A given name as MLA writes it after the surname: "Yoshua", "Geoffrey E.", "Aaron van den". */
/** One given name, hyphenated ones included ("Minh-Thang", "Jun-Yan"). */
const GIVEN_WORD = /\p{Lu}[\p{Ll}'’]+(?:-\p{L}[\p{Ll}'’]+)*/u;
const GIVEN = rx('u')`^${GIVEN_WORD}(?:\s+${GIVEN_WORD})?(?:\s+\p{Lu}\.)*(?:\s+${PARTICLES})*$`;

/**
 * MLA inverts the first author only: "LeCun, Yann, Yoshua Bengio, and Geoffrey Hinton",
 * "Szegedy, Christian, et al.". Two one-word parts are read as "Yann LeCun" when full names
 * follow them or the list is cut short; "Kingma, Ba" alone stays two people.
 */
function invertedFirst(parts: string[], complete: boolean): string[] {
  const [family, given, ...others] = parts;
  if (!family || !given || !/^\p{Lu}[\p{L}'’-]+$/u.test(family) || !GIVEN.test(given)) return parts;
  const fullNamesFollow = others.length > 0 && others.every((p) => p.split(' ').length >= 2);
  const initialGiven = /\s\p{Lu}\.$/u.test(given);
  if (!fullNamesFollow && !(others.length === 0 && (!complete || initialGiven))) return parts;
  return [`${given} ${family}`, ...others];
}

/**
 * Where the style says names are inverted (MLA before a quoted title): "Graves, Alex" is one
 * person; "Ulyanov, Dmitry, Lebedev, Vadim" two; else the first author alone is inverted.
 */
function invertedAll(parts: string[], complete: boolean, firstPaired: boolean): string[] {
  const single = (p: string | undefined) => !!p && /^\p{Lu}[\p{L}'’-]+$/u.test(p);
  // "Alex." at the end of the names: the sentence's full stop, unless it closes an initial ("Geoffrey E.").
  const bare = (p: string) => (GIVEN.test(p) ? p : p.replace(/\.$/, ''));
  const given = (p: string | undefined) => !!p && GIVEN.test(bare(p));
  // "Wu, Schuster, Chen, Le, et al.": a cut-short run of single words is family names alone.
  if (!complete && !firstPaired && parts.length >= 3 && parts.every(single)) return parts;
  const pairs = parts.length % 2 === 0 && parts.every((p, i) => (i % 2 ? given(p) : single(p)));
  if (pairs) return parts.flatMap((p, i) => (i % 2 ? [`${bare(p)} ${parts[i - 1]}`] : []));
  const [family, first, ...others] = parts;
  return single(family) && first && given(first) ? [`${bare(first)} ${family}`, ...others] : parts;
}

/** "Kingma", "D. P.", "Ba", "J." → "D. P. Kingma", "J. Ba": surname-first lists alternate name and initials. */
function pairSurnameFirst(parts: string[]): string[] {
  if (parts.length < 2 || parts.length % 2 !== 0) return parts;
  const initials = (p: string) => /^(?:\p{Lu}\.\s*-?\s*)+$/u.test(p);
  for (let i = 0; i < parts.length; i += 2) {
    if (initials(parts[i] as string) || !initials(parts[i + 1] as string)) return parts;
  }
  const out: string[] = [];
  for (let i = 0; i < parts.length; i += 2) out.push(`${parts[i + 1]} ${parts[i]}`);
  return out;
}

/** "E.Denton" → "E. Denton": some lists leave out the space after an initial. */
function spaceInitials(s: string): string {
  return cleanText(s.replace(/(\p{Lu}\.)(?=\p{Lu}\p{Ll})/gu, '$1 '));
}

/** Names as stored: initials spaced ("E.Denton" → "E. Denton"), a sentence's full stop dropped ("Ba." → "Ba"). */
function tidyName(s: string): string {
  const t = spaceInitials(s);
  return /(?:^|\s)\p{Lu}\.$/u.test(t) ? t : t.replace(/\.$/, '');
}

/**
 * True for a run that could hardly be a phrase: it has initials ("G. Hinton"), says "et al.", or
 * (unless `marked` is asked for) every name has two or more words ("Ilya Loshchilov, Frank Hutter").
 */
export function isStrongNameRun(text: string, list: NameList, marked = false): boolean {
  // Dotted initials, hyphenated ones too ("S.-I. Amari", "J.-P. Vert").
  if (!list.complete || /(?:^|[\s,-])\p{Lu}\.(?:[\s-]|\p{Lu}|$)/u.test(text)) return true;
  // One bare name ("…, Task-Specific Adapter Clustering") could be words of a title; two or more are a run.
  return !marked && list.names.length >= 2 && list.names.every((n) => n.split(' ').length >= 2);
}
