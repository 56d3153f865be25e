import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../src/ingest/taxonomy.js';
import { featuresOf, phraseIndex, words } from '../../src/topics/features.js';

const phrases = phraseIndex(loadTaxonomy());

describe('topic features', () => {
  it('reads word stems, camel case split, plurals folded, stop words dropped', () => {
    expect(words('LossLandscapeSurveys')).toEqual(['loss', 'landscape', 'survey']);
    expect(words('On the Dynamics of Adaptive Methods')).toEqual(['dynamic', 'adaptive', 'method']);
    expect(words('new optimizers', true)).toEqual(['new', 'optimizer']);
  });

  it('names each feature for what it is: title and section words, optimizer family, phrase', () => {
    const f = featuresOf(
      {
        title: 'Visualizing the loss landscape',
        sectionPath: ['Adaptive methods'],
        optimizers: ['Adam', 'Lookahead'],
      },
      phrases,
    );
    expect(f.get('title:landscape')).toBe(1);
    expect(f.get('title:loss landscape')).toBe(1);
    expect(f.get('section:adaptive method')).toBe(1);
    expect(f.get('optimizer:adaptive')).toBe(1);
    // An optimizer of no family still says the paper is about an optimizer.
    expect(f.get('optimizer:other')).toBe(1);
    expect(f.get('phrase:dynamics')).toBe(1);
    expect(f.get('section phrase:adaptive')).toBe(1);
  });

  it('matches a phrase on whole words with its stop words: "new optimizer" is not any optimizer', () => {
    expect(featuresOf({ title: 'What an optimizer sees' }, phrases).has('phrase:new-optimizers')).toBe(false);
    expect(featuresOf({ title: 'A new optimizer' }, phrases).has('phrase:new-optimizers')).toBe(true);
  });
});
