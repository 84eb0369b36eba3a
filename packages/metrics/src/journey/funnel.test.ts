import { CxOptionsError, CxValidationError, type Interaction } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildInteractionColumns } from '../columnar/build.js';
import { funnel, funnelAsync } from './funnel.js';
import { FunnelAccumulator } from './funnel-accumulator.js';
import { funnelColumns } from './funnel-columns.js';
import type { FunnelOptions } from './funnel-options.js';
import { ev, HOUR, MINUTE } from './test-helpers.js';

const counts = (r: { steps: readonly { count: number }[] }) => r.steps.map((s) => s.count);
const steps3 = [{ name: 'view' }, { name: 'cart' }, { name: 'buy' }];

describe('funnel: hand-checked small journeys', () => {
  // a: view 10:00, cart 10:30, buy 12:00 -> converts (2 h)
  // b: view 10:00, cart 11:00 -> stops at cart
  // c: cart 09:00, view 10:00 -> cart before view does not count -> stops at view
  // d: buy only -> never enters
  const events = [
    ev('a', 'view', '2026-01-01 10:00:00'),
    ev('a', 'cart', '2026-01-01 10:30:00'),
    ev('a', 'buy', '2026-01-01 12:00:00'),
    ev('b', 'view', '2026-01-01 10:00:00'),
    ev('b', 'cart', '2026-01-01 11:00:00'),
    ev('c', 'cart', '2026-01-01 09:00:00'),
    ev('c', 'view', '2026-01-01 10:00:00'),
    ev('d', 'buy', '2026-01-01 10:00:00'),
  ];

  it('counts, conversions, drop-off and time to convert', () => {
    const r = funnel(events, { steps: steps3 });
    expect(counts(r)).toEqual([3, 2, 1]);
    expect(r.steps.map((s) => s.conversionFromStart)).toEqual([1, 2 / 3, 1 / 3]);
    expect(r.steps.map((s) => s.conversionFromPrevious)).toEqual([1, 2 / 3, 1 / 2]);
    expect(r.steps.map((s) => s.dropOff)).toEqual([0, 1, 1]);
    expect(r.steps[2]?.dropOffRate).toBe(0.5);
    // cart after view: a 30 min, b 60 min -> mean 45 min, median 45 min, p25 = 30 + 0.25 * 30 = 37.5 min
    expect(r.steps[1]?.timeFromPrevious).toMatchObject({
      n: 2,
      mean: 45 * MINUTE,
      median: 45 * MINUTE,
      min: 30 * MINUTE,
    });
    expect(r.steps[1]?.timeFromPrevious.percentiles['25']).toBe(37.5 * MINUTE);
    expect(r.steps[2]?.timeFromStart.mean).toBe(2 * HOUR);
    expect(r.conversionRate).toBe(1 / 3);
  });

  it('strict order breaks on any interaction in between', () => {
    const r = funnel(
      [
        ...events,
        ev('e', 'view', '2026-01-01 10:00:00'),
        ev('e', 'ping', '2026-01-01 10:01:00'),
        ev('e', 'cart', '2026-01-01 10:02:00'),
      ],
      {
        steps: steps3,
        order: 'strict',
      },
    );
    expect(counts(r)).toEqual([4, 2, 1]);
  });

  it('any order counts distinct steps completed', () => {
    const r = funnel(events, { steps: steps3, order: 'any' });
    // a: 3 steps; b: 2; c: cart + view = 2; d: buy = 1
    expect(counts(r)).toEqual([4, 3, 1]);
  });

  it('per-step window: cart must follow view within 45 minutes', () => {
    const r = funnel(events, {
      steps: [{ name: 'view' }, { name: 'cart', window: { minutes: 45 } }, { name: 'buy' }],
    });
    expect(counts(r)).toEqual([3, 1, 1]);
  });

  it('window of exactly the gap still converts (inclusive)', () => {
    const r = funnel(events, { steps: steps3, window: { hours: 2 } });
    expect(counts(r)).toEqual([3, 2, 1]);
    expect(counts(funnel(events, { steps: steps3, window: { milliseconds: 2 * HOUR - 1 } }))).toEqual([
      3, 2, 0,
    ]);
  });

  it('zero entries give null rates, never NaN', () => {
    const r = funnel([], { steps: steps3 });
    expect(r.entered).toBe(0);
    expect(r.conversionRate).toBeNull();
    expect(r.steps[1]).toMatchObject({
      conversionFromStart: null,
      conversionFromPrevious: null,
      dropOffRate: null,
    });
    expect(r.steps[1]?.timeFromPrevious).toMatchObject({ n: 0, mean: null, median: null });
  });

  it('matches on touchpoint, channel and stage', () => {
    const r = funnel(
      [
        ev('a', 'view', '2026-01-01 10:00:00', { touchpointId: 'pdp', channel: 'mobile-app' }),
        ev('a', 'pay', '2026-01-01 10:05:00', { stageId: 'purchase', channel: 'physical-store' }),
        ev('b', 'view', '2026-01-01 10:00:00', { touchpointId: 'pdp', channel: 'web' }),
      ],
      {
        steps: [
          { touchpointId: 'pdp', channel: ['mobile-app', 'web'] },
          { stageId: 'purchase', channel: 'physical-store' },
        ],
      },
    );
    expect(counts(r)).toEqual([2, 1]);
  });

  it('single-step funnel converts on entry', () => {
    expect(funnel(events, { steps: [{ name: 'buy' }] }).conversionRate).toBe(1);
  });
});

