import { compile, type LabelledText, predict, train, type TrainOptions } from './classifier-model.js';
import { type ClassifierMetrics, type HeldOutPrediction, metricsOf } from './metrics.js';
import { seededRandom, shuffle } from './random.js';

export interface CrossValidationOptions {
  folds: number;
  seed: number;
  train?: Partial<TrainOptions>;
}

export interface CrossValidation extends ClassifierMetrics {
  folds: number;
  /** Every held-out prediction, in the examples' order (for callers that compute more). */
  predictions: HeldOutPrediction[];
}

/**
 * Stratified k-fold: each class's examples are shuffled (seeded) and dealt round the folds, so
 * every fold has the class mix of the whole. Each fold is predicted by a model trained, vocabulary
 * included, on the other folds only.
 */
export function stratifiedFolds(labels: readonly string[], folds: number, seed: number): number[] {
  const random = seededRandom(seed);
  const byClass = new Map<string, number[]>();
  labels.forEach((label, i) => byClass.set(label, [...(byClass.get(label) ?? []), i]));
  const fold = new Array<number>(labels.length).fill(0);
  let next = 0;
  for (const label of [...byClass.keys()].sort()) {
    for (const i of shuffle(byClass.get(label)!, random)) {
      fold[i] = next;
      next = (next + 1) % folds;
    }
  }
  return fold;
}

export async function crossValidate(
  examples: readonly LabelledText[],
  options: Partial<CrossValidationOptions> = {},
): Promise<CrossValidation> {
  const { folds = 5, seed = 42, train: trainOptions = {} } = options;
  const fold = stratifiedFolds(
    examples.map((e) => e.label),
    folds,
    seed,
  );
  const predictions = new Array<HeldOutPrediction>(examples.length);
  for (let f = 0; f < folds; f++) {
    const held = examples.flatMap((_, i) => (fold[i] === f ? [i] : []));
    const rest = examples.filter((_, i) => fold[i] !== f);
    if (held.length === 0) continue;
    if (new Set(rest.map((e) => e.label)).size < 2)
      throw new Error('cross-validation needs two classes in every training fold');
    const model = compile(await train(rest, trainOptions));
    for (const i of held) {
      const probabilities = predict(model, examples[i].features);
      const [predicted, confidence] = Object.entries(probabilities).reduce((a, b) => (b[1] > a[1] ? b : a));
      predictions[i] = { truth: examples[i].label, predicted, confidence };
      await trainOptions.pause?.();
    }
  }
  const classes = [...new Set(examples.map((e) => e.label))].sort();
  return { folds, ...metricsOf(predictions, classes), predictions };
}
