import { describe, expect, it } from '@jest/globals';
import { patternProblem } from './pattern-safety.js';
import { PatternRunner } from './pattern-runner.js';

describe('rule pattern safety', () => {
  it.each([
    '^(invoice|factura)\\b',
    'amount due:?\\s+\\d+[.,]\\d{2}',
    '\\p{Lu}{3}-\\d{4}',
    'order #?\\d{6,10}',
    '(?:re|fwd?):\\s*invoice',
    '[a-z]+@bank\\.example',
  ])('accepts %s', (pattern) => {
    expect(patternProblem(pattern)).toBeNull();
  });

  it.each([
    ['(a+)+$', 'nests a quantifier'],
    ['(\\s*x)*y', 'nests a quantifier'],
    ['((ab)*c)+', 'nests a quantifier'],
    ['(a|aa)*b', 'repeats an alternation'],
    ['(\\d)\\1+', 'backreference'],
    ['(?<n>a)\\k<n>', 'backreference'],
    ['.*a.*b.*c.*d', 'more than 3 unbounded quantifiers'],
    ['(x', 'not a valid regular expression'],
    ['x'.repeat(201), 'longer than 200'],
    ['', 'is empty'],
  ])('refuses %s', (pattern, reason) => {
    expect(patternProblem(pattern)).toContain(reason);
  });
});

describe('PatternRunner', () => {
  it('tests every check, and counts one that runs out of time as no match without losing the rest', () => {
    const runner = new PatternRunner(20);
    // Quadratic on one long line: what the write-time rules let through and the budget stops.
    const slow = { pattern: /.*x.*y/u, text: 'a'.repeat(200_000), owner: 'slow-rule' };
    const started = performance.now();
    const results = runner.test([
      { pattern: /invoice/i, text: 'An Invoice', owner: 'a' },
      slow,
      { pattern: /due/i, text: 'amount due', owner: 'b' },
      { pattern: /nope/i, text: 'amount due', owner: 'c' },
    ]);
    expect(results).toEqual([true, false, true, false]);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
