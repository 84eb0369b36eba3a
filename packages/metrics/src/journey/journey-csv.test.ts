import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CxOptionsError, CxValidationError } from '@cx/model';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readInteractionColumnsCsv } from '../columnar/read-csv.js';
import { funnelColumns } from './funnel-columns.js';
import type { FunnelOptions } from './funnel-options.js';
import { journeyCsv } from './journey-csv.js';
import { topPathsColumns } from './paths-columns.js';

const dir = mkdtempSync(join(tmpdir(), 'cx-journey-csv-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let serial = 0;
const HEADER = 'customerId,anonymousId,timestamp,name,channel,touchpointId,stageId';
const BASE = Date.parse('2026-03-01T00:00:00Z');

function csvFile(lines: readonly string[]): string {
  const file = join(dir, `events-${serial++}.csv`);
  writeFileSync(file, `${HEADER}\n${lines.join('\n')}\n`);
  return file;
}

const rowArb = fc.record({
  actor: fc.integer({ min: 0, max: 11 }),
  anonymous: fc.boolean(),
  // Minutes over 10 hours, often equal (ties in time keep the file's order).
  minute: fc.integer({ min: 0, max: 600 }),
  name: fc.constantFrom('view', 'cart', 'checkout', 'buy', 'refund'),
  channel: fc.constantFrom('web', 'email', 'mobile-app'),
  touchpoint: fc.constantFrom('', 'home', 'product', 'cart-page', 'checkout-page'),
  stage: fc.constantFrom('', 'consider', 'buy'),
});

const funnelArb: fc.Arbitrary<FunnelOptions> = fc.record({
  steps: fc.constantFrom(
    [{ name: 'view' }, { name: 'cart' }, { name: 'checkout' }, { name: 'buy' }],
    [{ name: 'view', channel: 'web' }, { name: 'buy' }],
    [{ name: ['view', 'cart'] }, { touchpointId: 'checkout-page' }, { name: 'buy' }],
  ),
  window: fc.constantFrom({ hours: 1 }, { days: 2 }, { days: 30 }),
  order: fc.constantFrom('sequential', 'strict', 'any'),
  counting: fc.constantFrom('uniques', 'totals'),
  exclusions: fc.constantFrom([], [{ name: 'refund', fromStep: 0 }]),
  breakdown: fc.constantFrom(undefined, { field: 'channel' as const }, { field: 'stageId' as const }),
  percentiles: fc.constant([50, 90]),
}) as fc.Arbitrary<FunnelOptions>;

describe('journeyCsv', () => {
  it('equals funnelColumns and topPathsColumns on the whole file (property: tiny partitions and buffers)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowArb, { maxLength: 120 }),
        funnelArb,
        fc.record({
          by: fc.constantFrom('touchpointId', 'name', 'stageId', 'channel'),
          limit: fc.integer({ min: 1, max: 5 }),
          maxLength: fc.integer({ min: 1, max: 6 }),
          collapseRepeats: fc.boolean(),
        }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 7 }),
        async (rows, funnel, paths, partitions, bufferEvents) => {
          const file = csvFile(
            rows.map(
              (r) =>
                `${r.anonymous ? '' : `c${r.actor}`},${r.anonymous ? `a${r.actor}` : ''},${new Date(BASE + r.minute * 60_000).toISOString()},${r.name},${r.channel},${r.touchpoint},${r.stage}`,
            ),
          );
          const columns = await readInteractionColumnsCsv(file);
          const result = await journeyCsv(file, {
            funnel,
            paths,
            partitions,
            bufferEvents,
            tempDirectory: dir,
          });
          expect(result.funnel).toEqual(funnelColumns(columns, funnel));
          expect(result.paths).toEqual(topPathsColumns(columns, paths));
          expect([result.events, result.actors, result.partitions]).toEqual([
            columns.length,
            columns.actorIds.length,
            partitions,
          ]);
        },
      ),
      { numRuns: 100 },
    );
    // 100 files written, read and spilled: about 15 s on an idle 2-core machine, twice that under the suite's load
  }, 120_000);

  it('counts a hand-made funnel across partitions and removes its spill files', async () => {
    // c1: view 10:00, cart 10:05, buy 10:10 → 3 steps; c2: view, buy (no cart) → 1 step; c3: cart only → not in.
    const file = csvFile([
      'c1,,2026-01-01T10:00:00Z,view,web,home,',
      'c2,,2026-01-01T10:00:00Z,view,web,home,',
      'c3,,2026-01-01T10:00:00Z,cart,web,cart-page,',
      'c1,,2026-01-01T10:05:00Z,cart,web,cart-page,',
      'c2,,2026-01-01T10:07:00Z,buy,web,checkout-page,',
      'c1,,2026-01-01T10:10:00Z,buy,web,checkout-page,',
    ]);
    const spill = mkdtempSync(join(dir, 'spill-'));
    const result = await journeyCsv(file, {
      funnel: { steps: [{ name: 'view' }, { name: 'cart' }, { name: 'buy' }] },
      paths: { limit: 3 },
      partitions: 2,
      bufferEvents: 1,
      tempDirectory: spill,
    });
    expect(result.funnel?.steps.map((s) => s.count)).toEqual([2, 1, 1]);
    // Paths of touchpoints: c1 home > cart-page > checkout-page, c2 home > checkout-page, c3 cart-page.
    expect(result.paths?.paths.map((p) => [p.path.join(' > '), p.actors])).toEqual([
      ['cart-page', 1],
      ['home > cart-page > checkout-page', 1],
      ['home > checkout-page', 1],
    ]);
    expect([result.events, result.actors]).toEqual([6, 3]);
    expect(readdirSync(spill)).toEqual([]);
  });

  it('checks its options synchronously, with paths into funnel and paths', () => {
    const file = csvFile(['c1,,2026-01-01T10:00:00Z,view,web,,']);
    const issues = (options: unknown) => {
      try {
        void journeyCsv(file, options as never);
      } catch (error) {
        expect(error).toBeInstanceOf(CxOptionsError);
        return (error as CxOptionsError).issues.map((i) => [i.path.join('.'), i.code]);
      }
      throw new Error('expected a CxOptionsError');
    };
    expect(issues({})).toEqual([['', 'missing_option']]);
    expect(issues({ paths: {}, partitions: 0 })).toEqual([['partitions', 'out_of_range']]);
    expect(issues({ paths: { limit: 0 } })[0]?.[0]).toBe('paths.limit');
    expect(issues({ funnel: { steps: [] } })[0]?.[0]).toBe('funnel.steps');
    expect(issues({ paths: {}, partition: 2 })[0]).toEqual(['partition', 'unknown_option']);
    expect(issues({ paths: {}, csv: { delimiter: ';;' } })[0]?.[0]).toBe('csv.delimiter');
    expect(issues({ funnel: { steps: [{ name: 'buy', properties: { revenue: 10 } }] } })[0]?.[0]).toBe(
      'funnel.steps.0.properties',
    );
    expect(issues(null)).toEqual([['', 'invalid_type']]);
  });

  it('rejects a file without the required columns (the promise rejects)', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'who,when\nc1,2026-01-01T00:00:00Z\n');
    await expect(journeyCsv(file, { paths: {}, tempDirectory: dir })).rejects.toBeInstanceOf(
      CxValidationError,
    );
  });
});
