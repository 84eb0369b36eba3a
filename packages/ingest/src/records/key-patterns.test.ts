// Records of every key pattern: the fast builder makes each record with one object literal per pattern of present
// optional keys, up to a bound, and key by key beyond it. Both must give what the model's schema gives for the raw
// object of the row (the reference: `feedbackSchema.parse`, keys in the schema's order), whichever pattern comes
// when. Eight optional feedback fields mapped to columns give 256 patterns, past the bound of 64.
import { execFileSync } from 'node:child_process';
import { feedbackSchema } from '@cx/model';
import { describe, expect, it } from 'vitest';
import { readAll } from '../index.js';

/** Optional fields, their columns and one valid cell each. */
const OPTIONAL = [
  ['language', 'lang', 'pl'],
  ['customerId', 'cust', 'c-1'],
  ['url', 'url', 'https://shop.example/p/1'],
  ['rating', 'rating', '4.5'],
  ['surveyResponseId', 'resp', 'r-9'],
  ['touchpointId', 'tp', 'product-page'],
  ['stageId', 'stage', 'checkout'],
  ['channel', 'ch', 'web'],
] as const;

describe('fast records of every key pattern', () => {
  it('equal feedbackSchema.parse of the raw row for all 256 patterns of eight optional fields, in any order', async () => {
    const patterns = Array.from({ length: 256 }, (_, mask) => mask);
    // Each pattern three times, in a scrambled order, so that patterns past the bound come before and after the
    // ones that have a maker.
    const order = [...patterns, ...[...patterns].reverse(), ...patterns.map((m) => (m * 37) % 256)];
    const header = ['id', 'text', 'src', 'at', ...OPTIONAL.map(([, column]) => column)];
    const rows = order.map((mask, i) => [
      `f${i}`,
      `text ${i}`,
      'review',
      '2024-06-01T10:00:00Z',
      ...OPTIONAL.map(([, , cell], k) => (((mask >>> k) & 1) === 1 ? cell : '')),
    ]);
    const csv = `${[header, ...rows].map((r) => r.join(',')).join('\n')}\n`;
    const { records, summary } = await readAll(
      { text: csv },
      {
        format: 'csv',
        mapping: {
          kind: 'feedback',
          fields: {
            id: 'id',
            text: 'text',
            source: 'src',
            createdAt: 'at',
            ...Object.fromEntries(OPTIONAL.map(([field, column]) => [field, column])),
          },
        },
      },
    );
    expect(summary.rejected).toBe(0);
    expect(records).toHaveLength(order.length);
    records.forEach((record, i) => {
      const row = rows[i] as string[];
      const raw: Record<string, unknown> = {
        id: row[0],
        text: row[1],
        source: row[2],
        createdAt: '2024-06-01T10:00:00.000Z',
      };
      OPTIONAL.forEach(([field], k) => {
        const cell = row[4 + k] as string;
        if (cell !== '') raw[field] = field === 'rating' ? Number(cell) : cell;
      });
      const want = feedbackSchema.parse(raw);
      expect(record).toStrictEqual(want);
      expect(Object.keys(record)).toEqual(Object.keys(want));
    });
  });

  it('builds records key by key where code generation is disallowed', () => {
    // A process with --disallow-code-generation-from-strings (as under a strict CSP): the makers cannot be compiled,
    // and the read must give the same records as anywhere else, not an EvalError.
    const index = new URL('../index.ts', import.meta.url).href;
    const script = `
      const { readAll } = await import(${JSON.stringify(index)});
      const csv = 'id,c,a,t\\ne1,c1,,2024-06-01T10:00:00Z\\ne2,,a2,2024-06-01T11:00:00+02:00\\n';
      const { records } = await readAll({ text: csv }, {
        format: 'csv',
        mapping: { kind: 'interaction', fields: { id: 'id', customerId: 'c', anonymousId: 'a', timestamp: 't', name: { value: 'visit' }, channel: { value: 'web' } } },
      });
      console.log(JSON.stringify(records));`;
    const out = execFileSync(
      process.execPath,
      [
        '--disallow-code-generation-from-strings',
        '--conditions=@cx/source',
        '--import',
        'tsx',
        '--input-type=module',
        '--eval',
        script,
      ],
      { encoding: 'utf8' },
    );
    const records = JSON.parse(out.trim().split('\n').pop() as string);
    expect(records).toEqual([
      {
        id: 'e1',
        customerId: 'c1',
        timestamp: '2024-06-01T10:00:00.000Z',
        name: 'visit',
        channel: 'web',
        properties: {},
      },
      {
        id: 'e2',
        anonymousId: 'a2',
        timestamp: '2024-06-01T09:00:00.000Z',
        name: 'visit',
        channel: 'web',
        properties: {},
      },
    ]);
    expect(Object.keys(records[0])).toEqual([
      'id',
      'customerId',
      'timestamp',
      'name',
      'channel',
      'properties',
    ]);
  });
});
