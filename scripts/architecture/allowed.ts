// Places allowed to turn text into instants or numbers outside the ingestion and time modules. Each entry names the
// file, the call and a snippet of its source text (so that edits elsewhere in the file do not matter), and says why.
// Keep this list short: input text (files, API payloads, options given as text) goes through @cx/ingest (numbers,
// money, instants with a time zone) or @cx/model's time module (the model's instants). An entry that no longer
// matches any code fails the test, so the list can only shrink.

/** Modules that own the grammars: everything in them may parse. */
export const GRAMMAR_MODULES: readonly string[] = [
  'packages/ingest/src/cells/', // numbers and money
  'packages/ingest/src/time/', // the ingestion side of the instant grammar (shim until @cx/model's lands)
  'packages/model/src/time.ts', // the one instant grammar
  'packages/model/src/time/',
];

export interface Allowed {
  readonly file: string;
  readonly call: string;
  /** A substring of the call's source text. */
  readonly text: string;
  readonly reason: string;
}

const LEGACY =
  'pre-existing: read the model instant with @cx/model (instantToEpochMs, issue 13) or the text with @cx/ingest';

export const ALLOWED: readonly Allowed[] = [
  // Not input text: formats the library writes and reads itself, or numbers it formatted.
  {
    file: 'packages/map/src/grid.ts',
    call: 'Number',
    text: 'Number((v * 100).toFixed(1))',
    reason: 'rounds a number the code computed',
  },
  {
    file: 'packages/map/src/json-text.ts',
    call: 'parseInt',
    text: 'Number.parseInt(hex, 16)',
    reason: 'the JSON grammar of the journey-map document reader (\\u escapes)',
  },
  {
    file: 'packages/map/src/json-text.ts',
    call: 'Number',
    text: 'Number(literal[0])',
    reason: 'the JSON grammar of the journey-map document reader (number literals)',
  },
  {
    file: 'packages/map/src/mermaid-import.ts',
    call: 'Number',
    text: 'Number(pieces[0])',
    reason: 'the Mermaid journey grammar (task scores)',
  },
  {
    file: 'packages/text/src/sentiment/lexicon.ts',
    call: 'Number',
    text: 'Number(match[3])',
    reason: 'the lexicon file grammar shipped with the package',
  },
  {
    file: 'packages/text/src/sentiment/lexicon.ts',
    call: 'Number',
    text: 'Number(modifierParts[i + 1])',
    reason: 'the lexicon file grammar shipped with the package',
  },
  {
    file: 'packages/model/src/pattern/case-folding.ts',
    call: 'parseInt',
    text: 'Number.parseInt(field, 36)',
    reason: 'decodes the case-folding table packed in the source (base-36 fields), not input text',
  },
  {
    file: 'packages/connectors/src/http/retry.ts',
    call: 'Number',
    text: 'Number(text)',
    reason: 'HTTP Retry-After header (RFC 9110 delay-seconds)',
  },
  {
    file: 'packages/connectors/src/http/retry.ts',
    call: 'Date.parse',
    text: 'Date.parse(text)',
    reason: 'HTTP Retry-After header (RFC 9110 HTTP-date)',
  },
  {
    file: 'packages/connectors/src/adapters/salesforce.ts',
    call: 'Number',
    text: 'Number(usage[1])',
    reason: 'Sforce-Limit-Info header counts',
  },
  {
    file: 'packages/connectors/src/adapters/salesforce.ts',
    call: 'Number',
    text: 'Number(usage[2])',
    reason: 'Sforce-Limit-Info header counts',
  },
  {
    file: 'packages/metrics/src/journey/paths-columns.ts',
    call: 'Number',
    text: 'Number(c)',
    reason: LEGACY,
  },
  // Pre-existing: instants of model records and options read with Date.parse. To go (issue 13).
  {
    file: 'packages/connectors/src/adapters/ga4-bigquery-api.ts',
    call: 'Date.parse',
    text: 'Date.parse(',
    reason: LEGACY,
  },
  {
    file: 'packages/connectors/src/adapters/ga4-bigquery.ts',
    call: 'Number',
    text: 'Number(raw)',
    reason: LEGACY,
  },
  {
    file: 'packages/connectors/src/adapters/hubspot.ts',
    call: 'Date.parse',
    text: 'Date.parse(',
    reason: LEGACY,
  },
  {
    file: 'packages/connectors/src/adapters/mixpanel.ts',
    call: 'Date.parse',
    text: 'Date.parse(',
    reason: LEGACY,
  },
  {
    file: 'packages/connectors/src/adapters/zendesk.ts',
    call: 'Date.parse',
    text: 'Date.parse(',
    reason: LEGACY,
  },
  {
    file: 'packages/connectors/src/mapping.ts',
    call: 'Date.parse',
    text: 'Date.parse(',
    reason: `${LEGACY}; csvSource/ndjsonSource are to be backed by @cx/ingest`,
  },
  {
    file: 'packages/connectors/src/mapping.ts',
    call: 'Number',
    text: 'Number(value)',
    reason: `${LEGACY}; csvSource/ndjsonSource are to be backed by @cx/ingest`,
  },
  { file: 'packages/connectors/src/sync/state.ts', call: 'Date.parse', text: 'Date.parse(', reason: LEGACY },
  { file: 'packages/connectors/src/sync/sync.ts', call: 'Date.parse', text: 'Date.parse(', reason: LEGACY },
  { file: 'packages/map/src/csv.ts', call: 'Number', text: 'Number(v)', reason: LEGACY },
  {
    file: 'packages/map/src/review.ts',
    call: 'Date.parse',
    text: 'T00:00:00Z',
    reason: LEGACY,
  },
  { file: 'packages/map/src/review.ts', call: 'new Date', text: 'new Date(options.asOf)', reason: LEGACY },
  {
    file: 'packages/metrics/src/journey/source.ts',
    call: 'Date.parse',
    text: 'Date.parse(interaction.timestamp)',
    reason: LEGACY,
  },
  { file: 'packages/metrics/src/lifetime/btyd/rfm.ts', call: 'Number', text: 'Number(m[', reason: LEGACY },
  {
    file: 'packages/metrics/src/lifetime/btyd/rfm.ts',
    call: 'Date.parse',
    text: 'Date.parse(value)',
    reason: LEGACY,
  },
  { file: 'packages/model/src/subscription.ts', call: 'Date.parse', text: 'Date.parse(', reason: LEGACY },
  { file: 'packages/sample-data/src/life.ts', call: 'Date.parse', text: 'Date.parse(c.at)', reason: LEGACY },
  {
    file: 'packages/sample-data/src/options.ts',
    call: 'Date.parse',
    text: 'Date.parse(value)',
    reason: LEGACY,
  },
  {
    file: 'packages/sample-data/src/shop.ts',
    call: 'Date.parse',
    text: 'Date.parse(options.start)',
    reason: LEGACY,
  },
  {
    file: 'packages/text/src/sentiment/breakdown.ts',
    call: 'Date.parse',
    text: 'Date.parse(previous.start)',
    reason: LEGACY,
  },
  {
    file: 'packages/text/src/time/buckets.ts',
    call: 'Date.parse',
    text: 'Date.parse(value)',
    reason: LEGACY,
  },
];
