import { describe, expect, it } from '@jest/globals';
import { MAX_PATTERN_LENGTH, patternProblem } from './regex-safety.js';
import { SafeRegexRunner } from './safe-regex-runner.js';

describe('template pattern safety', () => {
  it.each([
    'Invoice\\s+(INV/\\d+/\\d+/\\d+)',
    'Total\\s*\\$\\s*([\\d.,]+)',
    'Factura\\s*n[ºo]\\s*:?\\s*(\\S+)',
    '(?:Fecha|Date)\\s*:\\s*(\\d{2}/\\d{2}/\\d{4})',
    '(\\d{1,3}(?:\\.\\d{3})*,\\d{2})\\s*€',
    '[(a+)]+',
  ])('accepts %s', (pattern) => {
    expect(patternProblem(pattern)).toBeNull();
  });

  it.each([
    ['(a+)+$', 'nests a quantifier'],
    ['(\\s*x)*y', 'nests a quantifier'],
    ['((ab)*c)+', 'nests a quantifier'],
    ['(?:\\d+,?)+\\.', 'nests a quantifier'],
    ['(a|aa)*b', 'repeats an alternation'],
    ['(x{1,50})*', 'nests a quantifier'],
    ['(a)\\1+', 'backreference'],
    ['(?<n>a)\\k<n>', 'backreference'],
    ['(unclosed', 'not a valid regular expression'],
    ['a'.repeat(MAX_PATTERN_LENGTH + 1), 'longer than'],
    ['', 'is empty'],
  ])('refuses %s', (pattern, reason) => {
    expect(patternProblem(pattern)).toContain(reason);
  });

  it('stops a pattern that runs past its time limit instead of hanging', () => {
    // Polynomial backtracking the static rules allow: bounded by the runner's timeout.
    const runner = new SafeRegexRunner(30);
    const started = Date.now();
    expect(runner.exec(/(?:a|a?)+b/u, 'a'.repeat(40), 'test')).toBeNull();
    expect(runner.exec(/.*.*.*.*=x/, 'a'.repeat(3000), 'test')).toBeNull();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(runner.exec(/Total (\d+)/u, 'Total 42', 'test')?.[1]).toBe('42');
  });
});
