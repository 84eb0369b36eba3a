import { CxValidationError, type SurveyResponse, type ValidationIssue } from '@cx/model';
import { type ConfidenceInterval, zForLevel } from '@cx/stats';
import { CorrelationAccumulator } from '../stats/correlation.js';

/**
 * One respondent: their outcome score (e.g. likelihood to recommend, 0–10) and their satisfaction with each
 * touchpoint or stage (`null`/missing when not rated).
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export interface KeyDriverRow {
  readonly outcome: number;
  readonly drivers: Readonly<Record<string, number | null | undefined>>;
}

/**
 * Options of {@link keyDrivers} and {@link KeyDriverAccumulator}.
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export interface KeyDriverOptions {
  /** Confidence level of the intervals (α = 1 − confidence for `significant`); default 0.95. */
  readonly confidence?: number;
  /** Drivers rated by fewer respondents are flagged `smallSample`; default 30. */
  readonly minN?: number;
}

/**
 * How strongly one driver's satisfaction is associated with the outcome.
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export interface KeyDriver {
  /** Driver name (touchpoint or stage id). */
  readonly driver: string;
  /** 1 for the strongest positive association; drivers without a correlation come last. */
  readonly rank: number;
  /** Respondents who rated this driver (pairwise-complete). */
  readonly n: number;
  /** Pearson r between driver and outcome; `null` when fewer than 2 pairs or no variation. */
  readonly correlation: number | null;
  /** Fisher-z interval of r; `null` when n < 4. */
  readonly interval: ConfidenceInterval | null;
  /** Two-sided p-value of r = 0. */
  readonly pValue: number | null;
  /** Whether pValue < α. */
  readonly significant: boolean | null;
  /**
   * r² as a share of Σr² over all drivers with a correlation: a simple normalization of the bivariate
   * associations (it does not separate correlated drivers as Johnson's relative weights would).
   */
  readonly squaredCorrelationShare: number | null;
  /** Whether n < minN. */
  readonly smallSample: boolean;
}

function rowIssues(row: KeyDriverRow, path: ReadonlyArray<string | number>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (typeof row !== 'object' || row === null || typeof row.drivers !== 'object' || row.drivers === null) {
    return [{ path, message: 'Expected { outcome, drivers }', code: 'invalid_type' }];
  }
  if (!Number.isFinite(row.outcome)) {
    issues.push({
      path: [...path, 'outcome'],
      message: `Expected a finite outcome, got ${row.outcome}`,
      code: 'invalid_number',
    });
  }
  for (const [key, value] of Object.entries(row.drivers)) {
    if (value !== null && value !== undefined && !Number.isFinite(value)) {
      issues.push({
        path: [...path, 'drivers', key],
        message: `Expected a finite rating or null, got ${value}`,
        code: 'invalid_number',
      });
    }
  }
  return issues;
}

/**
 * Mergeable key-driver analysis: one correlation accumulator per driver.
 *
 * @example
 * ```ts
 * import { KeyDriverAccumulator } from '@cx/metrics';
 * const acc = new KeyDriverAccumulator();
 * acc.add({ outcome: 9, drivers: { delivery: 5, support: 3 } });
 * acc.add({ outcome: 3, drivers: { delivery: 1, support: 4 } });
 * acc.add({ outcome: 7, drivers: { delivery: 4, support: 2 } });
 * console.log(acc.result()[0]?.driver); // 'delivery'
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export class KeyDriverAccumulator {
  readonly #options: KeyDriverOptions;
  readonly #drivers = new Map<string, CorrelationAccumulator>();

  /**
   * Creates an empty analysis.
   *
   * @param options - Confidence level and small-sample threshold.
   * @throws {@link @cx/model!CxValidationError} when the level is invalid.
   */
  constructor(options: KeyDriverOptions = {}) {
    zForLevel(options.confidence ?? 0.95);
    this.#options = options;
  }

  /**
   * Adds one respondent.
   *
   * @param row - Outcome and driver ratings.
   * @throws {@link @cx/model!CxValidationError} when a value is not finite.
   */
  add(row: KeyDriverRow): void {
    const issues = rowIssues(row, []);
    if (issues.length > 0) throw new CxValidationError(issues);
    for (const [key, value] of Object.entries(row.drivers)) {
      if (value === null || value === undefined) continue;
      let acc = this.#drivers.get(key);
      if (acc === undefined) {
        acc = new CorrelationAccumulator();
        this.#drivers.set(key, acc);
      }
      acc.add(value, row.outcome);
    }
  }

  /**
   * Merges another analysis.
   *
   * @param other - Another key-driver accumulator.
   */
  merge(other: KeyDriverAccumulator): void {
    for (const [key, acc] of other.#drivers) {
      const mine = this.#drivers.get(key);
      if (mine === undefined) this.#drivers.set(key, new CorrelationAccumulator().merge(acc));
      else mine.merge(acc);
    }
  }

  /**
   * The drivers ranked by correlation with the outcome, strongest positive first.
   *
   * @returns The ranked drivers.
   */
  result(): KeyDriver[] {
    const level = this.#options.confidence ?? 0.95;
    const minN = this.#options.minN ?? 30;
    const results = [...this.#drivers.entries()].map(([driver, acc]) => ({ driver, c: acc.result(level) }));
    const total = results.reduce((s, { c }) => s + (c.r === null ? 0 : c.r * c.r), 0);
    results.sort(
      (a, b) =>
        (b.c.r ?? Number.NEGATIVE_INFINITY) - (a.c.r ?? Number.NEGATIVE_INFINITY) ||
        a.driver.localeCompare(b.driver),
    );
    return results.map(({ driver, c }, i) => ({
      driver,
      rank: i + 1,
      n: c.n,
      correlation: c.r,
      interval: c.interval,
      pValue: c.pValue,
      significant: c.pValue === null ? null : c.pValue < 1 - level,
      squaredCorrelationShare: c.r === null ? null : total > 0 ? (c.r * c.r) / total : 0,
      smallSample: c.n < minN,
    }));
  }
}

