// Construction equivalence: the fast record builder (cells checked field by field, no whole-record zod parse) gives,
// row by row, exactly what the zod builder gives (`schema.safeParse` of the raw object the mapping builds): the same
// record, keys in the same order, or the same rejection (code, reason, field, source column, line column, raw
// cell). Over generated CSV files whose cells are valid and invalid for every field kind of interaction, order and
// feedback mappings (columns, value maps, defaults, constants, generated ids, epoch and zoned instants, money with
// currency tokens, properties), and with the zod builder as the independent reference.
import { feedbackSchema, idSchema, interactionSchema, orderSchema } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { visitCsv } from '../csv/csv-rows.js';
import { defineMapping, type MappingSpec } from '../mapping/mapping.js';
import { isPlainId } from '../mapping/plain-id.js';
import { RecordBuilder, type RowAccess } from './builder.js';
import { SummaryBuilder } from './dead-letter.js';
import { FastRecordBuilder } from './fast-builder.js';
import { checkOptions, readOptionShape, resolveReadOptions } from './options.js';

/** Counts the rows the fast builder hands back to the zod builder. */
class CountingBuilder extends RecordBuilder {
  calls = 0;
  override build(row: RowAccess, line: number) {
    this.calls++;
    return super.build(row, line);
  }
}

const LONG_ID = 'x'.repeat(257);
// Per pool: cells valid for the field (or valid for most mappings), then cells that are not.
const pools = {
  id: [
    ['c1', 'cus_000184', 'Łucja', '😀-1', 'x'.repeat(256)],
    ['a\u0001b', 'a\u007fb', LONG_ID, ''],
  ],
  name: [
    ['page_view', 'add to cart', 'ż'],
    ['n'.repeat(257), ''],
  ],
  channel: [
    ['web', 'email', 'custom:pop-up'],
    ['custom:Bad', 'carrier pigeon', ''],
  ],
  slug: [
    ['checkout', 'physical-store', ''],
    ['Bad Slug', 'a--b'],
  ],
  instant: [
    [
      '2024-01-31T22:30:00Z',
      '2024-06-01T10:00:00.250+02:00',
      '2024-01-31 23:30',
      '0000-01-01T00:00:00Z',
      '9999-12-31T23:59:59.999Z',
    ],
    ['2024-03-31 02:30', '2024-10-27 02:30', '2024-02-30T00:00:00Z', 'yesterday', ''], // DST gap and overlap in Warsaw
  ],
  epoch: [
    ['1717236000', '1717236000.5', '-1'],
    ['253402300800', '1e3', 'x', ''],
  ],
  money: [
    ['1234.5', '1 234,50 zł', '12 €', 'PLN 5', '-0.5', '19,99 zł'],
    ['5 $', '(12.00)', '1,234', '0x1A', ''],
  ],
  currency: [
    ['PLN', 'EUR', 'USD'],
    ['pln', ''],
  ],
  status: [
    ['completed', 'refunded', 'on hold', 'cancelled'],
    ['done', ''],
  ],
  number: [
    ['4.5', '-1', '1,5', ''],
    ['1e400', 'abc'],
  ],
  language: [['pl', 'pt-BR', ''], ['EN']],
  source: [
    ['review', 'ticket'],
    ['blog', ''],
  ],
  url: [['https://shop.example/p/1', 'http://x', ''], ['javascript:alert(1)']],
  text: [['great', 'say "hi"', 'a;b,c', 'two\r\nlines', ''], []],
} satisfies Record<string, [string[], string[]]>;

/** One generated mapping: the spec and the pool each of its columns draws cells from. */
interface Case {
  readonly spec: MappingSpec;
  readonly columns: Readonly<Record<string, readonly [readonly string[], readonly string[]]>>;
}