describe('funnel: bad input', () => {
  const optionPaths = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(CxOptionsError);
      return (e as CxOptionsError).issues.map((i) => i.path);
    }
    throw new Error('expected a CxOptionsError');
  };
  const dataPaths = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(CxValidationError);
      return (e as CxValidationError).issues.map((i) => i.path);
    }
    throw new Error('expected a CxValidationError');
  };

  it('empty step list', () => {
    expect(optionPaths(() => funnel([], { steps: [] }))).toEqual([['steps']]);
  });
  it('unknown predicate field and empty predicate', () => {
    // Step 1 has an unknown key (and so no condition); step 2 has no condition.
    expect(optionPaths(() => funnel([], { steps: [{ name: 'a' }, { nmae: 'b' } as never, {}] }))).toEqual([
      ['steps', 1, 'nmae'],
      ['steps', 1],
      ['steps', 2],
    ]);
  });
  it('negative windows', () => {
    expect(
      optionPaths(() =>
        funnel([], { steps: [{ name: 'a' }, { name: 'b', window: { hours: -1 } }], window: { days: -5 } }),
      ),
    ).toEqual(
      expect.arrayContaining([
        ['steps', 1, 'window', 'hours'],
        ['window', 'days'],
      ]),
    );
  });
  it('bad exclusion range, bad attribution, bad property condition', () => {
    expect(
      optionPaths(() =>
        funnel([], {
          steps: [{ name: 'a' }, { name: 'b' }],
          exclusions: [{ name: 'x', fromStep: 1 }],
          breakdown: { field: 'channel', attribution: { step: 5 } },
        }),
      ),
    ).toEqual([
      ['exclusions', 0, 'fromStep'],
      ['breakdown', 'attribution', 'step'],
    ]);
    expect(optionPaths(() => funnel([], { steps: [{ properties: { plan: { a: 1 } as never } }] }))).toEqual([
      ['steps', 0, 'properties', 'plan'],
    ]);
  });
  it('interaction without a valid timestamp names its position', () => {
    const bad = { ...ev('a', 'view', '2026-01-01 10:00:00'), timestamp: 'yesterday' };
    expect(dataPaths(() => funnel([ev('a', 'view', '2026-01-01 10:00:00'), bad], { steps: steps3 }))).toEqual(
      [[1, 'timestamp']],
    );
  });
  it('time-ordered input that goes back in time throws instead of miscounting', () => {
    const acc = new FunnelAccumulator({ steps: steps3, inputOrder: 'time-ordered' });
    acc.add(ev('a', 'view', '2026-01-01 10:00:00'));
    expect(() => acc.add(ev('a', 'cart', '2026-01-01 09:00:00'))).toThrow(CxValidationError);
  });
  it('columns reject property conditions they cannot evaluate', () => {
    const columns = buildInteractionColumns([ev('a', 'view', '2026-01-01 10:00:00')]);
    expect(dataPaths(() => funnelColumns(columns, { steps: [{ properties: { plan: 7 } }] }))).toEqual([
      ['steps', 0, 'properties', 'plan'],
    ]);
    expect(optionPaths(() => funnelColumns(columns, { steps: [{ properties: { plan: 'pro' } }] }))).toEqual([
      ['steps', 0, 'properties', 'plan'],
    ]);
  });
});

// ---- properties ----------------------------------------------------------------------------------------

const NAMES = ['a', 'b', 'c', 'x'];
const arbEvents = fc
  .array(
    fc.record({
      actor: fc.constantFrom('u1', 'u2', 'u3', 'u4'),
      name: fc.constantFrom(...NAMES),
      minute: fc.integer({ min: 0, max: 600 }),
      channel: fc.constantFrom('web', 'email'),
    }),
    { maxLength: 60 },
  )
  .map((rows) =>
    rows.map((r, i) =>
      ev(r.actor, r.name, new Date(Date.UTC(2026, 0, 1) + r.minute * MINUTE).toISOString(), {
        id: `p${String(i).padStart(4, '0')}`,
        channel: r.channel as Interaction['channel'],
        properties: { v: r.minute % 3 },
      }),
    ),
  );
