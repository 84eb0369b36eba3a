// Seeded fuzz tests of every importer: thousands of inputs each, made by mutating valid texts with characters the
// grammars care about (quotes, brackets, line ends of every kind, ":" ";" "#" "%%", YAML anchors and tags, control
// characters, lone surrogates) and by repeating slices (deep nesting, long lines). Whatever the bytes, an importer
// returns a map or throws one of the library's own errors, within a time bound per input.
import { CxError } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fullMap } from '../src/__fixtures__/full.js';
import { toCsv } from '../src/csv/export.js';
import { fromCsv } from '../src/csv/import.js';
import { toMermaid } from '../src/mermaid/export.js';
import { fromMermaid } from '../src/mermaid/import.js';
import { parseMap, parseMapJson, parseMapYaml } from '../src/parse.js';
import { serializeMap, serializeMapYaml } from '../src/serialize.js';

const RUNS = 2000;
/** Per input, on a shared two-core machine; typical inputs take a few milliseconds. */
const BOUND_MS = 2500;
const SEED = 20_261_206;

const HOSTILE = [
  '"',
  "'",
  '\\',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  ';',
  '#',
  '%%',
  '\n',
  '\r',
  '\r\n',
  '\u2028',
  '\u2029',
  '\t',
  ' ',
  '\u0000',
  '\u0085',
  '\uFEFF',
  '\uD800',
  '\uDC00',
  '😀',
  '&a ',
  '*a',
  '!!binary ',
  '!foo ',
  '? ',
  '- ',
  '---\n',
  '__proto__',
  '"__proto__": 1,',
  'constructor',
  '1e999',
  '-0',
  '0x10',
  'NaN',
  'null',
  'true',
  'title ',
  'section ',
  'journey\n',
  'accDescr {',
  '=1+1',
  '@SUM',
  "'",
  '(step: ',
  ')',
  ' (owner: x)',
  '[high] ',
  ' — ',
  ', due 2026-02-30',
  'Emotion: ',
  'Thoughts: ',
  'Blueprint: support processes',
  'javascript:alert(1)',
  'http://ä.example/',
];

interface Op {
  readonly kind: 'insert' | 'delete' | 'replace' | 'repeat';
  readonly at: number;
  readonly text: string;
  readonly length: number;
  readonly times: number;
}

const op: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'replace', 'repeat'),
  at: fc.nat(),
  text: fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', maxLength: 6 })),
  length: fc.nat({ max: 40 }),
  times: fc.integer({ min: 2, max: 400 }),
});

function apply(base: string, ops: readonly Op[]): string {
  let text = base;
  for (const o of ops) {
    const at = text.length === 0 ? 0 : o.at % (text.length + 1);
    if (o.kind === 'insert') text = text.slice(0, at) + o.text + text.slice(at);
    else if (o.kind === 'delete') text = text.slice(0, at) + text.slice(at + o.length);
    else if (o.kind === 'replace') text = text.slice(0, at) + o.text + text.slice(at + o.text.length);
    else
      text = text.slice(0, at) + text.slice(at, at + Math.max(1, o.length)).repeat(o.times) + text.slice(at);
  }
  return text;
}

const inputs = (bases: readonly string[]) =>
  fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .tuple(fc.constantFrom(...bases), fc.array(op, { minLength: 1, maxLength: 6 }))
        .map(([b, ops]) => apply(b, ops)),
    },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
    {
      weight: 1,
      arbitrary: fc.array(fc.constantFrom(...HOSTILE), { maxLength: 60 }).map((parts) => parts.join('')),
    },
  );

const map = parseMap(fullMap());
const stats = { accepted: 0, rejected: 0 };

function check(read: (text: string) => unknown, text: string): unknown {
  const started = performance.now();
  let result: unknown;
  try {
    result = read(text);
    stats.accepted++;
  } catch (error) {
    stats.rejected++;
    if (!(error instanceof CxError))
      throw new Error(`Not a library error: ${String(error)} for ${JSON.stringify(text.slice(0, 200))}`);
  }
  const elapsed = performance.now() - started;
  if (elapsed > BOUND_MS)
    throw new Error(`Took ${elapsed.toFixed(0)} ms (> ${BOUND_MS}) for a text of ${text.length} characters`);
  return result;
}

describe.each([
  [
    'JSON',
    [serializeMap(map), serializeMap(fullMap()).replace('"formatVersion": 2', '"formatVersion": 1')],
    parseMapJson,
    serializeMap,
  ],
  ['YAML', [serializeMapYaml(map)], parseMapYaml, serializeMapYaml],
  ['CSV', [toCsv(map).value], (t: string) => fromCsv(t).value, (m: never) => toCsv(m).value],
  [
    'Mermaid',
    [toMermaid(map).value, 'journey\n  title T\n  accDescr {\n a\n }\n  section S\n    A: 3: Me, You\n'],
    (t: string) => fromMermaid(t).value,
    (m: never) => toMermaid(m).value,
  ],
] as const)('fuzzing the %s importer', (_name, bases, read, write) => {
  it(`returns a valid map or throws a library error, within ${BOUND_MS} ms, on ${RUNS} seeded inputs`, () => {
    stats.accepted = 0;
    stats.rejected = 0;
    fc.assert(
      fc.property(inputs(bases), (text) => {
        const result = check(read as (t: string) => unknown, text);
        // What is accepted is a valid map that survives its own export and import.
        if (result !== undefined)
          check(read as (t: string) => unknown, (write as (m: unknown) => string)(result));
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    // The mutations reach both outcomes: they are neither all trivially valid nor all rejected at the first byte.
    expect(stats.rejected).toBeGreaterThan(RUNS / 10);
    expect(stats.accepted).toBeGreaterThan(0);
  }, 600_000);
});