const interactionCase: fc.Arbitrary<Case> = fc
  .record({
    id: fc.constantFrom('column', 'generate', 'line'),
    timestamp: fc.constantFrom('iso', 'zoned', 'epoch'),
    channel: fc.constantFrom('column', 'map', 'default', 'constant'),
    stage: fc.boolean(),
    anonymous: fc.boolean(),
    properties: fc.constantFrom('none', 'list', 'rest'),
  })
  .map((o): Case => {
    const columns: Record<string, Case['columns'][string]> = {
      cust: pools.id,
      at: o.timestamp === 'epoch' ? pools.epoch : pools.instant,
      name: pools.name,
      note: pools.text,
    };
    const fields: Record<string, MappingSpec['fields'][string]> = {
      customerId: 'cust',
      timestamp:
        o.timestamp === 'epoch'
          ? { column: 'at', epoch: 's' }
          : o.timestamp === 'zoned'
            ? { column: 'at', timeZone: 'Europe/Warsaw' }
            : 'at',
      name: 'name',
    };
    if (o.id === 'column') {
      columns.id = pools.id;
      fields.id = 'id';
    } else fields.id = o.id === 'line' ? { generate: 'line' } : { generate: ['cust', 'at'] };
    if (o.channel === 'constant') fields.channel = { value: 'web' };
    else {
      columns.ch = o.channel === 'map' ? pools.status : pools.channel;
      fields.channel =
        o.channel === 'column'
          ? 'ch'
          : o.channel === 'map'
            ? { column: 'ch', values: { completed: 'web', refunded: 'email', 'on hold': 'Bad' } }
            : { column: 'ch', default: 'other' };
    }
    if (o.stage) {
      columns.stage = pools.slug;
      fields.stageId = 'stage';
      columns.tp = pools.id;
      fields.touchpointId = 'tp';
    }
    if (o.anonymous) {
      columns.anon = pools.id;
      fields.anonymousId = 'anon';
    }
    return {
      spec: {
        kind: 'interaction',
        fields,
        ...(o.properties === 'none' ? {} : { properties: o.properties === 'rest' ? 'rest' : ['note'] }),
      },
      columns,
    };
  });

const orderCase: fc.Arbitrary<Case> = fc
  .record({
    currency: fc.constantFrom('column', 'constant', 'absent'),
    status: fc.constantFrom('map', 'constant'),
    amountDefault: fc.boolean(),
    decimal: fc.constantFrom(undefined, ',', '.'),
  })
  .map((o): Case => {
    const columns: Record<string, Case['columns'][string]> = {
      id: pools.id,
      customer: pools.id,
      at: pools.instant,
      total: pools.money,
    };
    const fields: Record<string, MappingSpec['fields'][string]> = {
      id: 'id',
      customerId: 'customer',
      orderedAt: { column: 'at', timeZone: 'Europe/Warsaw' },
      amount: o.amountDefault ? { column: 'total', default: 0 } : 'total',
    };
    if (o.currency === 'column') {
      columns.cur = pools.currency;
      fields.currency = 'cur';
    } else if (o.currency === 'constant') fields.currency = { value: 'PLN' };
    if (o.status === 'constant') fields.status = { value: 'paid' };
    else {
      columns.status = pools.status;
      fields.status = {
        column: 'status',
        values: { completed: 'paid', refunded: 'refunded', 'on hold': 'placed', done: 'finished' },
      };
    }
    return { spec: { kind: 'order', ...(o.decimal ? { decimal: o.decimal } : {}), fields }, columns };
  });

const feedbackCase: fc.Arbitrary<Case> = fc.constantFrom<Case>({
  spec: {
    kind: 'feedback',
    fields: {
      id: 'id',
      text: 'text',
      language: 'lang',
      source: 'source',
      url: 'url',
      createdAt: 'at',
      rating: 'rating',
      stageId: 'stage',
      channel: { column: 'ch', default: 'web' },
    },
  },
  columns: {
    id: pools.id,
    text: pools.text,
    lang: pools.language,
    source: pools.source,
    url: pools.url,
    at: pools.instant,
    rating: pools.number,
    stage: pools.slug,
    ch: pools.channel,
  },
});

/** CSV text of a header and rows, every cell quoted (the tokenizer is not under test here). */
function csvOf(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const q = (v: string) => `"${v.replaceAll('"', '""')}"`;
  return `${[header.map(q).join(','), ...rows.map((r) => r.map(q).join(','))].join('\n')}\n`;
}

/** Reads `text` once and builds every row with both builders; returns how often the fast one fell back. */
async function compare(
  spec: MappingSpec,
  text: string,
): Promise<{ rows: number; records: number; fallbacks: number; lostFast: number }> {
  const mapping = defineMapping(spec);
  const slow = new RecordBuilder(mapping);
  const fallback = new CountingBuilder(mapping);
  const fast = FastRecordBuilder.for(mapping, fallback);
  expect(fast).toBeDefined();
  const input = { text };
  const options = resolveReadOptions(input, checkOptions(readOptionShape, { format: 'csv' }, 't'), 't', 't');
  const summary = new SummaryBuilder('t', 0, undefined);
  let rows = 0;
  let records = 0;
  let lostFast = 0;
  const visitor = {
    header: () => [],
    row(access: RowAccess, line: number) {
      rows++;
      const before = fallback.calls;
      const got = (fast as FastRecordBuilder).build(access, line);
      const fellBack = fallback.calls > before;
      const want = slow.build(access, line);
      expect(got).toStrictEqual(want);
      if ('value' in want) {
        records++;
        // keys in the schema's order, as zod writes them
        expect(Object.keys((got as { value: object }).value)).toEqual(Object.keys(want.value as object));
        // a valid row is built without the zod builder
        if (fellBack) lostFast++;
      }
    },
  };
  for await (const _ of visitCsv(input, options, visitor, summary));
  return { rows, records, fallbacks: fallback.calls, lostFast };
}

