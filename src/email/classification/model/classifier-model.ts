import { minimize } from './lbfgs.js';
import { logits, softmaxInPlace, softmaxObjective } from './softmax.js';
import { fitVectorizer, type SparseVector, type Vectorizer, vectorize, vectorizerOf } from './tfidf.js';
import { termCounts, type TokenizerOptions } from './tokenizer.js';

export interface LabelledText {
  label: string;
  /** `featuresOf(input)` of the email. */
  features: string;
}

export interface TrainOptions {
  /** 1: unigrams; 2: unigrams and bigrams. */
  ngrams: 1 | 2;
  maxFeatures: number;
  minDf: number;
  /** Characters of each text read (the rest is ignored, at training and at prediction). */
  maxChars: number;
  /** L2 penalty on the weights, against the mean loss. */
  l2: number;
  /** `balanced`: each class weighs as much in the loss as the others, whatever its size. */
  classWeight: 'none' | 'balanced';
  maxIterations: number;
  tolerance: number;
  /** Weights smaller than this are dropped from the stored model (they change no decision). */
  pruneBelow: number;
  /** Awaited between optimiser steps (see timeSlicer). */
  pause?: () => Promise<void>;
}

/**
 * Chosen by 5-fold cross-validation on Enron (8 classes) and SpamAssassin (bench/email-quality.mjs),
 * re-measured with the recipient and thread features (Enron 67.1%, macro F1 0.377): bigrams were no
 * better on either (Enron 66.4%) and took six times as long; the first 3,000 characters classify as
 * well as 20,000 (66.5%); without balanced class weights Enron's macro F1 falls to 0.280, the small
 * classes being almost never predicted, for no accuracy (66.6%). No l2 within 3x of 1e-4 does
 * better, nor one chosen per training by an inner cross-validation (66.0%).
 */
export const DEFAULT_TRAIN_OPTIONS: Omit<TrainOptions, 'pause'> = {
  ngrams: 1,
  maxFeatures: 50_000,
  minDf: 2,
  maxChars: 3_000,
  l2: 1e-4,
  classWeight: 'balanced',
  maxIterations: 300,
  tolerance: 1e-7,
  pruneBelow: 1e-3,
};

/**
 * The stored model (classifier_models.model): plain JSON. Weights are per class, sparse: feature
 * indices as gaps from the previous one, values rounded to 4 decimals.
 */
export interface ClassifierModel {
  kind: 'tfidf-softmax';
  format: 1;
  classes: string[];
  tokenizer: TokenizerOptions;
  terms: string[];
  idf: number[];
  bias: number[];
  weights: Array<{ gaps: number[]; values: number[] }>;
  training: { examples: number; iterations: number; converged: boolean; loss: number };
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** Counted terms of each text, with the tokenizer the options ask for. */
function tokenizerOf(options: Pick<TrainOptions, 'ngrams' | 'maxChars'>): TokenizerOptions {
  return { ngrams: options.ngrams, maxChars: options.maxChars };
}

/** Trains a model on labelled texts; the same texts and options give the same model. */
export async function train(
  examples: readonly LabelledText[],
  overrides: Partial<TrainOptions> = {},
): Promise<ClassifierModel> {
  const options = { ...DEFAULT_TRAIN_OPTIONS, ...overrides };
  const classes = [...new Set(examples.map((e) => e.label))].sort();
  if (classes.length < 2) throw new Error('training needs examples of at least two classes');
  const tokenizer = tokenizerOf(options);
  const counts: Array<Map<string, number>> = [];
  for (const example of examples) {
    counts.push(termCounts(example.features, tokenizer));
    await options.pause?.();
  }
  const vectorizer = await fitVectorizer(counts, tokenizer, options, options.pause);
  const rows: SparseVector[] = [];
  for (const c of counts) {
    rows.push(vectorize(vectorizer, c));
    await options.pause?.();
  }
  const labels = Int32Array.from(examples, (e) => classes.indexOf(e.label));
  const K = classes.length;
  const D = vectorizer.terms.length;
  const perClass = new Float64Array(K);
  for (const label of labels) perClass[label]++;
  const weights = Float64Array.from(labels, (label) =>
    options.classWeight === 'balanced' ? examples.length / (K * perClass[label]) : 1,
  );
  const objective = softmaxObjective({ rows, labels, weights, classes: K, features: D }, options.l2, options.pause);
  const result = await minimize(objective, new Float64Array(D * K + K), {
    maxIterations: options.maxIterations,
    tolerance: options.tolerance,
    memory: 10,
    pause: options.pause,
  });
  return pack(classes, vectorizer, result.x, options.pruneBelow, {
    examples: examples.length,
    iterations: result.iterations,
    converged: result.converged,
    loss: round(result.value, 6),
  });
}

function pack(
  classes: string[],
  vectorizer: Vectorizer,
  params: Float64Array,
  pruneBelow: number,
  training: ClassifierModel['training'],
): ClassifierModel {
  const K = classes.length;
  const D = vectorizer.terms.length;
  const weights = classes.map((_, k) => {
    const gaps: number[] = [];
    const values: number[] = [];
    let previous = -1;
    for (let j = 0; j < D; j++) {
      const w = params[j * K + k];
      if (Math.abs(w) < pruneBelow) continue;
      gaps.push(j - previous);
      values.push(round(w, 4));
      previous = j;
    }
    return { gaps, values };
  });
  return {
    kind: 'tfidf-softmax',
    format: 1,
    classes,
    tokenizer: vectorizer.tokenizer,
    terms: vectorizer.terms,
    idf: Array.from(vectorizer.idf, (v) => round(v, 4)),
    bias: Array.from(params.subarray(D * K), (v) => round(v, 4)),
    weights,
    training,
  };
}

/** A model ready to predict: the vocabulary indexed and the weights dense. */
export interface CompiledModel {
  classes: string[];
  vectorizer: Vectorizer;
  params: Float64Array;
}

export function compile(model: ClassifierModel): CompiledModel {
  if (model.kind !== 'tfidf-softmax' || model.format !== 1)
    throw new Error(`unknown model format ${model.kind}/${model.format}`);
  const K = model.classes.length;
  const D = model.terms.length;
  const params = new Float64Array(D * K + K);
  model.weights.forEach(({ gaps, values }, k) => {
    let j = -1;
    for (let n = 0; n < gaps.length; n++) {
      j += gaps[n];
      params[j * K + k] = values[n];
    }
  });
  model.bias.forEach((b, k) => (params[D * K + k] = b));
  return {
    classes: model.classes,
    vectorizer: vectorizerOf(model.tokenizer, model.terms, Float64Array.from(model.idf)),
    params,
  };
}

const compiled = new WeakMap<ClassifierModel, CompiledModel>();

/** Every class's probability for a text (they sum to 1). */
export function predict(model: ClassifierModel | CompiledModel, features: string): Record<string, number> {
  const ready = 'params' in model ? model : compiledOf(model);
  const probabilities = probabilitiesOf(
    ready,
    vectorize(ready.vectorizer, termCounts(features, ready.vectorizer.tokenizer)),
  );
  return Object.fromEntries(ready.classes.map((name, k) => [name, probabilities[k]]));
}

function compiledOf(model: ClassifierModel): CompiledModel {
  let ready = compiled.get(model);
  if (!ready) {
    ready = compile(model);
    compiled.set(model, ready);
  }
  return ready;
}

export function probabilitiesOf(model: CompiledModel, row: SparseVector): Float64Array {
  const z = new Float64Array(model.classes.length);
  logits(model.params, model.classes.length, model.vectorizer.terms.length, row, z);
  softmaxInPlace(z);
  return z;
}
