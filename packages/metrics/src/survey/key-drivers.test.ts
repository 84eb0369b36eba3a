import { CxOptionsError, CxValidationError, STANDARD_SCALES } from '@cx/model';
import { describe, expect, it } from 'vitest';
import { response } from './__fixtures__/response.js';
import { keyDriverRows } from './key-driver-rows.js';
import { KeyDriverAccumulator, keyDrivers } from './key-drivers.js';

const outcome = [3, 5, 2, 8, 7, 4, 6, 9, 1, 5];
const delivery = [4, 6, 3, 9, 6, 5, 5, 10, 2, 7];
const billing = [5, 5, 4, 4, 6, 6, 5, 5, 4, 6];

describe('keyDrivers', () => {
  it('ranks drivers by their correlation with the outcome, with Fisher-z intervals', () => {
    const rows = outcome.map((o, i) => ({
      outcome: o,
      drivers: { delivery: delivery[i], billing: billing[i] },
    }));
    const ranked = keyDrivers(rows, { minN: 5 });
    expect(ranked.map((d) => [d.driver, d.rank])).toEqual([
      ['delivery', 1],
      ['billing', 2],
    ]);
    // scipy pearsonr(outcome, delivery): r = 0.9307578419910344, p = 9.245057884503952e-05.
    const [first, second] = ranked;
    expect(first?.correlation).toBeCloseTo(0.9307578419910344, 12);
    expect(first?.pValue).toBeCloseTo(9.245057884503952e-5, 14);
    expect(first?.significant).toBe(true);
    expect(first?.interval?.method).toBe('fisher-z');
    expect(first?.smallSample).toBe(false);
    // Shares of Σr² add up to 1.
    expect((first?.squaredCorrelationShare ?? 0) + (second?.squaredCorrelationShare ?? 0)).toBeCloseTo(1, 12);
  });

  it('uses pairwise-complete data and keeps drivers without variation last', () => {
    const ranked = keyDrivers([
      { outcome: 9, drivers: { app: 5, store: 3 } },
      { outcome: 2, drivers: { app: 1, store: 3 } },
      { outcome: 6, drivers: { app: 4, store: null } },
    ]);
    expect(ranked.map((d) => [d.driver, d.n, d.correlation === null])).toEqual([
      ['app', 3, false],
      ['store', 2, true],
    ]);
    expect(keyDrivers([])).toEqual([]);
  });

  it('merges partial analyses', () => {
    const rows = outcome.map((o, i) => ({ outcome: o, drivers: { delivery: delivery[i] } }));
    const a = new KeyDriverAccumulator();
    const b = new KeyDriverAccumulator();
    for (const r of rows.slice(0, 4)) a.add(r);
    for (const r of rows.slice(4)) b.add(r);
    a.merge(b);
    expect(a.result()[0]?.correlation).toBeCloseTo(0.9307578419910344, 12);
  });

  it('names non-finite values', () => {
    try {
      keyDrivers([
        { outcome: 1, drivers: { a: 1 } },
        { outcome: Number.NaN, drivers: { a: Number.POSITIVE_INFINITY } },
      ]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CxValidationError);
      expect((error as CxValidationError).issues.map((i) => i.path)).toEqual([
        ['rows', 1, 'outcome'],
        ['rows', 1, 'drivers', 'a'],
      ]);
    }
  });
});

describe('keyDriverRows', () => {
  it('links outcome and driver responses per customer, reverses lower-is-better ratings and counts the unlinked', () => {
    const csat = { ...STANDARD_SCALES.csat };
    const legacy = { ...STANDARD_SCALES.cesLegacy };
    const built = keyDriverRows([
      response(9, { customerId: 'c1' }),
      response(4, { customerId: 'c1', metric: 'csat', scale: csat, touchpointId: 'checkout' }),
      response(2, { customerId: 'c1', metric: 'csat', scale: csat, touchpointId: 'checkout' }),
      response(2, { customerId: 'c1', metric: 'ces', scale: legacy, touchpointId: 'support' }),
      response(5, { customerId: 'c2', metric: 'csat', scale: csat, touchpointId: 'checkout' }),
      response(7),
      response(3, { customerId: 'c3', metric: 'csat', scale: csat }),
    ]);
    // c1: checkout mean (4 + 2)/2 = 3; support legacy 2 on 1–5 lower-is-better → 1 + 5 − 2 = 4.
    expect(built.rows).toEqual([{ outcome: 9, drivers: { checkout: 3, support: 4 } }]);
    expect(built.withoutRespondent).toBe(1);
    expect(built.withoutDriverKey).toBe(1);
    expect(built.respondentsWithoutOutcome).toBe(1);
  });
});

