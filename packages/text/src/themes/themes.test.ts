import type { PainPoint } from '@cx/model';
import { CxOptionsError, CxValidationError } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logOddsRatio } from './log-odds.js';
import { mapThemesToPainPoints } from './pain-points.js';
import { distinctiveThemes, ThemeAccumulator, type ThemeDocument } from './themes.js';

describe('logOddsRatio', () => {
  it('matches a hand calculation of Monroe et al. eq. 22/24', () => {
    // ln((8+10)/(100+300−8−10)) − ln((2+10)/(200+300−2−10)) = ln(18/382) − ln(12/488) = 0.650360;
    // σ² = 1/18 + 1/12 = 0.138889; z = 0.650360/0.372678 = 1.745099.
    const r = logOddsRatio(8, 100, 2, 200, 10, 300);
    expect(r.delta).toBeCloseTo(0.65036, 5);
    expect(r.variance).toBeCloseTo(0.138889, 6);
    expect(r.z).toBeCloseTo(1.745099, 5);
  });
  it('is antisymmetric in the two groups', () => {
    const a = logOddsRatio(5, 50, 1, 80, 2, 40);
    const b = logOddsRatio(1, 80, 5, 50, 2, 40);
    expect(b.delta).toBeCloseTo(-a.delta, 12);
    expect(b.z).toBeCloseTo(-a.z, 12);
  });
  it('rejects negative counts and a non-positive prior', () => {
    expect(() => logOddsRatio(-1, 10, 0, 10, 1, 5)).toThrow(CxValidationError);
    expect(() => logOddsRatio(1, 10, 0, 10, 0, 5)).toThrow(CxValidationError);
    expect(() => logOddsRatio(11, 10, 0, 10, 1, 5)).toThrow(CxValidationError);
  });
});

