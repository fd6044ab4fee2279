import { describe, expect, it } from '@jest/globals';
import { minimize } from './lbfgs.js';
import { termCounts } from './tokenizer.js';

describe('L-BFGS', () => {
  it('finds the minimum of an ill-conditioned quadratic', async () => {
    const scales = [1, 10, 100, 1000];
    const target = [3, -2, 0.5, 7];
    const result = await minimize(
      (x, g) => {
        let f = 0;
        for (let i = 0; i < x.length; i++) {
          f += 0.5 * scales[i] * (x[i] - target[i]) ** 2;
          g[i] = scales[i] * (x[i] - target[i]);
        }
        return f;
      },
      new Float64Array(4),
      { maxIterations: 200, tolerance: 1e-14, memory: 5 },
    );
    expect(result.converged).toBe(true);
    result.x.forEach((v, i) => expect(v).toBeCloseTo(target[i], 4));
  });
});

describe('the tokenizer', () => {
  it('lower-cases, folds numbers, adds bigrams and a length token', () => {
    const counts = termCounts('Invoice 12345 due, invoice paid', { ngrams: 2, maxChars: 1000 });
    expect(Object.fromEntries(counts)).toEqual({
      '#words:3': 1,
      invoice: 2,
      '#5': 1,
      due: 1,
      paid: 1,
      'invoice #5': 1,
      '#5 due': 1,
      'due invoice': 1,
      'invoice paid': 1,
    });
  });

  it('reads no further than maxChars', () => {
    expect(termCounts('alpha beta gamma', { ngrams: 1, maxChars: 10 }).has('gamma')).toBe(false);
  });
});
