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
    expect(byChannel.map((g) => [g.key, g.n, g.result.score])).toEqual([
      ['email', 2, 100],
      [null, 1, 0],
      ['phone', 1, -100],
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
      ['onboarding', 2, 50],
      ['renewal', 1, 100],
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
    expect(() => breakdown([], npsMetric(), { by: 'channel', confidence: 2 })).toThrow(CxOptionsError);
  });
});
