import { optimizerId } from '../domain/normalize.js';

/**
 * Named optimizers recognised in titles, spelled as the field spells them. Longer names come
 * first where one contains another, and matching needs word boundaries, so "AdamW" is not
 * "Adam" and "signADAM" is not "Adam".
 */
const KNOWN = [
  'AdamW',
  'AMSGrad',
  'AdaBound',
  'AdaBelief',
  'Adagrad',
  'Adadelta',
  'Adafactor',
  'Adamax',
  'NAdam',
  'RAdam',
  'SignAdam',
  'SignSGD',
  'Signum',
  'SWATS',
  'RMSProp',
  'LAMB',
  'LARS',
  'Lookahead',
  'Lion',
  'Sophia',
  'Shampoo',
  'Yogi',
  'Padam',
  'AdaMod',
  'Adam',
  'SGD',
  'Nesterov',
];
const BY_KEY = new Map(KNOWN.map((n) => [n.toLowerCase(), n]));

/** The canonical spelling of an optimizer name (a tag like "ADAM" becomes "Adam"); unknown names stay as written. */
export function canonicalOptimizer(name: string): string {
  return BY_KEY.get(name.toLowerCase()) ?? name;
}

/** Optimizers named in a title. */
export function optimizersInTitle(title: string): string[] {
  const found: string[] = [];
  for (const name of KNOWN) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${name}(?![\\p{L}\\p{N}])`, 'iu');
    if (re.test(title) && !found.includes(name)) found.push(name);
  }
  return found;
}

export const optimizerRef = (name: string, via: 'tag' | 'title') => ({ id: optimizerId(name), name, via });
