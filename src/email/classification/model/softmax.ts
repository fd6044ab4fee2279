import type { Objective } from './lbfgs.js';
import type { SparseVector } from './tfidf.js';

/**
 * Multinomial logistic regression over sparse rows. Parameters are one vector: the weights
 * feature-major (`w[feature * classes + class]`, so a document's few features touch contiguous
 * memory), then one bias per class.
 */
export interface SoftmaxData {
  rows: SparseVector[];
  labels: Int32Array;
  /** Per-row weight (class weights); the loss is their weighted mean. */
  weights: Float64Array;
  classes: number;
  features: number;
}

/** Logits of one row, written into `out`. One array type for the weights keeps this monomorphic: fast. */
export function logits(params: Float64Array, classes: number, features: number, row: SparseVector, out: Float64Array) {
  const bias = features * classes;
  for (let k = 0; k < classes; k++) out[k] = params[bias + k];
  const { indices, values } = row;
  for (let n = 0; n < indices.length; n++) {
    const base = indices[n] * classes;
    const value = values[n];
    for (let k = 0; k < classes; k++) out[k] += value * params[base + k];
  }
}

/** Softmax of `z` in place (shifted by its maximum, so large logits do not overflow). */
export function softmaxInPlace(z: Float64Array): void {
  let max = -Infinity;
  for (let k = 0; k < z.length; k++) if (z[k] > max) max = z[k];
  let sum = 0;
  for (let k = 0; k < z.length; k++) {
    z[k] = Math.exp(z[k] - max);
    sum += z[k];
  }
  for (let k = 0; k < z.length; k++) z[k] /= sum;
}

/** Rows between two calls of the pause hook while the gradient is computed. */
const ROWS_PER_PAUSE = 32;

/**
 * Weighted mean cross-entropy plus (l2 / 2) * |weights|^2 (biases are not penalised). `pause` is
 * awaited every ROWS_PER_PAUSE rows, so one evaluation over many examples does not hold the loop.
 */
export function softmaxObjective(data: SoftmaxData, l2: number, pause?: () => Promise<void>): Objective {
  const { rows, labels, weights, classes: K, features: D } = data;
  let totalWeight = 0;
  for (const w of weights) totalWeight += w;
  const z = new Float64Array(K);
  return async (params, gradient) => {
    gradient.fill(0);
    let loss = 0;
    for (let r = 0; r < rows.length; r++) {
      if (pause && r % ROWS_PER_PAUSE === ROWS_PER_PAUSE - 1) await pause();
      const row = rows[r];
      logits(params, K, D, row, z);
      let max = -Infinity;
      for (let k = 0; k < K; k++) if (z[k] > max) max = z[k];
      let sum = 0;
      for (let k = 0; k < K; k++) sum += Math.exp(z[k] - max);
      const logSum = max + Math.log(sum);
      const scale = weights[r] / totalWeight;
      loss += scale * (logSum - z[labels[r]]);
      for (let k = 0; k < K; k++) z[k] = scale * Math.exp(z[k] - logSum);
      z[labels[r]] -= scale;
      const { indices, values } = row;
      for (let n = 0; n < indices.length; n++) {
        const base = indices[n] * K;
        const value = values[n];
        for (let k = 0; k < K; k++) gradient[base + k] += value * z[k];
      }
      for (let k = 0; k < K; k++) gradient[D * K + k] += z[k];
    }
    let penalty = 0;
    for (let i = 0; i < D * K; i++) {
      penalty += params[i] * params[i];
      gradient[i] += l2 * params[i];
    }
    return loss + (l2 / 2) * penalty;
  };
}
