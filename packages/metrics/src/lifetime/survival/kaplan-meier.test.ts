import { CxOptionsError, CxValidationError } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GEHAN } from '../__fixtures__/gehan.js';
import { kaplanMeier, survivalAt } from './kaplan-meier.js';

const sixMp = GEHAN.filter((o) => o.group === '6-MP');

describe('kaplanMeier', () => {
  it('reproduces the 6-MP worked example of Klein & Moeschberger (2003), Table 4.1A', () => {
    // Published: t, Ŝ(t), Greenwood SE
    const published: [number, number, number][] = [
      [6, 0.857, 0.0764],
      [7, 0.807, 0.0869],
      [10, 0.753, 0.0963],
      [13, 0.69, 0.1068],
      [16, 0.627, 0.1141],
      [22, 0.538, 0.1282],
      [23, 0.448, 0.1346],
    ];
    const km = kaplanMeier(sixMp);
    expect(km.n).toBe(21);
    expect(km.events).toBe(9);
    for (const [t, s, se] of published) {
      const step = km.steps.find((x) => x.time === t)!;
      expect(step.survival).toBeCloseTo(s, 3);
      expect(step.standardError).toBeCloseTo(se, 4);
    }
    // Ties: at t = 6 the censored subject counts at risk for the 3 deaths: Ŝ(6) = 18/21.
    expect(km.steps[0]).toMatchObject({ time: 6, atRisk: 21, events: 3, censored: 1 });
    expect(km.steps[0]!.survival).toBe(18 / 21);
    expect(km.median.estimate).toBe(23);
  });

  it('builds log-log intervals (hand calculation at t = 6)', () => {
    // Σ d/(n(n−d)) = 3/(21·18) = 0.0079365; σ = √Σ / |ln(18/21)| = 0.0890871/0.1541507 = 0.5779221; z = 1.959964
    // lower = Ŝ^exp(zσ) = 0.857143^3.10571 = 0.61972, upper = Ŝ^exp(−zσ) = 0.857143^0.32198 = 0.95155
    // (R survfit conf.type = "log-log" prints 0.620 and 0.952)
    const step = kaplanMeier(sixMp).steps[0]!;
    expect(step.lower).toBeCloseTo(0.61972, 5);
    expect(step.upper).toBeCloseTo(0.95155, 5);
  });

  it('gives the median interval of R survfit (conf.type = "log"): 23 (16, NA) for 6-MP', () => {
    // At t = 13: Ŝ·exp(−z·SE/Ŝ) = 0.690·exp(−1.96·0.1068/0.690) = 0.509 > 0.5; at t = 16: 0.439 ≤ 0.5.
    const km = kaplanMeier(sixMp, { method: 'log' });
    expect(km.median).toEqual({ estimate: 23, lower: 16, upper: null });
  });

  it('plain intervals are Ŝ ± z·SE clipped to [0, 1]', () => {
    const step = kaplanMeier(sixMp, { method: 'plain', level: 0.9 }).steps.find((s) => s.time === 23)!;
    expect(step.lower).toBeCloseTo(step.survival - 1.6448536 * step.standardError, 6);
    expect(step.upper).toBeCloseTo(step.survival + 1.6448536 * step.standardError, 6);
  });

  it('handles no censoring (Ŝ is the empirical survival function), empty input and Ŝ = 0', () => {
    const km = kaplanMeier([1, 2, 2, 3].map((time) => ({ time, event: true })));
    expect(km.steps.map((s) => s.survival)).toEqual([0.75, 0.25, 0]);
    expect(km.steps.at(-1)).toMatchObject({ standardError: 0, lower: 0, upper: 0 });
    expect(kaplanMeier([])).toMatchObject({ n: 0, steps: [], median: { estimate: null } });
    expect(survivalAt(km, 0.5)).toBe(1);
    expect(survivalAt(km, 2.5)).toBe(0.25);
  });

  it('is monotone, inside [0, 1] with lower ≤ Ŝ ≤ upper, and independent of input order (property)', () => {
    const obs = fc.array(fc.record({ time: fc.integer({ min: 0, max: 30 }), event: fc.boolean() }), {
      maxLength: 60,
    });
    fc.assert(
      fc.property(obs, (observations) => {
        const km = kaplanMeier(observations);
        const reversed = kaplanMeier([...observations].reverse());
        expect(reversed.steps).toEqual(km.steps);
        let previous = 1;
        for (const s of km.steps) {
          expect(s.survival).toBeLessThanOrEqual(previous);
          expect(s.lower).toBeLessThanOrEqual(s.survival + 1e-12);
          expect(s.upper).toBeGreaterThanOrEqual(s.survival - 1e-12);
          expect(s.lower).toBeGreaterThanOrEqual(0);
          expect(s.upper).toBeLessThanOrEqual(1);
          previous = s.survival;
        }
      }),
    );
  });

  it('rejects bad times, events and options with positions', () => {
    try {
      kaplanMeier([
        { time: 1, event: true },
        { time: -2, event: true },
        { time: 3, event: 'yes' as unknown as boolean },
      ]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CxValidationError);
      expect((error as CxValidationError).issues.map((i) => i.path)).toEqual([
        ['observations', 1, 'time'],
        ['observations', 2, 'event'],
      ]);
    }
    expect(() => kaplanMeier(sixMp, { level: 1 })).toThrow(CxOptionsError);
    expect(() => kaplanMeier(sixMp, { method: 'arcsine' as 'log' })).toThrow(CxOptionsError);
  });

  it('names the new names of confidence and interval (level, method)', () => {
    for (const [old, renamed] of [
      ['confidence', 'level'],
      ['interval', 'method'],
    ] as const) {
      try {
        kaplanMeier(sixMp, { [old]: old === 'confidence' ? 0.9 : 'log' } as never);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(CxOptionsError);
        expect((error as CxOptionsError).issues[0]).toMatchObject({ path: [old], suggestion: renamed });
      }
    }
    expect(kaplanMeier(sixMp, { level: 0.9, method: 'log' })).toMatchObject({ level: 0.9, method: 'log' });
  });
});