describe('key drivers: options, snapshots and own properties (issue 13)', () => {
  it('checks its options strictly', () => {
    expect(() => keyDrivers([], { confidence: 0.9 } as never)).toThrow(/renamed to "level"/);
    expect(() => keyDrivers([], null as never)).toThrow(CxOptionsError);
    expect(() => keyDrivers([], { minN: -1 })).toThrow(CxOptionsError);
    expect(() => keyDriverRows([], { driverKey: 'persona' as 'stageId' })).toThrow(CxOptionsError);
    // The level is used: a 90% interval is narrower than the 95% one.
    const rows = outcome.map((o, i) => ({ outcome: o, drivers: { delivery: delivery[i] } }));
    const [at90] = keyDrivers(rows, { level: 0.9 });
    const [at95] = keyDrivers(rows);
    expect(at90?.interval?.level).toBe(0.9);
    expect((at90?.interval?.lower as number) > (at95?.interval?.lower as number)).toBe(true);
  });

  it('treats drivers named constructor or __proto__ as plain drivers', () => {
    const rows = [
      { outcome: 9, drivers: JSON.parse('{"__proto__": 5, "constructor": 1}') },
      { outcome: 2, drivers: JSON.parse('{"__proto__": 1, "constructor": 5}') },
      { outcome: 6, drivers: JSON.parse('{"__proto__": 4, "constructor": 2}') },
    ];
    expect(keyDrivers(rows).map((d) => [d.driver, d.n])).toEqual([
      ['__proto__', 3],
      ['constructor', 3],
    ]);
    const built = keyDriverRows([
      response(9, { customerId: 'c1' }),
      response(4, {
        customerId: 'c1',
        metric: 'csat',
        scale: { ...STANDARD_SCALES.csat },
        touchpointId: '__proto__',
      }),
    ]);
    expect(Object.keys(built.rows[0]?.drivers ?? {})).toEqual(['__proto__']);
  });

  it('validates a row before adding any of it', () => {
    const acc = new KeyDriverAccumulator();
    expect(() => acc.add({ outcome: 5, drivers: { a: 1, b: Number.NaN } })).toThrow(CxValidationError);
    expect(() => acc.add({ outcome: 1e200, drivers: { a: 1 } })).toThrow(CxValidationError);
    expect(acc.result()).toEqual([]);
  });

  it('restores its snapshot, and refuses to merge other options', () => {
    const rows = outcome.map((o, i) => ({
      outcome: o,
      drivers: { delivery: delivery[i], billing: billing[i] },
    }));
    const acc = rows.reduce((a, r) => a.add(r), new KeyDriverAccumulator({ minN: 5 }));
    const restored = KeyDriverAccumulator.restore(JSON.parse(JSON.stringify(acc.snapshot())));
    expect(restored.result()).toEqual(acc.result());
    expect(() => acc.merge(new KeyDriverAccumulator())).toThrow(CxOptionsError);
    const broken = acc.snapshot();
    const twice = { ...broken, state: { drivers: [...broken.state.drivers, ...broken.state.drivers] } };
    expect(() => KeyDriverAccumulator.restore(twice)).toThrow(/listed twice/);
  });

  it('names a response with a bad score or respondent in keyDriverRows', () => {
    try {
      keyDriverRows([response(9, { customerId: 'c1' }), response(12, { customerId: 'c1' })], {
        respondent: (r) => (r.score > 10 ? (3 as never) : r.customerId),
      });
      expect.unreachable();
    } catch (error) {
      expect((error as CxValidationError).issues.map((i) => i.path)).toEqual([
        ['responses', 1, 'score'],
        ['responses', 1, 'respondent'],
      ]);
    }
  });
});