describe('distinctiveThemes', () => {
  it('ranks terms by z with the pooled prior (hand-checked)', () => {
    // Target terms: late ×2, courier ×2 (n_t = 4; "again" is a stop word). Reference: great ×2, courier,
    // service (n_r = 4). priorScale 1: α = pooled counts: late 2, courier 3, great 2, service 1; α₀ = 8.
    // late:    δ = ln(4/8) − ln(2/10) = 0.916291, σ² = 1/4 + 1/2 = 0.75, z = 1.058041
    // courier: δ = ln(5/7) − ln(4/8) = 0.356675, σ² = 1/5 + 1/4 = 0.45, z = 0.531700
    // great:   z = −1.058041 (mirror of late); service: total count 1 < minCount 2, left out.
    const report = distinctiveThemes(
      [
        { id: 't1', text: 'Late courier' },
        { id: 't2', text: 'Courier late again' },
      ],
      [
        { id: 'r1', text: 'Great courier' },
        { id: 'r2', text: 'Great service' },
      ],
      { maxNgram: 1, priorScale: 1, minZ: 0, minDocuments: 1, requireDifference: false },
    );
    expect(report.target.map((t) => [t.term, t.targetCount, t.referenceCount])).toEqual([
      ['late', 2, 0],
      ['courier', 2, 1],
    ]);
    expect(report.target[0]?.delta).toBeCloseTo(0.916291, 6);
    expect(report.target[0]?.z).toBeCloseTo(1.058041, 6);
    expect(report.target[1]?.z).toBeCloseTo(0.5317, 4);
    expect(report.reference.map((t) => t.term)).toEqual(['great']);
    expect(report.reference[0]?.z).toBeCloseTo(-1.058041, 6);
    expect(report.reference[0]?.examples.map((e) => e.id)).toEqual(['r1', 'r2']);
    expect(report.target[0]?.examples.map((e) => e.id)).toEqual(['t1', 't2']);
  });
  it('counts Polish inflected forms as one theme and keeps negated phrases', () => {
    const report = distinctiveThemes(
      [
        { id: 'a', text: 'Aplikacja nie działa od rana' },
        { id: 'b', text: 'W aplikacji nic nie działa' },
        { id: 'c', text: 'Znowu nie działa aplikacja!' },
      ],
      [
        { id: 'd', text: 'Świetna dostawa' },
        { id: 'e', text: 'Dostawą jestem zachwycona' },
        { id: 'f', text: 'Szybka dostawa' },
      ],
      { minZ: 0 },
    );
    const target = new Map(report.target.map((t) => [t.key, t]));
    expect(target.get('aplikacj')?.targetCount).toBe(3);
    expect(target.get('aplikacj')?.term).toBe('aplikacja');
    // Polish keys are stems without diacritics, so `nie dziala` typed on a phone counts with `nie działa`.
    expect(target.get('nie dzial')?.term).toBe('nie działa');
    expect(target.get('nie dzial')?.targetDocuments).toBe(3);
    expect(report.reference.find((t) => t.key === 'dostaw')?.referenceCount).toBe(3);
  });
  it('counts documents it cannot analyse instead of dropping them silently', () => {
    const report = distinctiveThemes(
      [
        { id: '1', text: '' },
        { id: '2', text: 'Sehr schlecht und langsam geliefert' },
        { id: '3', text: 'Late again' },
      ],
      [
        { id: '4', text: 'Świetnie', language: 'de' },
        { id: '5', text: 'Super fast' },
      ],
    );
    expect(report.unanalysed).toEqual({ target: 2, reference: 1 });
    expect(report.targetDocuments).toBe(1);
    expect(report.referenceDocuments).toBe(1);
  });
  it('reports malformed language tags with their position', () => {
    try {
      distinctiveThemes([{ id: '1', text: 'ok' }], [{ id: '2', text: 'ok', language: 'english!' }]);
      expect.unreachable();
    } catch (e) {
      expect((e as CxValidationError).issues[0]?.path).toEqual(['reference', 0, 'language']);
    }
    expect(() => distinctiveThemes([], [], { priorScale: 0 })).toThrow(CxOptionsError);
    expect(() => distinctiveThemes([], [], { minz: 1 } as never)).toThrow(/did you mean "minZ"/u);
  });
  it('gives empty reports for empty input', () => {
    const report = distinctiveThemes([], []);
    expect(report).toMatchObject({ target: [], reference: [], targetDocuments: 0, referenceDocuments: 0 });
  });
  it('merging partial aggregates equals aggregating the whole', () => {
    const words = [
      'late',
      'courier',
      'great',
      'refund',
      'slow',
      'kurier',
      'paczka',
      'świetna',
      'app',
      'crash',
    ];
    const doc = fc.record({
      id: fc.uuid(),
      text: fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 6 }).map((w) => w.join(' ')),
      language: fc.constantFrom('en', 'pl'),
    });
    const item = fc.tuple(doc, fc.constantFrom('target' as const, 'reference' as const));
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), fc.nat(), (items, cut) => {
        const k = cut % (items.length + 1);
        const whole = new ThemeAccumulator({ examples: 2 });
        for (const [d, side] of items) whole.add({ ...(d as ThemeDocument), side });
        const left = new ThemeAccumulator({ examples: 2 });
        const right = new ThemeAccumulator({ examples: 2 });
        items.slice(0, k).forEach(([d, side]) => {
          left.add({ ...d, side });
        });
        items.slice(k).forEach(([d, side]) => {
          right.add({ ...d, side });
        });
        expect(left.merge(right).result({ minZ: 0 })).toEqual(whole.result({ minZ: 0 }));
      }),
      { numRuns: 50 },
    );
  });
});

