import { CxOptionsError, CxValidationError, STANDARD_SCALES } from '@cx/model';
import { describe, expect, it } from 'vitest';
import { response } from './__fixtures__/response.js';
import { BreakdownAccumulator, breakdown } from './breakdown.js';
import { csatMetric, npsMetric } from './metric.js';
import { nps } from './nps.js';

describe('breakdown', () => {
  it('groups by a field, a property or a function, keeping responses without a key in a null group', () => {
    const rs = [
      response(10, { channel: 'email', properties: { persona: 'pro' } }),
      response(9, { channel: 'email', properties: { persona: 'pro' } }),
      response(3, { channel: 'phone', properties: { persona: 'casual' } }),
      response(8),
    ];
    const byChannel = breakdown(rs, npsMetric(), { by: 'channel' });
    // Largest first; ties by key, the group null last.
    expect(byChannel.map((g) => [g.key, g.n, g.result.score])).toEqual([
      ['email', 2, 100],
      ['phone', 1, -100],
      [null, 1, 0],
    ]);
    expect(byChannel.every((g) => g.smallSample)).toBe(true);
    expect(breakdown(rs, npsMetric(), { by: { property: 'persona' } }).map((g) => g.key)).toEqual([
      'pro',
      'casual',
      null,
    ]);
    const byFn = breakdown(rs, npsMetric(), { by: (r) => (r.score >= 9 ? 'high' : 'low'), minN: 2 });
    expect(byFn.map((g) => [g.key, g.smallSample])).toEqual([
      ['high', false],
      ['low', false],
    ]);
  });

  it('tests each group against the rest with the same test as two independent samples', () => {
    const rs = [
      ...Array.from({ length: 60 }, () => response(10, { stageId: 'purchase' })),
      ...Array.from({ length: 20 }, () => response(8, { stageId: 'purchase' })),
      ...Array.from({ length: 20 }, () => response(2, { stageId: 'purchase' })),
      ...Array.from({ length: 40 }, () => response(10, { stageId: 'support' })),
      ...Array.from({ length: 30 }, () => response(8, { stageId: 'support' })),
      ...Array.from({ length: 30 }, () => response(2, { stageId: 'support' })),
    ];
    const groups = breakdown(rs, npsMetric(), { by: 'stageId' });
    // Same hand calculation as compareNps: z = ±2.5678086151431003, p = 0.01023436432513978.
    const purchase = groups.find((g) => g.key === 'purchase');
    expect(purchase?.vsRest.statistic).toBeCloseTo(2.5678086151431003, 10);
    expect(purchase?.vsRest.pValue).toBeCloseTo(0.01023436432513978, 10);
    expect(purchase?.result).toEqual(nps(rs.slice(0, 100)));
  });

  it('merges partial breakdowns and supports the raw-score fast path', () => {
    const a = new BreakdownAccumulator(csatMetric(), { by: 'stageId' });
    const b = new BreakdownAccumulator(csatMetric(), { by: 'stageId' });
    a.addFor('onboarding', 5);
    b.addFor('onboarding', 1);
    b.addFor('renewal', 4);
    a.merge(b);
    expect(a.result().map((g) => [g.key, g.n, g.result.score])).toEqual([
      ['onboarding', 2, 0.5],
      ['renewal', 1, 1],
    ]);
  });

  it('names invalid responses and rejects mixed scales', () => {
    const rs = [response(9), response(4, { scale: { ...STANDARD_SCALES.csat } })];
    try {
      breakdown(rs, npsMetric(), { by: 'channel' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CxValidationError);
      expect((error as CxValidationError).issues[0]?.path).toEqual(['responses', 1, 'scale']);
    }
    expect(breakdown([], npsMetric(), { by: 'channel' })).toEqual([]);
    expect(() => breakdown([], npsMetric(), { by: 'channel', level: 2 })).toThrow(CxOptionsError);
    expect(() => breakdown([], npsMetric(), { by: 'channel', confidence: 0.9 } as never)).toThrow(
      /renamed to "level"/,
    );
    expect(() => breakdown([], npsMetric(), null as never)).toThrow(CxOptionsError);
    expect(() => breakdown([], npsMetric(), { by: 'segment' as 'channel' })).toThrow(CxOptionsError);
    expect(() => breakdown([], { name: 'nps' } as never, { by: 'channel' })).toThrow(CxOptionsError);
  });
});

describe('breakdown keys: own properties only (issue 13)', () => {
  it('treats a segment value "constructor" as a plain value, never an inherited function', () => {
    // Before: properties[by.property] read Object.prototype.constructor for a response without the property, so
    // the group came out as "function Object() { [native code] }".
    const rs = [
      response(10, { properties: { segment: 'constructor' } }),
      response(9, { properties: {} }),
      response(3, { properties: { segment: 'toString' } }),
    ];
    const bySegment = breakdown(rs, npsMetric(), { by: { property: 'segment' } });
    expect(bySegment.map((g) => g.key).sort()).toEqual(['constructor', 'toString', null].sort());
    const byConstructor = breakdown(rs, npsMetric(), { by: { property: 'constructor' } });
    expect(byConstructor.map((g) => [g.key, g.n])).toEqual([[null, 3]]);
    const byProto = breakdown(rs, npsMetric(), { by: { property: '__proto__' } });
    expect(byProto.map((g) => [g.key, g.n])).toEqual([[null, 3]]);
  });

  it('groups numbers and booleans by their text, and rejects objects as keys with the response named', () => {
    const rs = [response(10, { properties: { tier: 2 } }), response(9, { properties: { tier: { a: 1 } } })];
    try {
      breakdown(rs, npsMetric(), { by: { property: 'tier' } });
      expect.unreachable();
    } catch (error) {
      expect((error as CxValidationError).issues[0]?.path).toEqual(['responses', 1, 'properties', 'tier']);
    }
    expect(breakdown([rs[0] as never], npsMetric(), { by: { property: 'tier' } })[0]?.key).toBe('2');
  });

  it('checks what a key function returns', () => {
    const rs = [response(10), response(2)];
    const byFn = breakdown(rs, npsMetric(), { by: (r) => (r.score > 5 ? 'high' : null) });
    expect(byFn.map((g) => g.key)).toEqual(['high', null]);
    expect(() => breakdown(rs, npsMetric(), { by: () => ({}) as never })).toThrow(CxValidationError);
  });
});

describe('BreakdownAccumulator contract', () => {
  it('validates before adding: a bad score creates no group', () => {
    const acc = new BreakdownAccumulator(npsMetric(), { by: 'channel' });
    expect(() => acc.addFor('web', 11)).toThrow(CxValidationError);
    expect(() => acc.add(response(12, { channel: 'email' }))).toThrow(CxValidationError);
    expect(acc.result()).toEqual([]);
  });

  it('restores its snapshot with the metric and its options', () => {
    const acc = new BreakdownAccumulator(csatMetric({ positive: 'top-box', level: 0.9 }), {
      by: 'stageId',
      minN: 1,
    });
    acc.add(response(5, { stageId: 'purchase', metric: 'csat', scale: { ...STANDARD_SCALES.csat } }));
    acc.addFor('support', 2).addFor(null, 4);
    const restored = BreakdownAccumulator.restore(JSON.parse(JSON.stringify(acc.snapshot())));
    expect(restored.result()).toEqual(acc.result());
    expect(restored.options.metric).toEqual({
      name: 'csat',
      options: expect.objectContaining({ positive: 'top-box', level: 0.9 }),
    });
    // Another metric's options are a mismatch.
    expect(() =>
      new BreakdownAccumulator(csatMetric(), { by: 'stageId', minN: 1 }).merge(acc as never),
    ).toThrow(CxOptionsError);
  });

  it('needs `by` only to group whole responses', () => {
    const acc = new BreakdownAccumulator(npsMetric());
    expect(acc.addFor('a', 9).result()[0]?.key).toBe('a');
    expect(() => acc.add(response(9))).toThrow(CxOptionsError);
  });
});
