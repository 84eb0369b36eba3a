import {
  type Accumulator,
  type AccumulatorSnapshot,
  assertSameOptions,
  CxValidationError,
  levelOption,
  parseOptions,
  type ValidationIssue,
} from '@cx/model';
import type { ConfidenceInterval } from '@cx/stats';
import { z } from 'zod';
import { CorrelationAccumulator, type CorrelationState, valueProblem } from '../stats/correlation.js';
import { deepFreeze } from '../stats/freeze.js';
import { restoreSnapshot } from '../stats/snapshot.js';
import { minNOption, RENAMED_LEVEL } from './options.js';

/**
 * One respondent: their outcome score (e.g. likelihood to recommend, 0–10) and their satisfaction with each
 * touchpoint or stage (`null`/missing when not rated).
 *
 * @example
 * ```ts
 * import type { KeyDriverRow } from '@cx/metrics';
 * const row: KeyDriverRow = { outcome: 9, drivers: { delivery: 5, support: null } };
 * console.log(row.outcome); // 9
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export interface KeyDriverRow {
  /** The outcome score, a finite number. */
  readonly outcome: number;
  /** Rating per driver (own properties only), a finite number or `null`/`undefined` when not rated. */
  readonly drivers: Readonly<Record<string, number | null | undefined>>;
}

/**
 * Options of {@link keyDrivers} and {@link KeyDriverAccumulator}.
 *
 * @example
 * ```ts
 * import { keyDrivers, type KeyDriverOptions } from '@cx/metrics';
 * const options: KeyDriverOptions = { level: 0.9, minN: 2 };
 * console.log(keyDrivers([], options)); // []
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export interface KeyDriverOptions {
  /** Confidence level of the intervals (significant when p < 1 − level); default 0.95. */
  readonly level?: number | undefined;
  /** Drivers rated by fewer respondents are flagged `smallSample`; a whole number ≥ 0, default 30. */
  readonly minN?: number | undefined;
}

/**
 * How strongly one driver's satisfaction is associated with the outcome.
 *
 * @example
 * ```ts
 * import { keyDrivers, type KeyDriver } from '@cx/metrics';
 * const [top]: KeyDriver[] = keyDrivers([
 *   { outcome: 9, drivers: { app: 5 } },
 *   { outcome: 2, drivers: { app: 1 } },
 * ]);
 * console.log(top?.driver, top?.correlation); // 'app' 1
 * ```
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
  /** Whether pValue < 1 − level. */
  readonly significant: boolean | null;
  /**
   * r² as a share of Σr² over all drivers with a correlation, 0–1: a simple normalization of the bivariate
   * associations (it does not separate correlated drivers as Johnson's relative weights would).
   */
  readonly squaredCorrelationShare: number | null;
  /** Whether n < minN. */
  readonly smallSample: boolean;
}

const optionsSchema = z.strictObject({ level: levelOption, minN: minNOption });
type ResolvedOptions = z.output<typeof optionsSchema>;

const correlationStateSchema = z.strictObject({
  n: z.number(),
  meanX: z.number(),
  meanY: z.number(),
  m2x: z.number(),
  m2y: z.number(),
  cxy: z.number(),
});
const stateSchema = z.strictObject({
  drivers: z.array(z.strictObject({ driver: z.string(), state: correlationStateSchema })),
});

/**
 * The snapshot of a {@link KeyDriverAccumulator}: its options and the correlation state of each driver.
 *
 * @example
 * ```ts
 * import { KeyDriverAccumulator, type KeyDriverSnapshot } from '@cx/metrics';
 * const snapshot: KeyDriverSnapshot = new KeyDriverAccumulator().add({ outcome: 9, drivers: { app: 5 } }).snapshot();
 * console.log(snapshot.state.drivers.map((d) => d.driver)); // ['app']
 * ```
 * @category Survey metrics
 * @since 0.2.0
 */
export type KeyDriverSnapshot = AccumulatorSnapshot<
  'key-drivers',
  { readonly level: number; readonly minN: number },
  { readonly drivers: ReadonlyArray<{ readonly driver: string; readonly state: CorrelationState }> }
>;

/** The ratings of a row as own [driver, rating] entries, after checking every value (internal). */
function rowEntries(
  row: KeyDriverRow,
  path: readonly (string | number)[],
  issues: ValidationIssue[],
): [string, number][] {
  if (typeof row !== 'object' || row === null || typeof row.drivers !== 'object' || row.drivers === null) {
    issues.push({ path: [...path], message: 'Expected { outcome, drivers }', code: 'invalid_type' });
    return [];
  }
  const problem = valueProblem(row.outcome);
  if (problem !== null) issues.push({ path: [...path, 'outcome'], message: problem, code: 'invalid_number' });
  const entries: [string, number][] = [];
  for (const [key, value] of Object.entries(row.drivers)) {
    if (value === null || value === undefined) continue;
    const p = valueProblem(value);
    if (p !== null) issues.push({ path: [...path, 'drivers', key], message: p, code: 'invalid_number' });
    else entries.push([key, value]);
  }
  return entries;
}

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Mergeable key-driver analysis: one correlation accumulator per driver; `add` rows, `merge` partials, save and
 * restore them as JSON, read the ranked `result`.
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
export class KeyDriverAccumulator implements Accumulator<KeyDriverRow, KeyDriver[], KeyDriverSnapshot> {
  readonly #options: ResolvedOptions;
  readonly #drivers = new Map<string, CorrelationAccumulator>();

