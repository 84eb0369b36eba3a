import { CxValidationError, levelOption, parseOptions } from '@cx/model';
import { zForLevel } from '@cx/stats';
import { z } from 'zod';
import { checkNumber } from '../parameters.js';
import { checkObservations, type SurvivalObservation, tabulate } from './observations.js';

/**
 * How {@link kaplanMeier} builds pointwise confidence intervals from Greenwood's variance.
 * `plain`: Ŝ ± z·SE; `log`: on ln Ŝ (R's default); `log-log`: on ln(−ln Ŝ) (Kalbfleisch–Prentice; lifelines'
 * default and ours: always inside [0, 1]).
 *
 * @category Survival
 * @since 0.1.0
 */
export type SurvivalIntervalMethod = 'plain' | 'log' | 'log-log';

/**
 * Options of {@link kaplanMeier}.
 *
 * @category Survival
 * @since 0.1.0
 */
export interface KaplanMeierOptions {
  /** Confidence level of the intervals, in (0, 1). Default 0.95. */
  readonly level?: number | undefined;
  /** Interval construction. Default `log-log`. */
  readonly method?: SurvivalIntervalMethod | undefined;
}

const kaplanMeierSchema = z.strictObject({
  level: levelOption,
  method: z
    .enum(['plain', 'log', 'log-log'], { error: 'Expected "plain", "log" or "log-log"' })
    .default('log-log'),
});

/**
 * The Kaplan–Meier estimate just after one distinct observed time.
 *
 * @category Survival
 * @since 0.1.0
 */
export interface KaplanMeierStep {
  /** The time. */
  readonly time: number;
  /** Subjects at risk just before `time`. */
  readonly atRisk: number;
  /** Events at `time`. */
  readonly events: number;
  /** Censorings at `time` (counted at risk for the events at the same time). */
  readonly censored: number;
  /** Ŝ(time). */
  readonly survival: number;
  /** Greenwood standard error of Ŝ(time); 0 while Ŝ = 1 and once Ŝ = 0. */
  readonly standardError: number;
  /** Lower confidence limit of S(time). */
  readonly lower: number;
  /** Upper confidence limit of S(time). */
  readonly upper: number;
}

/**
 * Median survival time with its confidence interval (Brookmeyer–Crowley: the times whose pointwise interval
 * contains 0.5). `null` where the curve (or a limit) never drops to 0.5.
 *
 * @category Survival
 * @since 0.1.0
 */
export interface MedianSurvival {
  /** Smallest time with Ŝ ≤ 0.5. */
  readonly estimate: number | null;
  /** Smallest time whose lower limit is ≤ 0.5. */
  readonly lower: number | null;
  /** Smallest time whose upper limit is ≤ 0.5. */
  readonly upper: number | null;
}

/**
 * Result of {@link kaplanMeier}.
 *
 * @category Survival
 * @since 0.1.0
 */
export interface KaplanMeierResult {
  /** Subjects. */
  readonly n: number;
  /** Observed events. */
  readonly events: number;
  /** Censored subjects. */
  readonly censored: number;
  /** One step per distinct observed time, ascending. Ŝ = 1 before the first. */
  readonly steps: readonly KaplanMeierStep[];
  /** Median survival time and its interval. */
  readonly median: MedianSurvival;
  /** Confidence level used. */
  readonly level: number;
  /** Interval method used. */
  readonly method: SurvivalIntervalMethod;
}

function limits(
  survival: number,
  greenwoodSum: number,
  z: number,
  method: SurvivalIntervalMethod,
): [number, number] {
  if (survival === 1 || survival === 0 || greenwoodSum === 0) return [survival, survival];
  const seLog = Math.sqrt(greenwoodSum); // SE of ln Ŝ
  if (method === 'plain') {
    const se = survival * seLog;
    return [Math.max(0, survival - z * se), Math.min(1, survival + z * se)];
  }
  if (method === 'log') {
    return [survival * Math.exp(-z * seLog), Math.min(1, survival * Math.exp(z * seLog))];
  }
  const sigma = seLog / Math.abs(Math.log(survival));
  return [survival ** Math.exp(z * sigma), survival ** Math.exp(-z * sigma)];
}

