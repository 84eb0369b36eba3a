import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Interaction } from '@cx/model';
import { CxOptionsError, CxValidationError, instantToEpochMs } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { streamInteractionCsv } from '../columnar/csv-stream.js';
import { CohortRetentionAccumulator } from './accumulator.js';
import { cohortRetention } from './cohort-retention.js';
import type { CohortRetentionOptions } from './options.js';

const dir = mkdtempSync(join(tmpdir(), 'cx-retention-agg-'));
let files = 0;

async function streamed(events: Interaction[], options: CohortRetentionOptions, chunkBytes = 1024) {
  const path = join(dir, `e${files++}.csv`);
  const rows = events.map(
    (e) =>
      `${e.customerId},${e.timestamp},${e.name},${e.channel},${(e.properties.revenue as number | undefined) ?? ''}`,
  );
  writeFileSync(path, `customerId,timestamp,name,channel,revenue\n${rows.join('\n')}\n`);
  const accumulator = new CohortRetentionAccumulator(options);
  const stream = streamInteractionCsv(path, {
    chunkBytes,
    ...(options.aggregate ? { numeric: [options.aggregate.property] } : {}),
  });
  for await (const batch of stream) accumulator.addBatch(batch, stream);
  return accumulator.result();
}

const event = fc.record({
  actor: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
  ms: fc.integer({
    min: instantToEpochMs('2026-01-01T00:00:00Z'),
    max: instantToEpochMs('2026-05-01T00:00:00Z'),
  }),
  name: fc.constantFrom('open', 'purchase'),
  channel: fc.constantFrom('web', 'email'),
  revenue: fc.integer({ min: 0, max: 100 }),
});

const optionSets: CohortRetentionOptions[] = [
  { interval: 'month', periods: 3 },
  { interval: 'week', periods: 3, minimumOccurrences: 2, weekStartsOn: 0 },
  { interval: 'quarter', periods: 1, from: '2026-02-01T00:00:00Z', to: '2026-04-01T00:00:00Z' },
  { interval: 'week', periods: 4, retention: 'on-or-after', startEvent: { name: 'purchase' } },
  {
    interval: 'day',
    brackets: [1, 6, 30],
    returnEvent: { name: 'purchase', channel: 'email' },
    timeZone: 'America/New_York',
  },
  { interval: 'day', periods: 10, window: 'rolling', rollingTruncation: 'hour' },
  { interval: 'week', periods: 5, window: 'rolling', rollingTruncation: 'day', timeZone: 'Europe/Berlin' },
  {
    interval: 'day',
    periods: 20,
    window: 'rolling',
    cohortType: 'first-ever',
    startEvent: { name: 'purchase', channel: 'web' },
  },
  {
    interval: 'month',
    periods: 2,
    aggregate: { property: 'revenue', operation: 'avg' },
    startEvent: { name: 'purchase' },
  },
];

