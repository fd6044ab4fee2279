/** Fills `gradient` at `x` and returns the objective's value there (it may yield while it computes). */
export type Objective = (x: Float64Array, gradient: Float64Array) => number | Promise<number>;

export interface LbfgsOptions {
  maxIterations: number;
  /** Stop when the objective's relative decrease in an iteration falls below this. */
  tolerance: number;
  /** Correction pairs kept (the "limited memory"). */
  memory: number;
  /** Awaited after every evaluation: training yields to the event loop, and can be cancelled there. */
  pause?: () => Promise<void>;
}

export interface LbfgsResult {
  x: Float64Array;
  value: number;
  iterations: number;
  converged: boolean;
}

const dot = (a: Float64Array, b: Float64Array): number => {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
};

/**
 * L-BFGS (Nocedal & Wright, Numerical Optimization, algorithm 7.4 and 7.5) with a backtracking
 * Armijo line search. For a smooth, strictly convex objective such as L2-regularised softmax this
 * converges in tens of iterations, with no learning rate to tune and no randomness: the same data
 * give the same model.
 */
export async function minimize(objective: Objective, start: Float64Array, options: LbfgsOptions): Promise<LbfgsResult> {
  const n = start.length;
  let x = start.slice();
  let gradient = new Float64Array(n);
  let value = await objective(x, gradient);
  await options.pause?.();
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  const rho: number[] = [];
  const direction = new Float64Array(n);
  const alpha = new Float64Array(options.memory);
  const nextX = new Float64Array(n);
  let nextGradient = new Float64Array(n);

  for (let iteration = 1; iteration <= options.maxIterations; iteration++) {
    // Two-loop recursion: direction = -H * gradient.
    for (let i = 0; i < n; i++) direction[i] = -gradient[i];
    for (let m = s.length - 1; m >= 0; m--) {
      alpha[m] = rho[m] * dot(s[m], direction);
      const ym = y[m];
      for (let i = 0; i < n; i++) direction[i] -= alpha[m] * ym[i];
    }
    if (s.length > 0) {
      const last = s.length - 1;
      const gamma = dot(s[last], y[last]) / dot(y[last], y[last]);
      for (let i = 0; i < n; i++) direction[i] *= gamma;
    }
    for (let m = 0; m < s.length; m++) {
      const beta = rho[m] * dot(y[m], direction);
      const sm = s[m];
      for (let i = 0; i < n; i++) direction[i] += (alpha[m] - beta) * sm[i];
    }
    let slope = dot(gradient, direction);
    if (!(slope < 0)) {
      // Not a descent direction (numerical trouble): forget the curvature and go down the gradient.
      s.length = y.length = rho.length = 0;
      for (let i = 0; i < n; i++) direction[i] = -gradient[i];
      slope = dot(gradient, direction);
    }
    if (slope === 0) return { x, value, iterations: iteration - 1, converged: true };

    let step = s.length === 0 ? Math.min(1, 1 / Math.sqrt(-slope)) : 1;
    let nextValue = Infinity;
    for (let tries = 0; tries < 40; tries++) {
      for (let i = 0; i < n; i++) nextX[i] = x[i] + step * direction[i];
      nextValue = await objective(nextX, nextGradient);
      await options.pause?.();
      if (nextValue <= value + 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(nextValue < value)) return { x, value, iterations: iteration, converged: true };

    const sNew = new Float64Array(n);
    const yNew = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      sNew[i] = nextX[i] - x[i];
      yNew[i] = nextGradient[i] - gradient[i];
    }
    const sy = dot(sNew, yNew);
    if (sy > 1e-12) {
      if (s.length === options.memory) {
        s.shift();
        y.shift();
        rho.shift();
      }
      s.push(sNew);
      y.push(yNew);
      rho.push(1 / sy);
    }
    const decrease = (value - nextValue) / Math.max(Math.abs(value), Math.abs(nextValue), 1);
    x = nextX.slice();
    [gradient, nextGradient] = [nextGradient, gradient];
    value = nextValue;
    if (decrease < options.tolerance) return { x, value, iterations: iteration, converged: true };
  }
  return { x, value, iterations: options.maxIterations, converged: false };
}