describe('mapThemesToPainPoints', () => {
  const painPoints: PainPoint[] = [
    {
      id: 'pp-ship',
      description: 'Koszt dostawy widoczny dopiero w koszyku',
      severity: 'high',
      stageId: 'purchase',
      evidence: [],
    },
    {
      id: 'pp-app',
      description: 'App crashes at checkout',
      severity: 'medium',
      stageId: 'purchase',
      evidence: [],
    },
    {
      id: 'pp-none',
      description: 'Store opening hours unclear',
      severity: 'low',
      stageId: 'awareness',
      evidence: [],
    },
  ];
  it('reads keywords by own properties only (a pain point id `constructor` is not Object.prototype)', () => {
    const report = distinctiveThemes(
      [
        { id: '1', text: 'Courier late' },
        { id: '2', text: 'Courier late again' },
      ],
      [{ id: '3', text: 'Lovely staff' }],
      { minZ: 0, minDocuments: 1, requireDifference: false },
    );
    const mapping = mapThemesToPainPoints(
      report.target,
      [
        {
          id: 'constructor',
          description: 'Courier delays',
          severity: 'high',
          stageId: 'delivery',
          evidence: [],
        },
      ],
      { keywords: {} },
    );
    expect(mapping.painPoints[0]?.themes.map((t) => t.key)).toEqual(['courier late']);
  });
  it('matches themes by shared stems from descriptions or given keywords', () => {
    const report = distinctiveThemes(
      [
        { id: '1', text: 'Dostawa droga, koszt dostawy ukryty' },
        { id: '2', text: 'Koszt dostawy za wysoki' },
        { id: '3', text: 'The app crashes, crashes again' },
        { id: '4', text: 'Courier rude' },
        { id: '5', text: 'Courier was rude' },
      ],
      [{ id: '6', text: 'Miła obsługa' }],
      { minZ: 0, maxNgram: 1, minDocuments: 1, requireDifference: false },
    );
    const mapping = mapThemesToPainPoints(report.target, painPoints, {
      keywords: { 'pp-app': ['crash', 'app'] },
    });
    const byId = new Map(mapping.painPoints.map((p) => [p.painPointId, p]));
    // dostawa (3 occurrences: Dostawa, dostawy, dostawy) and koszt (2) share stems with "Koszt dostawy".
    expect(
      byId
        .get('pp-ship')
        ?.themes.map((t) => t.key)
        .sort(),
    ).toEqual(['dostaw', 'koszt']);
    expect(byId.get('pp-ship')?.mentions).toBe(5);
    // "crashes" → crash (2), "app" (1 < minCount 2, not a theme).
    expect(byId.get('pp-app')?.themes.map((t) => t.key)).toEqual(['crash']);
    expect(byId.get('pp-none')?.themes).toEqual([]);
    expect(mapping.unmatched.map((t) => t.key).sort()).toEqual(['courier', 'rude']);
  });
});

describe('ThemeAccumulator.add (the Accumulator contract of @cx/model)', () => {
  it('takes one input with its side and checks it before counting anything', () => {
    const acc = new ThemeAccumulator();
    acc.add({ id: 'a', text: 'Courier late again', language: 'en', side: 'target' });
    expect(acc.snapshot().state.target.documents).toBe(1);
    // The 0.2 form add(document, side) has no side in the document: a typed error, not a silent default.
    const old = acc.add as unknown as (d: ThemeDocument, side: string) => unknown;
    expect(() => old.call(acc, { id: 'b', text: 'Courier late' }, 'target')).toThrow(
      expect.objectContaining({
        issues: [expect.objectContaining({ path: ['side'], code: 'invalid_enum_value' })],
      }),
    );
    expect(() => acc.add({ id: 'c', text: 'x', side: 'both' as never }, [4])).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: [4, 'side'] })] }),
    );
    expect(() => acc.add({ id: 'd', text: 'x', language: 'en_GB', side: 'reference' }, [5])).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: [5, 'language'] })] }),
    );
    expect(acc.snapshot().state.target.documents + acc.snapshot().state.reference.documents).toBe(1);
  });

  it('reports the path of a bad document given to distinctiveThemes', () => {
    expect(() =>
      distinctiveThemes([{ id: 'a', text: 'Late' }], [{ id: 'b', text: 'ok', language: 'pl_PL' }]),
    ).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: ['reference', 0, 'language'] })] }),
    );
  });
});
