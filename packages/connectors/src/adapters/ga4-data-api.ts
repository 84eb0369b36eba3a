import { parseOptions } from '@cx/model';
import { z } from 'zod';
import type { HttpFailure, RetryDecision } from '../http/client.js';
import { toNumber } from '../mapping.js';
import { authOption, countOption, httpOption, signalOption, urlOption } from '../options.js';
import { setOwn } from '../own.js';
import { adapterClient, type HttpSourceOptions } from './http-source.js';

/**
 * Options of {@link runGa4Report}.
 *
 * @category Adapters
 * @since 0.1.0
 */
export interface Ga4ReportOptions extends Omit<HttpSourceOptions, 'lookbackMs' | 'lagMs'> {
  /** GA4 property id (digits). */
  readonly propertyId: string;
  /** Dimension names, e.g. `['date', 'sessionSourceMedium']`. */
  readonly dimensions: readonly string[];
  /** Metric names, e.g. `['sessions', 'purchaseRevenue']`. */
  readonly metrics: readonly string[];
  /** First date (`YYYY-MM-DD` or `NdaysAgo`); re-read at least the last 3 days, GA restates them. */
  readonly startDate: string;
  /** Last date (default `yesterday`). */
  readonly endDate?: string;
  /** Rows per request (default 10 000, max 250 000). */
  readonly pageSize?: number;
  /** Cancellation. */
  readonly signal?: AbortSignal;
}

/**
 * One aggregate row of a GA4 report. Upsert by `key` (the date and dimension values): GA restates recent days.
 *
 * @category Adapters
 * @since 0.1.0
 */
export interface Ga4ReportRow {
  /** Dimension name → value. */
  readonly dimensions: Readonly<Record<string, string>>;
  /** Metric name → value (numbers for numeric metric types). */
  readonly metrics: Readonly<Record<string, number | string>>;
  /** Upsert key: the dimension values joined with `|`. */
  readonly key: string;
}

/**
 * What a finished report run returns besides the rows.
 *
 * @category Adapters
 * @since 0.1.0
 */
export interface Ga4ReportSummary {
  /** Total rows the API reported. */
  readonly rowCount: number;
  /** Report metadata (currency, time zone, thresholding, sampling). */
  readonly metadata: Readonly<Record<string, unknown>>;
  /** The last `propertyQuota` seen (`tokensPerDay`, `tokensPerHour`, … each `{consumed, remaining}`). */
  readonly propertyQuota: Readonly<Record<string, { consumed?: number; remaining?: number }>> | null;
  /** Requests made. */
  readonly pages: number;
}

/**
 * GA4 quota rules: a 429 `RESOURCE_EXHAUSTED` for tokens per day or per hour is an exhausted quota (never
 * short-retried); concurrent-request exhaustion is retried with backoff.
 *
 * @param failure - The failed response.
 * @returns The decision.
 * @example
 * ```ts
 * import { classifyGa4Failure } from '@cx/connectors';
 * const body = '{"error":{"code":429,"status":"RESOURCE_EXHAUSTED","message":"Exhausted property tokens per day."}}';
 * console.log(classifyGa4Failure({ status: 429, headers: new Headers(), body, retryAfterMs: null })?.action); // 'quota'
 * ```
 * @category Adapters
 * @since 0.1.0
 */
export function classifyGa4Failure(failure: HttpFailure): RetryDecision {
  if (failure.status !== 429 || !failure.body.includes('RESOURCE_EXHAUSTED')) return undefined;
  if (/tokens per (day|hour)|per project per hour/i.test(failure.body)) {
    return { action: 'quota', reason: 'GA4 property token quota exhausted' };
  }
  return { action: 'retry' };
}

const NUMERIC =
  /^TYPE_(INTEGER|FLOAT|SECONDS|MILLISECONDS|MINUTES|HOURS|STANDARD|CURRENCY|FEET|MILES|METERS|KILOMETERS)$/;

