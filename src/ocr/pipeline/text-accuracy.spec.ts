import { describe, expect, it } from '@jest/globals';
import { characterErrorRate, editDistance, lineMatchedCharacterErrorRate, wordErrorRate } from './text-accuracy.js';

describe('text accuracy', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance([...'kitten'], [...'sitting'])).toBe(3);
    expect(editDistance([], [...'abc'])).toBe(3);
  });

  it('measures CER and WER over the reference, whitespace runs counting as one space', () => {
    expect(characterErrorRate('The quick\nbrown fox', 'The  quick brown fox')).toBe(0);
    expect(characterErrorRate('abcd', 'abed')).toBe(0.25);
    expect(wordErrorRate('the quick brown fox', 'the quack brown fox')).toBe(0.25);
    expect(wordErrorRate('the quick brown fox', '')).toBe(1);
  });

  it('folds typographic quotes, which ground truths type as ASCII', () => {
    expect(characterErrorRate('"It\'s nothing."', '\u201cIt\u2019s nothing.\u201d')).toBe(0);
  });

  it('pairs lines regardless of order for the reading-order-free CER', () => {
    const reference = 'first column line\nsecond column line\nHeadline';
    expect(lineMatchedCharacterErrorRate(reference, 'Headline\nsecond column line\nfirst column line')).toBe(0);
    expect(characterErrorRate(reference, 'Headline\nsecond column line\nfirst column line')).toBeGreaterThan(0.3);
    expect(lineMatchedCharacterErrorRate(reference, 'first column lime\nsecond column line')).toBeCloseTo(9 / 43, 4);
  });
});
