import { CxFitError } from '@cx/model';

/**
 * Options of {@link minimizeNelderMead}.
 *
 */
export interface NelderMeadOptions {
  /** Maximum iterations before a `CxFitError` (`not_converged`) is thrown. Default 20,000. */
  readonly maxIterations?: number;
  /** Stop when the simplex's function values differ by less than this × max(1, |best|). Default 1e-12. */
  readonly fTolerance?: number;
  /** Stop when every vertex is within this distance of the best (per coordinate). Default 1e-8. */
  readonly xTolerance?: number;
  /** Size of the initial simplex's steps along each axis. Default 0.5. */
  readonly initialStep?: number;
  /** Names of the coordinates, used in error reports. Default `x0`, `x1`, … */
  readonly names?: readonly string[];
  /** The model being fitted, for the error (`CxFitError.model`). Default `optimiser`. */
  readonly model?: string;
  /** The reported parameters of a point (e.g. back on the natural scale). Default: the coordinates by name. */
  readonly parameters?: (x: readonly number[]) => Record<string, number>;
  /** Lower bounds of the coordinates: every point the method tries is projected into the box. Default none. */
  readonly lower?: readonly number[];
  /** Upper bounds of the coordinates. Default none. */
  readonly upper?: readonly number[];
}

/**
 * Result of {@link minimizeNelderMead}.
 *
 */
export interface NelderMeadResult {
  /** The minimizing point. */
  readonly x: readonly number[];
  /** f at that point. */
  readonly value: number;
  /** Iterations performed (over all restarts). */
  readonly iterations: number;
}

function report(names: readonly string[] | undefined, x: readonly number[]): Record<string, number> {
  const out: Record<string, number> = {};
  x.forEach((v, i) => {
    out[names?.[i] ?? `x${i}`] = v;
  });
  return out;
}

function run(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  step: number,
  maxIterations: number,
  fTol: number,
  xTol: number,
  box: (x: number[]) => number[],
  atBound: (x: readonly number[]) => boolean,
): { x: number[]; value: number; iterations: number; converged: boolean } {
  const n = start.length;
  // Adaptive coefficients (Gao & Han 2012) keep the method effective as the dimension grows.
  const alpha = 1;
  const gamma = 1 + 2 / n;
  const rho = 0.75 - 1 / (2 * n);
  const sigma = 1 - 1 / n;
  const evaluate = (x: number[]): number => {
    const v = f(x);
    return Number.isNaN(v) ? Number.POSITIVE_INFINITY : v;
  };
  const first = box([...start]);
  let simplex: { x: number[]; v: number }[] = [{ x: first, v: evaluate(first) }];
  for (let i = 0; i < n; i++) {
    const x = [...first];
    // Step inwards when a step outwards would leave the box.
    const out = box([...first].map((v, j) => (j === i ? v + step : v)));
    x[i] = out[i] === first[i] ? (x[i] as number) - step : (out[i] as number);
    const inside = box(x);
    simplex.push({ x: inside, v: evaluate(inside) });
  }
  let iterations = 0;
  // Stall at a bound: the best point sits on the box and has not improved for a while. Along a boundary the objective
  // is often flat (a parameter tending to 0 or ∞), so the simplex never shrinks; the point is returned as converged
  // and the caller decides what a boundary optimum means.
  const patience = 100 * n;
  let record = Number.POSITIVE_INFINITY;
  let since = 0;
  while (iterations < maxIterations) {
    simplex.sort((p, q) => p.v - q.v);
    const best = simplex[0]!;
    const worst = simplex[n]!;
    if (best.v < record - fTol * Math.max(1, Math.abs(record))) {
      record = best.v;
      since = iterations;
    } else if (iterations - since > patience && Number.isFinite(best.v) && atBound(best.x)) {
      return { x: best.x, value: best.v, iterations, converged: true };
    }
    let spread = 0;
    for (const p of simplex)
      for (let i = 0; i < n; i++) spread = Math.max(spread, Math.abs(p.x[i]! - best.x[i]!));
    if (
      Number.isFinite(worst.v) &&
      Math.abs(worst.v - best.v) <= fTol * Math.max(1, Math.abs(best.v)) &&
      spread <= xTol
    ) {
      return { x: best.x, value: best.v, iterations, converged: true };
    }
    iterations++;
    const centroid = new Array<number>(n).fill(0);
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) centroid[i]! += simplex[j]!.x[i]! / n;
    const along = (t: number): number[] => box(centroid.map((c, i) => c + t * (worst.x[i]! - c)));
    const reflected = along(-alpha);
    const vr = evaluate(reflected);
    const second = simplex[n - 1]!;
    if (vr < best.v) {
      const expanded = along(-alpha * gamma);
      const ve = evaluate(expanded);
      simplex[n] = ve < vr ? { x: expanded, v: ve } : { x: reflected, v: vr };
      continue;
    }
    if (vr < second.v) {
      simplex[n] = { x: reflected, v: vr };
      continue;
    }
    const outside = vr < worst.v;
    const contracted = along(outside ? -alpha * rho : rho);
    const vc = evaluate(contracted);
    if (vc < (outside ? vr : worst.v)) {
      simplex[n] = { x: contracted, v: vc };
      continue;
    }
    simplex = simplex.map((p, j) => {
      if (j === 0) return p;
      const x = box(p.x.map((xi, i) => best.x[i]! + sigma * (xi - best.x[i]!)));
      return { x, v: evaluate(x) };
    });
  }
  simplex.sort((p, q) => p.v - q.v);
  return { x: simplex[0]!.x, value: simplex[0]!.v, iterations, converged: false };
}

