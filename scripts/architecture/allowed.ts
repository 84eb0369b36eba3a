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
    file: 'packages/map/src/grid/rows.ts',
    call: 'Number',
    text: 'Number(x.toFixed(digits))',
    reason: 'rounds a number the code computed',
  },
  {
    file: 'packages/map/src/read/json.ts',
    call: 'parseInt',
    text: 'Number.parseInt(text.slice(i + 2, i + 6), 16)',
    reason: 'the JSON grammar of the journey-map document reader (\\u escapes)',
  },
  {
    file: 'packages/map/src/csv/read-items.ts',
    call: 'parseFloat',
    text: 'Number.parseFloat(number)',
    reason: 'the journey-map CSV grammar (an emotion from -2 to +2, matched by EMOTION just before)',
  },
  {
    file: 'packages/map/src/mermaid/import.ts',
    call: 'parseFloat',
    text: 'Number.parseFloat(scoreText)',
    reason: 'the Mermaid journey grammar (task scores, matched by a decimal pattern just before)',
  },
  {
    file: 'packages/text/src/sentiment/lexicon.ts',
    call: 'parseFloat',
    text: 'Number.parseFloat(match[2] as string)',
    reason: 'the lexicon file grammar shipped with the package',
  },
  {
    file: 'packages/text/src/sentiment/lexicon.ts',
    call: 'parseFloat',
    text: 'Number.parseFloat(text)',
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
  // Pre-existing: instants of model records and options read with Date.parse. To go (issue 13).
  { file: 'packages/model/src/subscription.ts', call: 'Date.parse', text: 'Date.parse(', reason: LEGACY },
];
