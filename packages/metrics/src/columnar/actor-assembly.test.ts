import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ActorColumnsAssembler } from './actor-assembly.js';
import { toActorColumns } from './csr.js';
import type { InteractionBatch } from './interaction-columns.js';

interface Row {
  actor: number;
  time: number;
  name: number;
  revenue: number;
}

const batchOf = (rows: readonly Row[]): InteractionBatch => ({
  length: rows.length,
  firstRow: 0,
  actor: Int32Array.from(rows, (r) => r.actor),
  time: Float64Array.from(rows, (r) => r.time),
  name: Int32Array.from(rows, (r) => r.name),
  channel: Int32Array.from(rows, (r) => r.name % 2),
  touchpoint: Int32Array.from(rows, (r) => (r.name === 0 ? -1 : r.name + 1)),
  stage: Int32Array.from(rows, (r) => r.actor % 3),
  numeric: { revenue: Float64Array.from(rows, (r) => r.revenue) },
});

/** Renumbers actors in order of first appearance, as the reader's dictionary does. */
const firstAppearance = (rows: readonly Row[]): { rows: Row[]; actors: number } => {
  const index = new Map<number, number>();
  const out = rows.map((r) => {
    let a = index.get(r.actor);
    if (a === undefined) {
      a = index.size;
      index.set(r.actor, a);
    }
    return { ...r, actor: a };
  });
  return { rows: out, actors: index.size };
};

const assemble = (rows: readonly Row[], actors: number, cuts: readonly number[]) => {
  const assembler = new ActorColumnsAssembler(['revenue']);
  let from = 0;
  for (const cut of [...cuts.map((c) => Math.min(c, rows.length)).sort((x, y) => x - y), rows.length]) {
    if (cut < from) continue;
    assembler.add(batchOf(rows.slice(from, cut)));
    from = cut;
  }
  const ids = Array.from({ length: actors }, (_, a) => `a${a}`);
  return assembler.finish({ actorIds: ids, names: ['x'], channels: [], touchpoints: [], stages: [] });
};

const reference = (rows: readonly Row[], actors: number) => {
  const b = batchOf(rows);
  return toActorColumns({
    length: rows.length,
    actorIds: Array.from({ length: actors }, (_, a) => `a${a}`),
    actor: b.actor,
    time: b.time,
    name: b.name,
    names: ['x'],
    channel: b.channel,
    channels: [],
    touchpoint: b.touchpoint,
    touchpoints: [],
    stage: b.stage,
    stages: [],
    numeric: b.numeric,
  });
};

const plain = (c: ReturnType<typeof reference>) => ({
  length: c.length,
  actorIds: c.actorIds,
  offsets: Array.from(c.actorOffsets),
  time: Array.from(c.time),
  name: Array.from(c.name),
  channel: Array.from(c.channel),
  touchpoint: Array.from(c.touchpoint),
  stage: Array.from(c.stage),
  revenue: Array.from(c.numeric.revenue ?? []),
});

const row = (actors: number, times: number) =>
  fc.record({
    actor: fc.integer({ min: 0, max: actors - 1 }),
    time: fc.integer({ min: 0, max: times }),
    name: fc.integer({ min: 0, max: 5 }),
    revenue: fc.oneof(fc.constant(Number.NaN), fc.integer({ min: -50, max: 50 })),
  });

describe('ActorColumnsAssembler', () => {
  it('equals toActorColumns of the concatenated batches: any order, ties, any batch cuts (property)', () => {
    fc.assert(
      fc.property(
        fc.array(row(6, 8), { maxLength: 80 }),
        fc.array(fc.nat(80), { maxLength: 6 }),
        (input, cuts) => {
          const { rows, actors } = firstAppearance(input);
          expect(plain(assemble(rows, actors, cuts))).toEqual(plain(reference(rows, actors)));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('equals toActorColumns on input grouped by actor, sorted or not within an actor (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(row(1, 40), { minLength: 1, maxLength: 50 }), { maxLength: 8 }),
        fc.boolean(),
        fc.array(fc.nat(200), { maxLength: 6 }),
        (groups, sortEach, cuts) => {
          // Group g holds actor g's events: runs in order of first appearance, the exporter's "by customer" order.
          const rows = groups.flatMap((g, a) => {
            const events = g.map((r) => ({ ...r, actor: a }));
            return sortEach ? events.sort((x, y) => x.time - y.time) : events;
          });
          expect(plain(assemble(rows, groups.length, cuts))).toEqual(plain(reference(rows, groups.length)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('places rows of actors that come back later (not grouped) and keeps input order for equal times', () => {
    const rows: Row[] = [
      { actor: 0, time: 5, name: 1, revenue: 1 },
      { actor: 1, time: 1, name: 2, revenue: 2 },
      { actor: 0, time: 5, name: 3, revenue: 3 },
      { actor: 0, time: 2, name: 4, revenue: 4 },
    ];
    const c = assemble(rows, 2, [2]);
    // By hand: actor 0's events sorted by time, ties in input order: (2, name 4), (5, name 1), (5, name 3).
    expect(Array.from(c.actorOffsets)).toEqual([0, 3, 4]);
    expect(Array.from(c.time)).toEqual([2, 5, 5, 1]);
    expect(Array.from(c.name)).toEqual([4, 1, 3, 2]);
    expect(Array.from(c.numeric.revenue ?? [])).toEqual([4, 1, 3, 2]);
  });

  it('gives empty columns for no batches', () => {
    const c = assemble([], 0, []);
    expect(c.length).toBe(0);
    expect(Array.from(c.actorOffsets)).toEqual([0]);
  });
});