/**
 * Minimizes a function of several variables with the Nelder–Mead simplex method (adaptive coefficients of
 * Gao & Han 2012), restarting from the best point until a restart no longer improves it. Fit bounded
 * parameters on a transformed scale (e.g. log of a positive parameter).
 *
 * @param f - The function to minimize; NaN is treated as +∞.
 * @param start - Starting point.
 * @param options - Tolerances, iteration limit, initial step and coordinate names.
 * @returns The minimizing point, its value and the iterations used.
 * @throws `CxFitError` (`not_converged`) when the iteration limit is reached or the best value is not finite, with
 * the parameters where it stopped.
 * @internal
 */
export function minimizeNelderMead(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const maxIterations = options.maxIterations ?? 20_000;
  const fTol = options.fTolerance ?? 1e-12;
  const xTol = options.xTolerance ?? 1e-8;
  let step = options.initialStep ?? 0.5;
  const { lower, upper } = options;
  const atBound = (x: readonly number[]): boolean => x.some((v, i) => v === lower?.[i] || v === upper?.[i]);
  const box = (x: number[]): number[] => {
    if (lower !== undefined)
      for (let i = 0; i < x.length; i++) x[i] = Math.max(x[i] as number, lower[i] as number);
    if (upper !== undefined)
      for (let i = 0; i < x.length; i++) x[i] = Math.min(x[i] as number, upper[i] as number);
    return x;
  };
  let current = run(f, start, step, maxIterations, fTol, xTol, box, atBound);
  let total = current.iterations;
  // Restarts refine an interior optimum; a point stalled on the box is final (the caller judges the boundary).
  for (let restart = 0; restart < 10 && current.converged && !atBound(current.x); restart++) {
    step = Math.max(step / 4, 1e-3);
    const next = run(f, current.x, step, maxIterations - total, fTol, xTol, box, atBound);
    total += next.iterations;
    const improved = current.value - next.value > fTol * Math.max(1, Math.abs(current.value));
    if (next.value <= current.value) current = { ...next, converged: next.converged };
    if (!improved) break;
  }
  if (!current.converged || !Number.isFinite(current.value)) {
    const parameters = options.parameters?.(current.x) ?? report(options.names, current.x);
    throw new CxFitError(
      'not_converged',
      current.converged
        ? `The optimiser stopped at a point where the objective is not finite (${current.value}) after ${total} iterations`
        : `The optimiser did not converge within ${maxIterations} iterations (objective ${current.value})`,
      { model: options.model ?? 'optimiser', parameters },
    );
  }
  return { x: current.x, value: current.value, iterations: total };
}
