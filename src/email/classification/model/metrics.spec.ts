import { describe, expect, it } from '@jest/globals';
import { stratifiedFolds } from './cross-validation.js';
import { accuracyAtCoverage, calibrationError, type HeldOutPrediction, metricsOf } from './metrics.js';

const p = (truth: string, predicted: string, confidence: number): HeldOutPrediction => ({
  truth,
  predicted,
  confidence,
});

describe('classifier metrics', () => {
  // 10 predictions: of the 5 most confident 4 are right, of the other 5 only 2.
  const predictions = [
    p('a', 'a', 0.99),
    p('a', 'a', 0.97),
    p('b', 'b', 0.95),
    p('a', 'b', 0.93),
    p('b', 'b', 0.91),
    p('a', 'a', 0.6),
    p('b', 'a', 0.58),
    p('a', 'b', 0.55),
    p('b', 'b', 0.52),
    p('c', 'a', 0.4),
  ];

  it('reports accuracy on the most confident share of predictions', () => {
    expect(accuracyAtCoverage(predictions, 0.5)).toEqual({ coverage: 0.5, accuracy: 0.8, min_confidence: 0.91 });
    expect(accuracyAtCoverage(predictions, 0.8)).toEqual({ coverage: 0.8, accuracy: 0.625, min_confidence: 0.55 });
    expect(accuracyAtCoverage(predictions, 1)).toMatchObject({ accuracy: 0.6 });
  });

  it('reports accuracy, per-class precision, recall and F1, macro F1 and the majority baseline', () => {
    const m = metricsOf(predictions, ['a', 'b', 'c']);
    expect(m.accuracy).toBe(0.6);
    expect(m.baseline_majority_accuracy).toBe(0.5);
    // a: 3 right of 5 predicted, of 5 actual. b: 3 right of 5 predicted, of 4 actual. c: none.
    expect(m.per_class.a).toEqual({ precision: 0.6, recall: 0.6, f1: 0.6, support: 5 });
    expect(m.per_class.b).toEqual({ precision: 0.6, recall: 0.75, f1: 0.6667, support: 4 });
    expect(m.per_class.c).toEqual({ precision: 0, recall: 0, f1: 0, support: 1 });
    expect(m.macro_f1).toBe(0.4222);
    expect(m.coverage.map((c) => c.coverage)).toEqual([0.5, 0.8]);
  });

  it('gives per-class precision and coverage by threshold', () => {
    const rows = metricsOf(predictions, ['a', 'b', 'c']).thresholds.b;
    expect(rows.find((r) => r.threshold === 0.5)).toEqual({ threshold: 0.5, precision: 0.6, coverage: 1 });
    expect(rows.find((r) => r.threshold === 0.9)).toEqual({ threshold: 0.9, precision: 0.6667, coverage: 0.6 });
    expect(rows.find((r) => r.threshold === 0.95)).toEqual({ threshold: 0.95, precision: 1, coverage: 0.2 });
    expect(metricsOf(predictions, ['a', 'b', 'c']).thresholds.c.every((r) => r.precision === null)).toBe(true);
  });

  it('measures calibration as the gap between confidence and accuracy per bin', () => {
    expect(calibrationError([p('a', 'a', 0.95), p('a', 'a', 0.95)])).toBeCloseTo(0.05, 4);
    expect(calibrationError([p('a', 'b', 0.9), p('a', 'a', 0.9)])).toBeCloseTo(0.4, 4);
  });

  it('deals each class round the folds, the same way for the same seed', () => {
    const labels = [...Array(10).fill('a'), ...Array(5).fill('b'), 'c'];
    const folds = stratifiedFolds(labels, 5, 7);
    expect(stratifiedFolds(labels, 5, 7)).toEqual(folds);
    for (let f = 0; f < 5; f++) {
      const mine = labels.filter((_, i) => folds[i] === f);
      expect(mine.filter((l) => l === 'a')).toHaveLength(2);
      expect(mine.filter((l) => l === 'b')).toHaveLength(1);
    }
    expect(stratifiedFolds(labels, 5, 8)).not.toEqual(folds);
  });
});