/**
 * Kaplan–Meier estimate of the survival function with right censoring: Ŝ(t) = Π_{tᵢ ≤ t} (nᵢ − dᵢ)/nᵢ over
 * distinct event times; censored subjects stay at risk for events at their own time (events before
 * censorings). Greenwood's variance Var Ŝ = Ŝ² Σ dᵢ/(nᵢ(nᵢ − dᵢ)), pointwise intervals and the median.
 *
 * @param observations - Times and event flags (any order, any one time unit).
 * @param options - Confidence `level` and interval `method`.
 * @returns The survival steps, counts and median; with no observations, `n: 0`, no steps and `null` median.
 * @throws {@link @cx/model!CxOptionsError} for a level outside (0, 1), an unknown method or key (`confidence` and
 * `interval` name their new names, `level` and `method`).
 * @throws {@link @cx/model!CxValidationError} for negative or non-finite times or non-boolean events.
 * @example
 * ```ts
 * import { kaplanMeier } from '@cx/metrics';
 * const km = kaplanMeier([
 *   { time: 1, event: true },
 *   { time: 2, event: false },
 *   { time: 3, event: true },
 *   { time: 4, event: true },
 * ]);
 * console.log(km.steps.map((s) => s.survival.toFixed(3))); // ['0.750', '0.750', '0.375', '0.000']
 * console.log(km.median.estimate); // 3
 * ```
 * @category Survival
 * @since 0.1.0
 */
export function kaplanMeier(
  observations: readonly SurvivalObservation[],
  options: KaplanMeierOptions = {},
): KaplanMeierResult {
  const { level, method } = parseOptions(kaplanMeierSchema, options, 'kaplanMeier', {
    renamed: { confidence: 'level', interval: 'method' },
  });
  checkObservations(observations);
  const zScore = zForLevel(level);
  const table = tabulate(observations);
  let atRisk = observations.length;
  let survival = 1;
  let greenwood = 0;
  const steps: KaplanMeierStep[] = [];
  for (const row of table) {
    if (row.events > 0) {
      survival *= (atRisk - row.events) / atRisk;
      greenwood += atRisk > row.events ? row.events / (atRisk * (atRisk - row.events)) : 0;
    }
    const [lower, upper] = limits(survival, greenwood, zScore, method);
    steps.push({
      time: row.time,
      atRisk,
      events: row.events,
      censored: row.censored,
      survival,
      standardError: survival === 0 ? 0 : survival * Math.sqrt(greenwood),
      lower,
      upper,
    });
    atRisk -= row.events + row.censored;
  }
  const first = (pick: (s: KaplanMeierStep) => number): number | null =>
    steps.find((s) => s.events > 0 && pick(s) <= 0.5)?.time ?? null;
  const events = observations.filter((o) => o.event).length;
  return {
    n: observations.length,
    events,
    censored: observations.length - events,
    steps,
    median: {
      estimate: first((s) => s.survival),
      lower: first((s) => s.lower),
      upper: first((s) => s.upper),
    },
    level,
    method,
  };
}

/**
 * Evaluates a Kaplan–Meier curve at a time (right-continuous step function).
 *
 * @param result - A {@link kaplanMeier} result.
 * @param time - A finite time.
 * @returns Ŝ(time); 1 before the first step.
 * @throws {@link @cx/model!CxValidationError} when time is not a finite number (NaN is not a time), or the result
 * has no steps list.
 * @example
 * ```ts
 * import { kaplanMeier, survivalAt } from '@cx/metrics';
 * const km = kaplanMeier([{ time: 2, event: true }, { time: 5, event: false }]);
 * console.log(survivalAt(km, 1), survivalAt(km, 3)); // 1 0.5
 * ```
 * @category Survival
 * @since 0.1.0
 */
export function survivalAt(result: KaplanMeierResult, time: number): number {
  checkNumber(time, 'time', { min: Number.NEGATIVE_INFINITY });
  if (!Array.isArray(result?.steps)) {
    throw new CxValidationError([
      { path: ['result', 'steps'], code: 'invalid_type', message: 'Expected a kaplanMeier result' },
    ]);
  }
  let value = 1;
  for (const step of result.steps) {
    if (step.time > time) break;
    value = step.survival;
  }
  return value;
}
