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
 * Picks the vocabulary from the training documents: terms by document frequency, ties in code-unit
 * order (so the same documents give the same vocabulary), and their smoothed idf,
 * ln((1+n)/(1+df)) + 1 as scikit-learn computes it. Terms are grouped by frequency and each group
 * sorted natively: no comparator calls, and a pause between groups.
 */
export async function fitVectorizer(
  counts: ReadonlyArray<Map<string, number>>,
  tokenizer: TokenizerOptions,
  options: VocabularyOptions,
  pause?: () => Promise<void>,
): Promise<Vectorizer> {
  const df = new Map<string, number>();
  for (const doc of counts) {
    for (const term of doc.keys()) df.set(term, (df.get(term) ?? 0) + 1);
    await pause?.();
  }
  const byFrequency = new Map<number, string[]>();
  for (const [term, n] of df) {
    if (n < options.minDf) continue;
    const group = byFrequency.get(n);
    if (group) group.push(term);
    else byFrequency.set(n, [term]);
  }
  const terms: string[] = [];
  const idf: number[] = [];
  const index = new Map<string, number>();
  for (const n of [...byFrequency.keys()].sort((a, b) => b - a)) {
    for (const term of byFrequency.get(n)!.sort()) {
      if (terms.length === options.maxFeatures) break;
      index.set(term, terms.length);
      terms.push(term);
      idf.push(Math.log((1 + counts.length) / (1 + n)) + 1);
    }
    await pause?.();
  }
  return { tokenizer, terms, idf: Float64Array.from(idf), index };
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