const arbOptions: fc.Arbitrary<FunnelOptions> = fc.record({
  steps: fc
    .array(fc.constantFrom(...NAMES.slice(0, 3)), { minLength: 1, maxLength: 4 })
    .map((ns) => ns.map((name) => ({ name }))),
  window: fc.integer({ min: 1, max: 300 }).map((minutes) => ({ minutes })),
  order: fc.constantFrom('sequential' as const, 'strict' as const, 'any' as const),
  counting: fc.constantFrom('uniques' as const, 'totals' as const),
  exclusionEffect: fc.constantFrom('remove' as const, 'drop-off' as const),
});
const withExtras = (o: FunnelOptions, exclude: boolean, breakdown: boolean): FunnelOptions => ({
  ...o,
  ...(exclude && o.steps.length > 1 ? { exclusions: [{ name: 'x' }] } : {}),
  ...(breakdown ? { breakdown: { field: 'channel' as const, attribution: 'first-touch' as const } } : {}),
});

describe('funnel: properties', () => {
  it('step counts never increase and conversions lie in 0…1', () => {
    fc.assert(
      fc.property(arbEvents, arbOptions, fc.boolean(), fc.boolean(), (events, o, x, b) => {
        const r = funnel(events, withExtras(o, x, b));
        for (const group of [r, ...(r.breakdown ?? [])]) {
          group.steps.forEach((s, k) => {
            if (k > 0) expect(s.count).toBeLessThanOrEqual(group.steps[k - 1]?.count as number);
            for (const v of [s.conversionFromStart, s.conversionFromPrevious, s.dropOffRate]) {
              if (v !== null) expect(v >= 0 && v <= 1).toBe(true);
            }
          });
        }
      }),
    );
  });

  it('independent of input order', () => {
    fc.assert(
      fc.property(
        arbEvents,
        arbOptions,
        fc.boolean(),
        fc.boolean(),
        fc.integer(),
        (events, o, x, b, seed) => {
          const shuffled = [...events].sort(
            (p, q) => ((p.id.charCodeAt(4) * seed) % 7) - ((q.id.charCodeAt(4) * seed) % 7),
          );
          const opts = withExtras(o, x, b);
          expect(funnel(shuffled, opts)).toEqual(funnel(events, opts));
        },
      ),
    );
  });

  it('independent of stream chunking, and partial accumulators merge exactly', async () => {
    await fc.assert(
      fc.asyncProperty(arbEvents, arbOptions, fc.integer({ min: 1, max: 7 }), async (events, o, size) => {
        const opts = withExtras(o, true, true);
        const whole = funnel(events, opts);
        async function* chunks() {
          for (let i = 0; i < events.length; i += size) yield events.slice(i, i + size);
        }
        expect(await funnelAsync(chunks(), opts)).toEqual(whole);
        const parts = [];
        for (let i = 0; i < events.length; i += size)
          parts.push(new FunnelAccumulator(opts).addAll(events.slice(i, i + size)));
        const merged = parts.reduce((acc, p) => acc.merge(p), new FunnelAccumulator(opts));
        expect(merged.result()).toEqual(whole);
      }),
    );
  });

  it('time-ordered streaming equals buffered on time-ordered input; columns equal interactions', () => {
    fc.assert(
      fc.property(arbEvents, arbOptions, fc.boolean(), fc.boolean(), (events, o, x, b) => {
        const sorted = [...events].sort(
          (p, q) => p.timestamp.localeCompare(q.timestamp) || (p.id < q.id ? -1 : 1),
        );
        const opts = withExtras(o, x, b);
        const expected = funnel(sorted, opts);
        expect(
          new FunnelAccumulator({ ...opts, inputOrder: 'time-ordered' }).addAll(sorted).result(),
        ).toEqual(expected);
        expect(funnelColumns(buildInteractionColumns(sorted), opts)).toEqual(expected);
      }),
    );
  });

  it('a longer window never lowers conversion (sequential uniques without exclusions)', () => {
    fc.assert(
      fc.property(arbEvents, arbOptions, (events, o) => {
        const base = { steps: o.steps, order: 'sequential' as const };
        const short = funnel(events, { ...base, window: { minutes: 30 } });
        const long = funnel(events, { ...base, window: { days: 1 } });
        expect(long.converted).toBeGreaterThanOrEqual(short.converted);
      }),
    );
  });
});
