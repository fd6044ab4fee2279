import type { TokenizerOptions } from './tokenizer.js';

/** A document as its non-zero features: parallel arrays of feature index and value. */
export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

export interface VocabularyOptions {
  /** At most this many terms, the most frequent by document frequency. */
  maxFeatures: number;
  /** A term in fewer documents than this is dropped (a typo, an id). */
  minDf: number;
}

/** What turns text into a vector: the terms, their idf, and how text was tokenized for them. */
export interface Vectorizer {
  tokenizer: TokenizerOptions;
  terms: string[];
  idf: Float64Array;
  index: Map<string, number>;
}

/**
 * Picks the vocabulary from the training documents: terms by document frequency (ties by the term,
 * so the same documents give the same vocabulary) and their smoothed idf, ln((1+n)/(1+df)) + 1 as
 * scikit-learn computes it.
 */
export function fitVectorizer(
  counts: ReadonlyArray<Map<string, number>>,
  tokenizer: TokenizerOptions,
  options: VocabularyOptions,
): Vectorizer {
  const df = new Map<string, number>();
  for (const doc of counts) for (const term of doc.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const kept = [...df].filter(([, n]) => n >= options.minDf);
  kept.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const chosen = kept.slice(0, options.maxFeatures);
  const n = counts.length;
  return vectorizerOf(
    tokenizer,
    chosen.map(([term]) => term),
    Float64Array.from(chosen, ([, d]) => Math.log((1 + n) / (1 + d)) + 1),
  );
}

export function vectorizerOf(tokenizer: TokenizerOptions, terms: string[], idf: Float64Array): Vectorizer {
  return { tokenizer, terms, idf, index: new Map(terms.map((term, i) => [term, i])) };
}

/** Sublinear tf (1 + ln tf) times idf, L2-normalised; terms outside the vocabulary are ignored. */
export function vectorize(vectorizer: Vectorizer, counts: Map<string, number>): SparseVector {
  const indices: number[] = [];
  const values: number[] = [];
  let norm = 0;
  for (const [term, tf] of counts) {
    const i = vectorizer.index.get(term);
    if (i === undefined) continue;
    const value = (1 + Math.log(tf)) * vectorizer.idf[i];
    indices.push(i);
    values.push(value);
    norm += value * value;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  return { indices: Int32Array.from(indices), values: Float64Array.from(values, (v) => v * scale) };
}