  /**
   * Creates an empty analysis.
   *
   * @param options - Confidence level and small-sample threshold.
   * @throws {@link @cx/model!CxOptionsError} for an unknown or renamed key (`confidence` → `level`) or a value out of
   *   range.
   */
  constructor(options?: KeyDriverOptions) {
    this.#options = deepFreeze(
      parseOptions(optionsSchema, options, 'KeyDriverAccumulator', { renamed: RENAMED_LEVEL }),
    );
  }

  /** The resolved options. */
  get options(): { readonly level: number; readonly minN: number } {
    return this.#options;
  }

  #driver(key: string): CorrelationAccumulator {
    let acc = this.#drivers.get(key);
    if (acc === undefined) {
      acc = new CorrelationAccumulator({ level: this.#options.level });
      this.#drivers.set(key, acc);
    }
    return acc;
  }

  /**
   * Adds one respondent.
   *
   * @param row - Outcome and driver ratings.
   * @returns This accumulator.
   * @throws {@link @cx/model!CxValidationError} when a value is not a finite number within ±1e100 (nothing is
   *   added).
   */
  add(row: KeyDriverRow): this {
    const issues: ValidationIssue[] = [];
    const entries = rowEntries(row, [], issues);
    if (issues.length > 0) throw new CxValidationError(issues);
    for (const [key, value] of entries) this.#driver(key).add(value, row.outcome);
    return this;
  }

  /**
   * Merges another analysis with the same options.
   *
   * @param other - Another key-driver accumulator.
   * @returns This accumulator.
   * @throws {@link @cx/model!CxOptionsError} (`options_mismatch`) when the options differ; this one is unchanged.
   */
  merge(other: this): this {
    assertSameOptions(
      'KeyDriverAccumulator',
      this.#options,
      other instanceof KeyDriverAccumulator ? other.#options : other,
    );
    for (const [key, acc] of other.#drivers) this.#driver(key).merge(acc);
    return this;
  }

  /**
   * The drivers ranked by correlation with the outcome, strongest positive first (ties by name).
   *
   * @returns The ranked drivers.
   */
  result(): KeyDriver[] {
    const { level, minN } = this.#options;
    const results = [...this.#drivers.entries()].map(([driver, acc]) => ({ driver, c: acc.result() }));
    const total = results.reduce((s, { c }) => s + (c.r === null ? 0 : c.r * c.r), 0);
    results.sort(
      (a, b) =>
        (b.c.r ?? Number.NEGATIVE_INFINITY) - (a.c.r ?? Number.NEGATIVE_INFINITY) ||
        byCode(a.driver, b.driver),
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

  /**
   * The state as plain JSON. Restore it with {@link KeyDriverAccumulator.restore}.
   *
   * @returns The snapshot.
   */
  snapshot(): KeyDriverSnapshot {
    const drivers = [...this.#drivers.entries()]
      .sort((a, b) => byCode(a[0], b[0]))
      .map(([driver, acc]) => ({ driver, state: acc.snapshot().state }));
    return { kind: 'key-drivers', version: 1, options: this.#options, state: { drivers } };
  }

  /**
   * Restores an analysis from its {@link KeyDriverAccumulator.snapshot}.
   *
   * @param snapshot - The snapshot.
   * @returns A new accumulator.
   * @throws {@link @cx/model!CxValidationError} (`invalid_snapshot`) when the snapshot is malformed, lists a driver
   *   twice or holds inconsistent moments.
   */
  static restore(snapshot: unknown): KeyDriverAccumulator {
    return restoreSnapshot(
      snapshot,
      {
        kind: 'key-drivers',
        version: 1,
        subject: 'KeyDriverAccumulator',
        options: optionsSchema,
        state: stateSchema,
      },
      (options, state) => {
        const acc = new KeyDriverAccumulator(options);
        state.drivers.forEach(({ driver, state: s }, i) => {
          if (acc.#drivers.has(driver)) {
            throw new CxValidationError([
              {
                path: ['state', 'drivers', i, 'driver'],
                code: 'invalid_snapshot',
                message: `Driver ${driver} is listed twice`,
              },
            ]);
          }
          const envelope = { kind: 'correlation', version: 1, options: { level: options.level }, state: s };
          acc.#drivers.set(driver, CorrelationAccumulator.restore(envelope));
        });
        return acc;
      },
    );
  }
}

/**
 * Key-driver analysis: ranks touchpoints or stages by how strongly their satisfaction is associated with the
 * outcome (usually likelihood to recommend), with Pearson r, its Fisher-z interval and p-value, so a team sees which
 * moment of truth matters most. Correlation is association, not causation.
 *
 * @param rows - One row per respondent (see {@link keyDriverRows} to build them from responses).
 * @param options - Confidence `level` and small-sample threshold.
 * @returns Drivers ranked by r, strongest positive first.
 * @throws {@link @cx/model!CxValidationError} naming each bad value, e.g. `['rows', 4, 'drivers', 'support']`.
 * @throws {@link @cx/model!CxOptionsError} for an unknown or renamed option, `null` options or a value out of range.
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
export function keyDrivers(rows: readonly KeyDriverRow[], options?: KeyDriverOptions): KeyDriver[] {
  const acc = new KeyDriverAccumulator(
    parseOptions(optionsSchema, options, 'keyDrivers', { renamed: RENAMED_LEVEL }),
  );
  if (!Array.isArray(rows)) {
    throw new CxValidationError([
      { path: ['rows'], message: 'Expected an array of rows', code: 'invalid_type' },
    ]);
  }
  const issues: ValidationIssue[] = [];
  rows.forEach((row, i) => {
    rowEntries(row, ['rows', i], issues);
  });
  if (issues.length > 0) throw new CxValidationError(issues);
  for (const row of rows) acc.add(row);
  return acc.result();
}
