import type { Interaction } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildInteractionColumns } from '../columnar/build.js';
import { PathCounts } from './path-counter.js';
import { topPaths } from './paths.js';
import { topPathsColumns } from './paths-columns.js';

const touchpoints = ['pdp', 'cart', 'checkout', 'till', 'mail', 'app'];

/** Interactions of up to 30 actors, each with distinct instants (ties in time are ordered differently by design). */
const interactionsArb = fc
  .array(
    fc.record({
      actor: fc.integer({ min: 0, max: 29 }),
      touchpoint: fc.option(fc.constantFrom(...touchpoints), { nil: undefined }),
      name: fc.constantFrom('view', 'buy', 'mail'),
    }),
    { maxLength: 160 },
  )
  .map((rows): Interaction[] =>
    rows.map((r, i) => ({
      id: `e${i}`,
      customerId: `c${r.actor}`,
      // one minute apart in input order: distinct per actor, so both paths order each actor's events alike
      timestamp: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      name: r.name,
      channel: 'web',
      ...(r.touchpoint === undefined ? {} : { touchpointId: r.touchpoint }),
      properties: {},
    })),
  );

describe('topPathsColumns', () => {
  it('equals topPaths on interactions: counts, ranks, ties by path, the rest grouped (property)', () => {
    fc.assert(
      fc.property(
        interactionsArb,
        fc.record({
          by: fc.constantFrom('touchpointId', 'name') as fc.Arbitrary<'touchpointId' | 'name'>,
          limit: fc.integer({ min: 1, max: 6 }),
          maxLength: fc.integer({ min: 1, max: 5 }),
          collapseRepeats: fc.boolean(),
        }),
        (interactions, options) => {
          expect(topPathsColumns(buildInteractionColumns(interactions), options)).toEqual(
            topPaths(interactions, options),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('ranks ties at the limit by path, whatever the order the paths were first seen in', () => {
    // a: pdp>till, b: cart, c: cart, d: pdp, e: app. Counts: cart 2, then app, pdp, pdp>till with 1 each.
    // limit 2 keeps cart and the first of the three ties by path order: 'app' < 'pdp' < 'pdp>till'.
    const at = (m: number) => new Date(Date.UTC(2026, 0, 1, 0, m)).toISOString();
    const rows: [string, string][] = [
      ['a', 'pdp'],
      ['a', 'till'],
      ['b', 'cart'],
      ['c', 'cart'],
      ['d', 'pdp'],
      ['e', 'app'],
    ];
    const interactions: Interaction[] = rows.map(([actor, touchpointId], i) => ({
      id: `e${i}`,
      customerId: actor,
      timestamp: at(i),
      name: 'x',
      channel: 'web',
      touchpointId,
      properties: {},
    }));
    const r = topPathsColumns(buildInteractionColumns(interactions), { limit: 2 });
    expect(r.paths).toEqual([
      { path: ['cart'], actors: 2, share: 2 / 5 },
      { path: ['app'], actors: 1, share: 1 / 5 },
    ]);
    expect(r.other).toEqual({ paths: 2, actors: 2, share: 2 / 5 });
  });
});

describe('PathCounts', () => {
  it('counts equal code sequences together and keeps distinct ones apart across rehashes (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 6 }), {
          maxLength: 3000,
        }),
        (paths) => {
          const counts = new PathCounts();
          const expected = new Map<string, number>();
          for (const p of paths) {
            counts.add(Int32Array.from(p), p.length);
            expected.set(p.join(','), (expected.get(p.join(',')) ?? 0) + 1);
          }
          const actual = new Map<string, number>();
          for (let i = 0; i < counts.size; i++) actual.set(counts.codesOf(i).join(','), counts.actorsOf(i));
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 40 },
    );
  });
});