/**
 * Key-driver analysis: ranks touchpoints or stages by how strongly their satisfaction is associated with the
 * outcome (usually likelihood to recommend), with Pearson r, its Fisher-z interval and p-value, so a team sees which
 * moment of truth matters most. Correlation is association, not causation.
 *
 * @param rows - One row per respondent (see {@link keyDriverRows} to build them from responses).
 * @param options - Confidence level and small-sample threshold.
 * @returns Drivers ranked by r, strongest positive first.
 * @throws {@link @cx/model!CxValidationError} naming each non-finite value, e.g. `['rows', 4, 'drivers', 'support']`.
 * @example
 * ```ts
 * import { keyDrivers } from '@cx/metrics';
 * const ranked = keyDrivers([
 *   { outcome: 10, drivers: { delivery: 5, billing: 2 } },
 *   { outcome: 6, drivers: { delivery: 3, billing: 4 } },
 *   { outcome: 2, drivers: { delivery: 1, billing: 3 } },
 *   { outcome: 8, drivers: { delivery: 4, billing: 3 } },
 * ]);
 * console.log(ranked.map((d) => d.driver)); // ['delivery', 'billing']
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export function keyDrivers(rows: readonly KeyDriverRow[], options: KeyDriverOptions = {}): KeyDriver[] {
  const issues = rows.flatMap((row, i) => rowIssues(row, ['rows', i]));
  if (issues.length > 0) throw new CxValidationError(issues);
  const acc = new KeyDriverAccumulator(options);
  for (const row of rows) acc.add(row);
  return acc.result();
}

/**
 * Options of {@link keyDriverRows}.
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export interface KeyDriverRowsOptions {
  /** Metric of the outcome responses; default `nps`. Every other metric's responses are driver ratings. */
  readonly outcomeMetric?: SurveyResponse['metric'];
  /** Field naming the driver; default `touchpointId`. */
  readonly driverKey?: 'touchpointId' | 'stageId' | 'channel';
  /** Who responded; default the `customerId`. */
  readonly respondent?: (response: SurveyResponse) => string | null | undefined;
}

/**
 * Rows built by {@link keyDriverRows}, with what could not be used (nothing is dropped silently).
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export interface KeyDriverRows {
  readonly rows: KeyDriverRow[];
  /** Responses without a respondent id (cannot be linked). */
  readonly withoutRespondent: number;
  /** Driver responses without the driver key field. */
  readonly withoutDriverKey: number;
  /** Respondents with driver ratings but no outcome response. */
  readonly respondentsWithoutOutcome: number;
}

/**
 * Builds key-driver rows from survey responses: per respondent the mean outcome score and the mean rating per
 * touchpoint (or stage). Ratings on lower-is-better scales are reversed (min + max − score) so that higher is
 * always better.
 *
 * @param responses - Outcome and driver responses.
 * @param options - Outcome metric, driver key and respondent id.
 * @returns The rows and counts of what could not be linked.
 * @example
 * ```ts
 * import { keyDriverRows } from '@cx/metrics';
 * const base = { surveyId: 's', respondedAt: '2026-03-02T12:00:00Z', weight: 1, properties: {}, customerId: 'c1' };
 * const { rows } = keyDriverRows([
 *   { ...base, id: 'a', metric: 'nps', scale: { min: 0, max: 10, direction: 'higher-is-better', integral: true }, score: 9 },
 *   { ...base, id: 'b', metric: 'csat', scale: { min: 1, max: 5, direction: 'higher-is-better', integral: true }, score: 4, touchpointId: 'checkout' },
 * ]);
 * console.log(rows); // [{ outcome: 9, drivers: { checkout: 4 } }]
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export function keyDriverRows(
  responses: readonly SurveyResponse[],
  options: KeyDriverRowsOptions = {},
): KeyDriverRows {
  const outcomeMetric = options.outcomeMetric ?? 'nps';
  const driverKey = options.driverKey ?? 'touchpointId';
  const respondentOf = options.respondent ?? ((r: SurveyResponse) => r.customerId);
  const people = new Map<string, { o: number; on: number; d: Map<string, { s: number; n: number }> }>();
  let withoutRespondent = 0;
  let withoutDriverKey = 0;
  for (const r of responses) {
    const who = respondentOf(r);
    if (who === null || who === undefined) {
      withoutRespondent++;
      continue;
    }
    let person = people.get(who);
    if (person === undefined) {
      person = { o: 0, on: 0, d: new Map() };
      people.set(who, person);
    }
    if (r.metric === outcomeMetric) {
      person.o += r.score;
      person.on++;
      continue;
    }
    const key = r[driverKey];
    if (key === undefined || key === null) {
      withoutDriverKey++;
      continue;
    }
    const oriented = r.scale.direction === 'lower-is-better' ? r.scale.min + r.scale.max - r.score : r.score;
    const entry = person.d.get(key) ?? { s: 0, n: 0 };
    entry.s += oriented;
    entry.n++;
    person.d.set(key, entry);
  }
  const rows: KeyDriverRow[] = [];
  let respondentsWithoutOutcome = 0;
  for (const person of people.values()) {
    if (person.on === 0) {
      if (person.d.size > 0) respondentsWithoutOutcome++;
      continue;
    }
    const drivers: Record<string, number> = {};
    for (const [key, { s, n }] of person.d) drivers[key] = s / n;
    rows.push({ outcome: person.o / person.on, drivers });
  }
  return { rows, withoutRespondent, withoutDriverKey, respondentsWithoutOutcome };
}