describe('CohortRetentionAccumulator', () => {
  it('gives the same matrix as cohortRetention on the same events (property, per option set)', async () => {
    for (const options of optionSets) {
      await fc.assert(
        fc.asyncProperty(fc.array(event, { maxLength: 40 }), async (rows) => {
          // Grouped by actor and sorted within: the order the aggregator needs.
          const events: Interaction[] = rows
            .sort((x, y) => x.actor.localeCompare(y.actor) || x.ms - y.ms)
            .map((r, i) => ({
              id: `e${i}`,
              customerId: r.actor,
              timestamp: new Date(r.ms).toISOString(),
              name: r.name,
              channel: r.channel as 'web',
              properties: r.name === 'purchase' ? { revenue: r.revenue } : {},
            }));
          const expected = cohortRetention(events, options);
          const actual = await streamed(events, options);
          expect(actual).toEqual(expected);
        }),
        { numRuns: 25 },
      );
    }
  }, 60_000);

  it('rejects an actor whose events go back in time, naming the row', async () => {
    const events: Interaction[] = [
      {
        id: '1',
        customerId: 'a',
        timestamp: '2026-01-02T00:00:00Z',
        name: 'x',
        channel: 'web',
        properties: {},
      },
      {
        id: '2',
        customerId: 'a',
        timestamp: '2026-01-01T00:00:00Z',
        name: 'x',
        channel: 'web',
        properties: {},
      },
    ];
    const error = await streamed(events, { interval: 'day' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CxValidationError);
    expect((error as CxValidationError).issues[0]?.path).toEqual([1, 'timestamp']);
  });

  it('rejects batches without a dimension its matchers use', async () => {
    const path = join(dir, `e${files++}.csv`);
    writeFileSync(path, 'customerId,timestamp,name,channel\na,2026-01-01T00:00:00Z,open,web\n');
    const accumulator = new CohortRetentionAccumulator({ interval: 'day', startEvent: { name: 'open' } });
    const stream = streamInteractionCsv(path, { dimensions: [] });
    const error = await (async () => {
      for await (const batch of stream) accumulator.addBatch(batch, stream);
    })().catch((e: unknown) => e);
    expect((error as CxValidationError).issues[0]?.path).toEqual(['startEvent', 'name']);
  });

  it('refuses recurring cohorts with a typed options error (they need every period of an actor)', () => {
    let thrown: unknown;
    try {
      new CohortRetentionAccumulator({ interval: 'day', cohortType: 'recurring' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CxOptionsError);
    expect((thrown as CxOptionsError).issues[0]).toMatchObject({
      path: ['cohortType'],
      code: 'invalid_value',
    });
  });
});

describe('CohortRetentionAccumulator: one interaction at a time, shards and snapshots', () => {
  const toEvents = (
    rows: Array<{ actor: string; ms: number; name: string; channel: string; revenue: number }>,
  ) =>
    rows
      .sort((x, y) => x.actor.localeCompare(y.actor) || x.ms - y.ms)
      .map(
        (r, i): Interaction => ({
          id: `e${i}`,
          customerId: r.actor,
          timestamp: new Date(r.ms).toISOString(),
          name: r.name,
          channel: r.channel as 'web',
          properties: r.name === 'purchase' ? { revenue: r.revenue } : {},
        }),
      );

  it('add, merge of actor shards and restore(snapshot) all give cohortRetention’s matrix (property)', () => {
    for (const options of optionSets) {
      fc.assert(
        fc.property(fc.array(event, { maxLength: 40 }), fc.integer({ min: 1, max: 3 }), (rows, shards) => {
          const events = toEvents(rows);
          const expected = cohortRetention(events, options);
          const whole = new CohortRetentionAccumulator(options);
          for (const e of events) whole.add(e);
          expect(whole.result()).toEqual(expected);
          // Shard by actor, snapshot each shard through JSON, merge.
          const parts = Array.from({ length: shards }, () => new CohortRetentionAccumulator(options));
          for (const e of events) parts[(e.customerId as string).charCodeAt(0) % shards]?.add(e);
          const [first, ...rest] = parts.map((p) =>
            CohortRetentionAccumulator.restore(JSON.parse(JSON.stringify(p.snapshot()))),
          );
          for (const p of rest) first?.merge(p);
          expect(first?.result()).toEqual(expected);
        }),
        { numRuns: 25 },
      );
    }
  });

  it('refuses to merge shards that share an actor, and changes nothing', () => {
    const e = (actor: string, timestamp: string): Interaction => ({
      id: `${actor}${timestamp}`,
      customerId: actor,
      timestamp,
      name: 'open',
      channel: 'web',
      properties: {},
    });
    const a = new CohortRetentionAccumulator({ interval: 'day' }).add(e('x', '2026-01-01T00:00:00Z'));
    const b = new CohortRetentionAccumulator({ interval: 'day' }).add(e('x', '2026-01-02T00:00:00Z'));
    const before = JSON.stringify(a.snapshot());
    let thrown: unknown;
    try {
      a.merge(b);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CxValidationError);
    expect((thrown as CxValidationError).issues[0]).toMatchObject({
      path: ['actors', 'x'],
      code: 'merge_overlap',
    });
    expect(JSON.stringify(a.snapshot())).toBe(before);
  });

  it('checks a whole batch before counting any of it', async () => {
    const path = join(dir, `e${files++}.csv`);
    // Row 2 goes back in time for actor a: the batch is refused and nothing of rows 0–1 is counted.
    writeFileSync(
      path,
      'customerId,timestamp,name,channel\nb,2026-01-01T00:00:00Z,open,web\na,2026-01-03T00:00:00Z,open,web\na,2026-01-02T00:00:00Z,open,web\n',
    );
    const accumulator = new CohortRetentionAccumulator({ interval: 'day' });
    const before = JSON.stringify(accumulator.snapshot());
    const stream = streamInteractionCsv(path);
    const error = await (async () => {
      for await (const batch of stream) accumulator.addBatch(batch, stream);
    })().catch((e: unknown) => e);
    expect((error as CxValidationError).issues[0]).toMatchObject({
      path: [2, 'timestamp'],
      code: 'unsorted_events',
    });
    expect(JSON.stringify(accumulator.snapshot())).toBe(before);
  });

  it('rejects a malformed snapshot with invalid_snapshot and its path', () => {
    const good = new CohortRetentionAccumulator({ interval: 'day' })
      .add({
        id: '1',
        customerId: 'a',
        timestamp: '2026-01-01T00:00:00Z',
        name: 'o',
        channel: 'web',
        properties: {},
      })
      .snapshot();
    const bad = JSON.parse(JSON.stringify(good));
    bad.state.actors[0].counts = [1];
    let thrown: unknown;
    try {
      CohortRetentionAccumulator.restore(bad);
    } catch (error) {
      thrown = error;
    }
    expect((thrown as CxValidationError).issues[0]).toMatchObject({
      path: ['state', 'actors', 0, 'counts'],
      code: 'invalid_snapshot',
    });
    const badOptions = { ...JSON.parse(JSON.stringify(good)), options: { interval: 'fortnight' } };
    expect(() => CohortRetentionAccumulator.restore(badOptions)).toThrow(CxValidationError);
  });
});