/** Rows of a case: each cell valid for its pool about 19 times in 20. */
const rowsOf = (c: Case) =>
  fc.array(
    fc.tuple(
      ...Object.values(c.columns).map(([valid, invalid]) =>
        invalid.length === 0
          ? fc.constantFrom(...valid)
          : fc.oneof(
              { weight: 19, arbitrary: fc.constantFrom(...valid) },
              { weight: 1, arbitrary: fc.constantFrom(...invalid) },
            ),
      ),
    ),
    { minLength: 1, maxLength: 30 },
  );

describe('FastRecordBuilder: construction equivalence with the zod builder', () => {
  for (const [kind, arbitrary] of [
    ['interaction', interactionCase],
    ['order', orderCase],
    ['feedback', feedbackCase],
  ] as const) {
    it(`gives the zod builder's record or rejection for every generated ${kind} row`, async () => {
      let records = 0;
      let rejected = 0;
      await fc.assert(
        fc.asyncProperty(
          arbitrary.chain((c) => fc.tuple(fc.constant(c), rowsOf(c))),
          async ([c, rows]) => {
            const result = await compare(c.spec, csvOf(Object.keys(c.columns), rows));
            expect(result.rows).toBe(rows.length);
            expect(result.lostFast).toBe(0);
            records += result.records;
            rejected += result.rows - result.records;
          },
        ),
        { numRuns: 300 },
      );
      // the generators reach both outcomes, often
      expect(records).toBeGreaterThan(300);
      expect(rejected).toBeGreaterThan(300);
    });
  }

  it('takes an id as valid without the schema only when idSchema accepts it', () => {
    // ASCII printable: no control character (Unicode Cc is U+0000–U+001F and U+007F–U+009F), one code point each.
    expect(isPlainId('c0000001-e1')).toBe(true);
    expect(isPlainId(' ~')).toBe(true);
    expect(isPlainId('x'.repeat(256))).toBe(true);
    for (const id of ['', 'x'.repeat(257), 'a\u007fb', 'a\tb', 'Łucja', '😀'])
      expect(isPlainId(id)).toBe(false);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc.string({ maxLength: 300 }),
          fc.string({ minLength: 250, maxLength: 260 }),
        ),
        (id) => {
          if (isPlainId(id)) expect(idSchema.safeParse(id).success).toBe(true);
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it('covers exactly the kinds whose schema adds at most the rule it restates', () => {
    // The fast builder restates the interaction's actor rule and assumes orders and feedback add none: a new rule
    // in the model fails here, before it could let a record through unchecked.
    const checks = (schema: unknown) =>
      ((schema as { _zod: { def: { checks?: unknown[] } } })._zod.def.checks ?? []).length;
    expect(checks(interactionSchema)).toBe(1);
    expect(checks(orderSchema)).toBe(0);
    expect(checks(feedbackSchema)).toBe(0);
  });

  it('leaves mappings with function fields or numeric properties to the zod builder', () => {
    const base = { id: 'id', customerId: 'c', timestamp: 't', name: 'n', channel: { value: 'web' } } as const;
    const plain = defineMapping({ kind: 'interaction', fields: base });
    expect(FastRecordBuilder.for(plain, new RecordBuilder(plain))).toBeDefined();
    const fn = defineMapping({ kind: 'interaction', fields: { ...base, name: () => 'x' } });
    expect(FastRecordBuilder.for(fn, new RecordBuilder(fn))).toBeUndefined();
    const numbers = defineMapping({ kind: 'interaction', fields: base, numbers: { revenue: 'r' } });
    expect(FastRecordBuilder.for(numbers, new RecordBuilder(numbers))).toBeUndefined();
    const survey = defineMapping({
      kind: 'surveyResponse',
      fields: {
        id: 'id',
        score: 's',
        respondedAt: 't',
        surveyId: { value: 'nps' },
        metric: { value: 'nps' },
        scale: { value: { min: 0, max: 10 } },
      },
    });
    expect(FastRecordBuilder.for(survey, new RecordBuilder(survey))).toBeUndefined();
  });
});
