/** One held-out prediction: the true class, the predicted one, and the model's confidence in it. */
export interface HeldOutPrediction {
  truth: string;
  predicted: string;
  confidence: number;
}

export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  /** Held-out examples of the class. */
  support: number;
}

export interface CoveragePoint {
  /** The share of predictions kept, the most confident first. */
  coverage: number;
  accuracy: number;
  /** The lowest confidence among those kept: a threshold that gives about this coverage. */
  min_confidence: number;
}

export interface ThresholdRow {
  threshold: number;
  /** Of the predictions of this class at or above the threshold, the share that were right. */
  precision: number | null;
  /** The share of this class's predictions at or above the threshold (the rest go to review). */
  coverage: number;
}

export interface ClassifierMetrics {
  examples: number;
  accuracy: number;
  macro_f1: number;
  baseline_majority_accuracy: number;
  per_class: Record<string, ClassMetrics>;
  coverage: CoveragePoint[];
  /** Per predicted class: precision and coverage at each threshold, to choose min_confidence from. */
  thresholds: Record<string, ThresholdRow[]>;
  /** Expected calibration error over 10 confidence bins: how far confidence is from accuracy. */
  calibration_error: number;
}

export const COVERAGES = [0.5, 0.8];
export const THRESHOLDS = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95];

const round = (value: number) => Number(value.toFixed(4));

/** Most confident first; ties keep the input order, so the figures repeat exactly. */
function byConfidence(predictions: readonly HeldOutPrediction[]): HeldOutPrediction[] {
  return predictions
    .map((p, i) => ({ p, i }))
    .sort((a, b) => b.p.confidence - a.p.confidence || a.i - b.i)
    .map(({ p }) => p);
}

/** Accuracy on the `coverage` share of the predictions the model is most sure of. */
export function accuracyAtCoverage(predictions: readonly HeldOutPrediction[], coverage: number): CoveragePoint {
  const kept = byConfidence(predictions).slice(0, Math.max(1, Math.ceil(coverage * predictions.length)));
  const right = kept.filter((p) => p.truth === p.predicted).length;
  return {
    coverage,
    accuracy: kept.length === 0 ? 0 : round(right / kept.length),
    min_confidence: kept.length === 0 ? 0 : round(kept[kept.length - 1].confidence),
  };
}

export function calibrationError(predictions: readonly HeldOutPrediction[], bins = 10): number {
  if (predictions.length === 0) return 0;
  const count = new Array<number>(bins).fill(0);
  const right = new Array<number>(bins).fill(0);
  const confidence = new Array<number>(bins).fill(0);
  for (const p of predictions) {
    const bin = Math.min(bins - 1, Math.floor(p.confidence * bins));
    count[bin]++;
    confidence[bin] += p.confidence;
    if (p.truth === p.predicted) right[bin]++;
  }
  let error = 0;
  for (let b = 0; b < bins; b++) {
    if (count[b] > 0)
      error += (count[b] / predictions.length) * Math.abs(right[b] / count[b] - confidence[b] / count[b]);
  }
  return round(error);
}

export function metricsOf(predictions: readonly HeldOutPrediction[], classes: readonly string[]): ClassifierMetrics {
  const n = predictions.length;
  const per_class: Record<string, ClassMetrics> = {};
  const support = new Map<string, number>();
  for (const p of predictions) support.set(p.truth, (support.get(p.truth) ?? 0) + 1);
  for (const name of classes) {
    const truePositive = predictions.filter((p) => p.truth === name && p.predicted === name).length;
    const predicted = predictions.filter((p) => p.predicted === name).length;
    const actual = support.get(name) ?? 0;
    const precision = predicted === 0 ? 0 : truePositive / predicted;
    const recall = actual === 0 ? 0 : truePositive / actual;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    per_class[name] = { precision: round(precision), recall: round(recall), f1: round(f1), support: actual };
  }
  // Macro F1 over the classes that occur (held out or predicted), as scikit-learn averages.
  const scored = classes.filter((name) => per_class[name].support > 0 || predictions.some((p) => p.predicted === name));
  const thresholds: Record<string, ThresholdRow[]> = {};
  for (const name of classes) {
    const mine = predictions.filter((p) => p.predicted === name);
    thresholds[name] = THRESHOLDS.map((threshold) => {
      const kept = mine.filter((p) => p.confidence >= threshold);
      return {
        threshold,
        precision: kept.length === 0 ? null : round(kept.filter((p) => p.truth === name).length / kept.length),
        coverage: mine.length === 0 ? 0 : round(kept.length / mine.length),
      };
    });
  }
  const majority = Math.max(0, ...support.values());
  return {
    examples: n,
    accuracy: n === 0 ? 0 : round(predictions.filter((p) => p.truth === p.predicted).length / n),
    macro_f1:
      scored.length === 0 ? 0 : round(scored.reduce((sum, name) => sum + per_class[name].f1, 0) / scored.length),
    baseline_majority_accuracy: n === 0 ? 0 : round(majority / n),
    per_class,
    coverage: COVERAGES.map((coverage) => accuracyAtCoverage(predictions, coverage)),
    thresholds,
    calibration_error: calibrationError(predictions),
  };
}
