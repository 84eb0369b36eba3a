import { epochMsToInstant, instantSchema, instantToEpochMs, parseOptions } from '@cx/model';
import { z } from 'zod';

/**
 * Options of {@link createSampleShop}.
 *
 * @example
 * ```ts
 * import type { SampleShopOptions } from '@cx/sample-data';
 * const options: SampleShopOptions = { seed: 7, customers: 500, start: '2025-06-01T00:00:00Z', days: 90 };
 * console.log(options.days); // 90
 * ```
 * @category Sample shop
 * @since 0.1.0
 */
export interface SampleShopOptions {
  /** Seed of every random draw; the same seed gives byte-identical output. Any safe integer (taken modulo 2^32). Default `42`. */
  seed?: number | undefined;
  /** Number of customers, 0 to 10,000,000; about 50 interactions each on average (200,000 customers ≈ 10 million interactions). Default `1000`. */
  customers?: number | undefined;
  /** Start of the simulated period, a UTC instant ending in `Z`. Default `'2025-01-01T00:00:00.000Z'`. */
  start?: string | undefined;
  /** Length of the simulated period in days (1 to 3660). Default `365`. */
  days?: number | undefined;
  /** Share of business (B2B) customers, 0 to 1. Default `0.2`. */
  businessShare?: number | undefined;
}

/**
 * The options of a {@link SampleShop} with every default filled in.
 *
 * @example
 * ```ts
 * import { createSampleShop, type ResolvedSampleShopOptions } from '@cx/sample-data';
 * const options: ResolvedSampleShopOptions = createSampleShop({ customers: 0 }).options;
 * console.log(options.start); // '2025-01-01T00:00:00.000Z'
 * ```
 * @category Sample shop
 * @since 0.2.0
 */
export interface ResolvedSampleShopOptions {
  /** Seed of every random draw. */
  readonly seed: number;
  /** Number of customers. */
  readonly customers: number;
  /** Start of the simulated period, a UTC instant with milliseconds. */
  readonly start: string;
  /** Length of the simulated period in days. */
  readonly days: number;
  /** Share of business (B2B) customers. */
  readonly businessShare: number;
}

const whole = (what: string) =>
  z
    .number({ error: `Expected a whole number of ${what}` })
    .int({ error: `Expected a whole number of ${what}` });

/** The strict schema of {@link SampleShopOptions} (internal). */
const sampleShopSchema = z.strictObject({
  seed: z
    .number({ error: 'Expected an integer seed' })
    .int({ error: 'Expected an integer seed' })
    .default(42),
  customers: whole('customers')
    .min(0)
    .max(10_000_000, { error: 'Expected at most 10,000,000 customers' })
    .default(1000),
  // The record form of an instant (…Z), calendar-checked: 2025-02-30T00:00:00Z is rejected, never rolled over.
  start: instantSchema.default('2025-01-01T00:00:00.000Z'),
  days: whole('days').min(1).max(3660, { error: 'Expected at most 3660 days' }).default(365),
  businessShare: z.number({ error: 'Expected a share from 0 to 1' }).min(0).max(1).default(0.2),
});

/**
 * Checks the options and fills in defaults (internal).
 *
 * @throws {@link @cx/model!CxOptionsError} listing every bad option: an unknown key (with the closest known one),
 * `null`, a value out of range, a start that is not a UTC instant.
 */
export function resolveOptions(options?: SampleShopOptions): ResolvedSampleShopOptions {
  const o = parseOptions(sampleShopSchema, options, 'createSampleShop');
  // Normalised to millisecond precision, e.g. 2026-03-01T09:30:00Z → 2026-03-01T09:30:00.000Z.
  return { ...o, start: epochMsToInstant(instantToEpochMs(o.start)) };
}