const runGa4ReportSchema = z.strictObject({
  baseUrl: urlOption.optional(),
  auth: authOption,
  http: httpOption.optional(),
  propertyId: z.string().regex(/^\d+$/, { error: 'Expected the numeric GA4 property id' }),
  dimensions: z.array(z.string().min(1)),
  metrics: z.array(z.string().min(1)).min(1, { error: 'Expected at least one metric' }),
  startDate: z.string().regex(/^(\d{4}-\d{2}-\d{2}|today|yesterday|\d+daysAgo)$/, {
    error: 'Expected YYYY-MM-DD, today, yesterday or NdaysAgo',
  }),
  endDate: z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2}|today|yesterday|\d+daysAgo)$/, {
      error: 'Expected YYYY-MM-DD, today, yesterday or NdaysAgo',
    })
    .optional(),
  pageSize: countOption(250_000).optional(),
  signal: signalOption.optional(),
});

/**
 * Runs a GA4 Data API report (`properties/{id}:runReport`) with offset paging (`offset += limit` while
 * `offset < rowCount`), yielding typed aggregate rows. These are aggregates, not model records: load them
 * into your metrics store keyed by {@link Ga4ReportRow.key}. Auth is usually {@link googleServiceAccountAuth}
 * with the `analytics.readonly` scope.
 *
 * @param options - Property, dimensions, metrics, dates, auth.
 * @returns An async generator of rows; its return value is the {@link Ga4ReportSummary}.
 * @throws {@link CxQuotaExceededError} when property tokens per day/hour are exhausted.
 * @throws {@link @cx/model!CxOptionsError} when the options are wrong: an unknown key (the closest known one is
 * named), `null`, a wrong type or a value out of range.
 * @example
 * ```ts
 * import { bearerAuth, runGa4Report } from '@cx/connectors';
 * const rows = runGa4Report({
 *   propertyId: '123456', auth: bearerAuth('ya29.…'), dimensions: ['date'], metrics: ['sessions'], startDate: '3daysAgo',
 * });
 * console.log(typeof rows.next); // 'function'
 * ```
 * @category Adapters
 * @since 0.1.0
 */
export function runGa4Report(options: Ga4ReportOptions): AsyncGenerator<Ga4ReportRow, Ga4ReportSummary> {
  parseOptions(runGa4ReportSchema, options, 'runGa4Report'); // at the call, not at the first row
  return readReport(options);
}

async function* readReport(options: Ga4ReportOptions): AsyncGenerator<Ga4ReportRow, Ga4ReportSummary> {
  const http = adapterClient(options, 'https://analyticsdata.googleapis.com', classifyGa4Failure);
  const limit = options.pageSize ?? 10_000;
  let offset = 0;
  let pages = 0;
  let rowCount = 0;
  let metadata: Record<string, unknown> = {};
  let propertyQuota: Ga4ReportSummary['propertyQuota'] = null;
  do {
    const { data } = await http.json<{
      dimensionHeaders?: { name: string }[];
      metricHeaders?: { name: string; type: string }[];
      rows?: { dimensionValues: { value: string }[]; metricValues: { value: string }[] }[];
      rowCount?: number;
      metadata?: Record<string, unknown>;
      propertyQuota?: Ga4ReportSummary['propertyQuota'];
    }>(`/v1beta/properties/${encodeURIComponent(options.propertyId)}:runReport`, {
      json: {
        dateRanges: [{ startDate: options.startDate, endDate: options.endDate ?? 'yesterday' }],
        dimensions: options.dimensions.map((name) => ({ name })),
        metrics: options.metrics.map((name) => ({ name })),
        limit: String(limit),
        offset: String(offset),
        returnPropertyQuota: true,
      },
      ...(options.signal ? { signal: options.signal } : {}),
    });
    pages++;
    rowCount = data.rowCount ?? 0;
    metadata = data.metadata ?? {};
    propertyQuota = data.propertyQuota ?? propertyQuota;
    const dims = data.dimensionHeaders ?? [];
    const mets = data.metricHeaders ?? [];
    const rows = data.rows ?? [];
    for (const row of rows) {
      const dimensions: Record<string, string> = {};
      dims.forEach((h, i) => {
        setOwn(dimensions, h.name, row.dimensionValues[i]?.value ?? '');
      });
      const metrics: Record<string, number | string> = {};
      mets.forEach((h, i) => {
        const raw = row.metricValues[i]?.value ?? '';
        setOwn(metrics, h.name, NUMERIC.test(h.type) ? (toNumber(raw) ?? raw) : raw);
      });
      yield { dimensions, metrics, key: dims.map((h) => dimensions[h.name]).join('|') };
    }
    if (rows.length === 0) break;
    offset += limit;
  } while (offset < rowCount);
  return { rowCount, metadata, propertyQuota, pages };
}
