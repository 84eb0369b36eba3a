import { CxValidationError, type ValidationIssue } from '@cx/model';

/**
 * Options of {@link createSampleShop}.
 *
 * @category Sample shop
 * @since 0.1.0
 */
export interface SampleShopOptions {
  /** Seed of every random draw; the same seed gives byte-identical output. Any integer (taken modulo 2^32). Default `42`. */
  seed?: number;
  /** Number of customers; about 50 interactions each on average (200,000 customers ≈ 10 million interactions). Default `1000`. */
  customers?: number;
  /** Start of the simulated period, a UTC instant. Default `'2025-01-01T00:00:00.000Z'`. */
  start?: string;
  /** Length of the simulated period in days (1 to 3660). Default `365`. */
  days?: number;
  /** Share of business (B2B) customers, 0 to 1. Default `0.2`. */
  businessShare?: number;
}

/** The defaults of {@link SampleShopOptions}. */
export const DEFAULT_OPTIONS: Readonly<Required<SampleShopOptions>> = Object.freeze({
  seed: 42,
  customers: 1000,
  start: '2025-01-01T00:00:00.000Z',
  days: 365,
  businessShare: 0.2,
});

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;

/** A UTC instant whose calendar fields exist (Date.parse rolls 2025-02-30 over to March; this does not). */
function isRealInstant(value: string): boolean {
  if (!INSTANT.test(value)) return false;
  const ms = Date.parse(value);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 19) === value.slice(0, 19);
}

/** Checks the options and fills in defaults; throws a {@link CxValidationError} listing every bad option. */
export function resolveOptions(options: SampleShopOptions = {}): Required<SampleShopOptions> {
  const resolved = { ...DEFAULT_OPTIONS };
  const issues: ValidationIssue[] = [];
  const bad = (key: string, message: string) => issues.push({ path: [key], message, code: 'invalid_option' });
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) continue;
    if (!(key in DEFAULT_OPTIONS)) {
      bad(key, `Unknown option "${key}"; expected one of ${Object.keys(DEFAULT_OPTIONS).join(', ')}`);
    } else if (key === 'start') {
      if (typeof value !== 'string' || !isRealInstant(value))
        bad(key, `Expected a UTC instant such as 2025-01-01T00:00:00.000Z, got ${JSON.stringify(value)}`);
      else resolved.start = new Date(Date.parse(value)).toISOString();
    } else if (typeof value !== 'number' || !Number.isFinite(value)) {
      bad(key, `Expected a finite number, got ${JSON.stringify(value)}`);
    } else if (key === 'seed') {
      if (!Number.isInteger(value)) bad(key, `Expected an integer seed, got ${value}`);
      else resolved.seed = value;
    } else if (key === 'customers') {
      if (!Number.isInteger(value) || value < 0 || value > 10_000_000)
        bad(key, `Expected a whole number of customers from 0 to 10,000,000, got ${value}`);
      else resolved.customers = value;
    } else if (key === 'days') {
      if (!Number.isInteger(value) || value < 1 || value > 3660)
        bad(key, `Expected a whole number of days from 1 to 3660, got ${value}`);
      else resolved.days = value;
    } else if (key === 'businessShare') {
      if (value < 0 || value > 1) bad(key, `Expected a share from 0 to 1, got ${value}`);
      else resolved.businessShare = value;
    }
  }
  if (issues.length > 0) throw new CxValidationError(issues, { subject: 'SampleShopOptions' });
  return resolved;
}
