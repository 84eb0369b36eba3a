import { epochUnitOption } from '@cx/ingest';
import { instantSchema, scaleSchema } from '@cx/model';
import { z } from 'zod';

// The option schemas shared by the public functions of @cx/connectors. Every function checks its options once, on
// entry, with `parseOptions(schema, options, '<function>')` from @cx/model: unknown keys (with the closest known key),
// `null`, wrong container types and out-of-range values are a CxOptionsError. Functions and objects with methods
// (hooks, auth providers, streams) are checked for their shape only.

/**
 * A function value (a hook, an injected clock, a stream factory).
 *
 * @internal
 */
export const fnOption = z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', {
  error: 'Expected a function',
});

/**
 * An auth provider: an object with `apply` and `secrets` methods.
 *
 * @internal
 */
export const authOption = z.custom<object>(
  (v) =>
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { apply?: unknown }).apply === 'function' &&
    typeof (v as { secrets?: unknown }).secrets === 'function',
  {
    error:
      'Expected an auth provider (bearerAuth, basicAuth, oauthRefreshAuth, googleServiceAccountAuth or your own)',
  },
);

/**
 * An `AbortSignal`.
 *
 * @internal
 */
export const signalOption = z.custom<AbortSignal>((v) => v instanceof AbortSignal, {
  error: 'Expected an AbortSignal',
});

/**
 * A duration in milliseconds: finite and not negative.
 *
 * @internal
 */
export const msOption = z
  .number({ error: 'Expected a duration in milliseconds' })
  .finite({ error: 'Expected a finite duration in milliseconds' })
  .nonnegative({ error: 'Expected a duration of 0 ms or more' });

/**
 * A count: a positive integer, at most `max`.
 *
 * @internal
 */
export const countOption = (max: number) =>
  z
    .number({ error: 'Expected a whole number' })
    .int({ error: 'Expected a whole number' })
    .positive({ error: 'Expected a whole number of 1 or more' })
    .max(max, { error: `Expected at most ${max}` });

/**
 * An absolute http(s) URL.
 *
 * @internal
 */
export const urlOption = z.string().refine(
  (v) => {
    try {
      const url = new URL(v);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  },
  { error: 'Expected an absolute http(s) URL' },
);

/**
 * A calendar date `YYYY-MM-DD` (checked: no 30 February).
 *
 * @internal
 */
export const dateOption = z.iso.date({ error: 'Expected a calendar date YYYY-MM-DD' });

/**
 * The retry policy of the HTTP client.
 *
 * @internal
 */
export const retryOption = z.strictObject({
  maxAttempts: countOption(100).optional(),
  baseDelayMs: msOption.optional(),
  maxDelayMs: msOption.optional(),
  maxRetryAfterMs: msOption.optional(),
  maxTotalWaitMs: msOption.optional(),
});

/**
 * HTTP tuning shared by the client, the adapters and the token requests.
 *
 * @internal
 */
export const httpTuningShape = {
  headers: z.record(z.string(), z.string()).optional(),
  timeoutMs: msOption.positive({ error: 'Expected a timeout of more than 0 ms' }).optional(),
  retry: retryOption.optional(),
  allowedOrigins: z.array(urlOption).optional(),
  sleep: fnOption.optional(),
  random: fnOption.optional(),
  now: fnOption.optional(),
  fetch: fnOption.optional(),
  onRetry: fnOption.optional(),
};

/**
 * The `http` option of the adapters (the client's options without base URL, auth and classification).
 *
 * @internal
 */
export const httpOption = z.strictObject(httpTuningShape);

/**
 * The options every HTTP adapter takes.
 *
 * @internal
 */
export const httpSourceShape = {
  baseUrl: urlOption.optional(),
  auth: authOption,
  http: httpOption.optional(),
  lookbackMs: msOption.optional(),
  lagMs: msOption.optional(),
};

/**
 * Where a file source reads from: a path or a stream factory.
 *
 * @internal
 */
export const fileInputOption = z.union([z.string().min(1, { error: 'Expected a file path' }), fnOption], {
  error: 'Expected a file path or a function returning a stream',
});

/**
 * A field rule: a column or dotted path, or a function of the row.
 *
 * @internal
 */
export const fieldRuleOption = z.union([z.string().min(1), fnOption], {
  error: 'Expected a column name, a dotted path or a function of the row',
});

/**
 * The unit of Unix time of a value: `'s'`, `'ms'` or `'us'` (the schema of `@cx/ingest`).
 *
 * @internal
 */
export const epochOption = epochUnitOption.unwrap();

/**
 * Model time field → the unit of Unix time its source values are in (`{ timestamp: 's' }`).
 *
 * @internal
 */
export const epochFieldsOption = z.record(z.string(), epochOption);

/**
 * The mapping options of the row sources.
 *
 * @internal
 */
export const rowMappingShape = {
  kind: z.enum(['customer', 'interaction', 'surveyResponse', 'order', 'feedback']),
  fields: z.record(z.string(), fieldRuleOption),
  defaults: z.record(z.string(), z.unknown()).optional(),
  idField: fieldRuleOption.optional(),
  cursorField: fieldRuleOption.optional(),
  epoch: epochFieldsOption.optional(),
};

/**
 * Where an event lands in the journey.
 *
 * @internal
 */
export const eventRuleOption = z.strictObject({
  name: z.string().optional(),
  touchpointId: z.string().optional(),
  stageId: z.string().optional(),
  channel: z.string().optional(),
});

/**
 * A survey scale.
 *
 * @internal
 */
export const scaleOption = scaleSchema;

/**
 * A UTC instant.
 *
 * @internal
 */
export const instantOption = instantSchema;
