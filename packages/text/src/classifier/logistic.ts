/** One training example in sparse form: dense values, then active sparse feature indices (value 1). */
export interface SparseExample {
  readonly dense: readonly number[];
  readonly active: readonly number[];
  readonly label: number;
}

/** Settings of the optimiser. */
export interface FitSettings {
  readonly classes: number;
  readonly denseSize: number;
  readonly sparseSize: number;
  readonly epochs: number;
  readonly learningRate: number;
  readonly l2: number;
}

/**
 * Fits a multinomial logistic regression (softmax) with L2 penalty by full-batch AdaGrad from zero weights:
 * deterministic (no random start, examples in the given order). Returns weights `[class][feature]`, dense
 * features first.
 */
export function fitSoftmax(examples: readonly SparseExample[], settings: FitSettings): number[][] {
  const { classes, denseSize, sparseSize, epochs, learningRate, l2 } = settings;
  const width = denseSize + sparseSize;
  const weights = Array.from({ length: classes }, () => new Float64Array(width));
  const history = Array.from({ length: classes }, () => new Float64Array(width));
  const gradient = Array.from({ length: classes }, () => new Float64Array(width));
  const n = Math.max(examples.length, 1);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const g of gradient) g.fill(0);
    for (const example of examples) {
      const p = probabilities(weights, example, denseSize);
      for (let c = 0; c < classes; c++) {
        const error = ((p[c] as number) - (c === example.label ? 1 : 0)) / n;
        const g = gradient[c] as Float64Array;
        for (let d = 0; d < denseSize; d++) g[d] = (g[d] as number) + error * (example.dense[d] as number);
        for (const f of example.active) g[denseSize + f] = (g[denseSize + f] as number) + error;
      }
    }
    for (let c = 0; c < classes; c++) {
      const w = weights[c] as Float64Array;
      const g = gradient[c] as Float64Array;
      const h = history[c] as Float64Array;
      for (let f = 0; f < width; f++) {
        const step = (g[f] as number) + (f === 0 ? 0 : l2 * (w[f] as number));
        h[f] = (h[f] as number) + step * step;
        if (step !== 0) w[f] = (w[f] as number) - (learningRate * step) / Math.sqrt(h[f] as number);
      }
    }
  }
  return weights.map((w) => [...w]);
}

/** Class probabilities of one example (a numerically stable softmax). */
export function probabilities(
  weights: readonly ArrayLike<number>[],
  example: Pick<SparseExample, 'dense' | 'active'>,
  denseSize: number,
): number[] {
  const logits = weights.map((w) => {
    let sum = 0;
    for (let d = 0; d < denseSize; d++) sum += (w[d] as number) * (example.dense[d] as number);
    for (const f of example.active) sum += w[denseSize + f] as number;
    return sum;
  });
  const max = Math.max(...logits);
  const exp = logits.map((z) => Math.exp(z - max));
  const total = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / total);
}
