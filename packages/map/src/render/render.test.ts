import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { fullMap } from '../__fixtures__/full.js';
import { optionIssuesOf } from '../__fixtures__/issues.js';
import { shopMap } from '../__fixtures__/shop.js';
import { attachMeasurements } from '../measure/attach.js';
import { parseMap } from '../parse.js';
import { scenarioView } from '../scenario.js';
import { renderHtml } from './html.js';
import { renderSvg } from './svg.js';

/** Parses XML strictly: any error or fatal error of the parser fails the test (warnings are not well-formedness). */
function parseXml(text: string) {
  return new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(text, 'image/svg+xml');
}

describe('renderSvg', () => {
  it('is well-formed XML with title, description and a group per lane', () => {
    const svg = renderSvg(shopMap());
    const doc = parseXml(svg);
    const root = doc.documentElement!;
    expect(root.getAttribute('role')).toBe('img');
    expect(root.getAttribute('aria-labelledby')).toBe('jm-title jm-desc');
    expect(doc.getElementsByTagName('title')[0]?.textContent).toBe('Online shoe shop');
    const lanes = Array.from(doc.getElementsByTagName('g'))
      .map((g) => g.getAttribute('data-lane'))
      .filter((x) => x);
    expect(lanes).toEqual(parseMap(shopMap()).lanes.map((l) => l.id));
  });

  it('draws one curve per persona plus the expected emotion, and one icon per pain point and moment of truth', () => {
    const doc = parseXml(renderSvg(shopMap()));
    const paths = Array.from(doc.getElementsByTagName('path'));
    const cls = (c: string) => paths.filter((p) => p.getAttribute('class') === c);
    expect(cls('curve')).toHaveLength(2);
    expect(cls('expected')).toHaveLength(1);
    expect(cls('icon-pain')).toHaveLength(2);
    expect(cls('icon-mot')).toHaveLength(1);
    // Anna: compare +1, pay −1, wear +2 → 3 points; Piotr 4 points; circles 7.
    expect(doc.getElementsByTagName('circle')).toHaveLength(7);
  });

  it('places emotions on the −2…+2 scale: +2 at the top of the band, −2 at the bottom', () => {
    const doc = parseXml(renderSvg(shopMap()));
    const curve = Array.from(doc.getElementsByTagName('path')).find(
      (p) => p.getAttribute('class') === 'curve',
    )!;
    const ys = [...curve.getAttribute('d')!.matchAll(/[ML][\d.]+ ([\d.]+)/g)].map((m) => Number(m[1]));
    // Anna: +1, −1, +2 → y(+2) < y(+1) < y(−1), and y(+1) − y(+2) = (y(−1) − y(+1)) / 2.
    expect(ys[2]! < ys[0]! && ys[0]! < ys[1]!).toBe(true);
    expect(ys[0]! - ys[2]!).toBeCloseTo((ys[1]! - ys[0]!) / 2, 1);
  });

  it('shows designed KPIs and measured metrics in the KPI lane', () => {
    const map = attachMeasurements(shopMap(), [
      {
        id: 'ces',
        metric: 'ces',
        value: 5.6,
        n: 96,
        unit: 'of 7',
        touchpointId: 'pdp',
        window: { from: '2026-02-01T00:00:00Z', to: '2026-03-01T00:00:00Z' },
      },
    ]);
    const doc = parseXml(renderSvg(map, { stageWidth: 300 }));
    const lane = Array.from(doc.getElementsByTagName('g')).find(
      (g) => g.getAttribute('data-lane') === 'kpis',
    )!;
    // Wrapped lines joined by spaces give back the items.
    const svg = Array.from(lane.getElementsByTagName('text'))
      .map((t) => t.textContent)
      .join(' ');
    expect(svg).toContain('NPS 31 [24.2, 37.5] n=412 (2026-01-01 – 2026-04-01)');
    expect(svg).toContain('CES 5.6 of 7 n=96 (2026-02-01 – 2026-03-01)');
    expect(svg).toContain('Checkout conversion (target 0.6)');
  });

  it('is deterministic and escapes markup and forbidden characters', () => {
    const map = shopMap();
    map.journey.name = 'Shoes <b>&</b> "more" \u0001';
    const a = renderSvg(map);
    expect(renderSvg(map)).toBe(a);
    expect(a).toContain('Shoes &lt;b&gt;&amp;&lt;/b&gt; &quot;more&quot; \uFFFD');
    parseXml(a);
  });

  it('wraps long text inside the column', () => {
    const map = shopMap();
    map.journey.steps![0]!.name =
      'Compares sizes across three brands and reads every review twice before deciding';
    const doc = parseXml(renderSvg(map, { stageWidth: 200 }));
    const lines = Array.from(doc.getElementsByTagName('text')).filter((t) =>
      /Compares|brands|review|deciding/.test(t.textContent ?? ''),
    );
    expect(lines.length).toBeGreaterThan(2);
  });
});

describe('renderSvg styles and options', () => {
  it('scopes every style rule to the SVG root, so a host page is never restyled', () => {
    const svg = renderSvg(shopMap(), { idPrefix: 'map-2' });
    const css = /<style>(.*)<\/style>/s.exec(svg)![1]!;
    const rules = css.split('}').filter((r) => r !== '');
    expect(rules.length).toBeGreaterThan(10);
    for (const rule of rules) expect(rule.startsWith('#map-2 '), rule).toBe(true);
    expect(svg).toContain('<svg xmlns="http://www.w3.org/2000/svg" id="map-2"');
    expect(svg).toContain('aria-labelledby="map-2-title map-2-desc"');
  });

  it('range-checks sizes and refuses an id prefix that is not a plain name (no hang, no injection)', () => {
    // Version 1 looped until the process ran out of memory on stageWidth 10, 0 or −100.
    for (const stageWidth of [10, 0, -100, Number.NaN, 1e9])
      expect(optionIssuesOf(() => renderSvg(shopMap(), { stageWidth }))[0]?.path).toEqual(['stageWidth']);
    for (const idPrefix of ['a"b', 'x onload=alert(1)', '1abc', '', 'a'.repeat(65), 'ä'])
      expect(optionIssuesOf(() => renderSvg(shopMap(), { idPrefix }))[0]?.path).toEqual(['idPrefix']);
    expect(optionIssuesOf(() => renderSvg(shopMap(), { fontsize: 12 } as never))[0]?.suggestion).toBe(
      'fontSize',
    );
    expect(optionIssuesOf(() => renderHtml(shopMap(), { stageWidth: 10 }))[0]?.code).toBe('out_of_range');
  });

  it('wraps any text, breaking words longer than a column (a 200,000-character word at the narrowest column)', () => {
    const map = shopMap();
    map.journey.steps![0]!.name = 'x'.repeat(200_000);
    const svg = renderSvg(map, { stageWidth: 80, fontSize: 48 });
    expect(svg.length).toBeGreaterThan(200_000);
  });

  it('fits stage columns to a container width, down to 120 px, then keeps its width (the page scrolls)', () => {
    const ten = {
      ...shopMap(),
      journey: {
        ...shopMap().journey,
        stages: Array.from({ length: 10 }, (_, i) => ({ id: `s${i}`, labels: { en: `Stage ${i}` } })),
        steps: [],
        touchpoints: [],
        momentsOfTruth: [],
        painPoints: [],
        desiredActions: [],
        completedActions: [],
        opportunities: [],
        improvementActions: [],
      },
      emotionCurves: [],
      thoughts: [],
      kpis: [],
      measurements: [],
    };
    const width = (svg: string) => Number(/width="(\d+)"/.exec(svg)![1]);
    expect(width(renderSvg(ten, { maxWidth: 1400 }))).toBe(170 + 10 * 123);
    expect(width(renderSvg(ten, { maxWidth: 800 }))).toBe(170 + 10 * 120);
    expect(width(renderSvg(ten))).toBe(170 + 10 * 220);
  });

  it('draws the blueprint with its three lines, and one scenario on request', () => {
    const doc = parseXml(renderSvg(fullMap()));
    const labels = Array.from(doc.getElementsByTagName('text'))
      .filter((t) => t.getAttribute('class') === 'bp-line-label')
      .map((t) => t.textContent);
    expect(labels).toEqual(['line of interaction', 'line of visibility', 'line of internal interaction']);
    const toBe = renderSvg(fullMap(), { scenario: 'to-be' });
    expect(toBe).toContain('Returns in the app');
    expect(toBe).not.toContain('Calls about a return');
  });

  it('keeps the persona legend clear of the emotion axis labels, whatever the names', () => {
    const map = fullMap();
    map.personas![0]!.name = 'Anna Maria Kowalska-Wiśniewska, the very busy parent of three';
    const svg = renderSvg(map, { labelWidth: 170, fontSize: 13 });
    const doc = parseXml(svg);
    const legend = Array.from(doc.getElementsByTagName('text')).filter(
      (t) => t.getAttribute('class') === 'legend',
    );
    expect(legend.length).toBeGreaterThan(3);
    // Estimated right edge of each legend line stays left of the axis labels (which end at labelWidth − 6).
    for (const t of legend) {
      const x = Number(t.getAttribute('x'));
      expect(x + (t.textContent ?? '').length * 0.56 * 12).toBeLessThan(170 - 20);
    }
  });
});

describe('renderHtml', () => {
  it('is a standalone page with the SVG, a data table with headers, and no external resources', () => {
    const html = renderHtml(shopMap());
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain(
      '<div class="map-scroll" tabindex="0" role="region" aria-label="Journey map (scrolls sideways)">\n<svg xmlns="http://www.w3.org/2000/svg"',
    );
    expect(html).toContain('<th scope="col">Purchase</th>');
    expect(html).toContain('<th scope="row">Pain points</th>');
    expect(html).not.toMatch(/(?:src|href)=/);
  });
});

describe('attachMeasurements', () => {
  const m = {
    id: 'm1',
    metric: 'drop-off' as const,
    value: 0.38,
    n: 2000,
    stageId: 'purchase',
    window: { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' },
  };

  it('appends, and replaces by id on request', () => {
    expect(attachMeasurements(shopMap(), [{ ...m, id: 'm9' }]).measurements).toHaveLength(3);
    const replaced = attachMeasurements(shopMap(), [m], { mode: 'replace' });
    expect(replaced.measurements.map((x) => [x.id, x.metric])).toEqual([
      ['m2', 'nps'],
      ['m1', 'drop-off'],
    ]);
  });

  it('names the bad measurement', () => {
    expect(() => attachMeasurements(shopMap(), [m])).toThrow(/at \/measurements\/2\/id: Duplicate id/);
    expect(() => attachMeasurements(shopMap(), [{ ...m, id: 'x', stageId: 'nowhere' }])).toThrow(
      /measurements\/2\/stageId/,
    );
    expect(() => attachMeasurements(shopMap(), [{ ...m, id: 'x', value: 1.4 }])).toThrow(
      /measurements\/2\/value/,
    );
  });
});

describe('scenarioView', () => {
  it('keeps the shared elements and those of one scenario, and drops references into the other', () => {
    const toBe = scenarioView(fullMap(), 'to-be');
    expect(toBe.journey.steps.map((s) => s.id)).toEqual(['compare', 'pay', 'wait', 'wear', 'return-app']);
    expect(toBe.journey.painPoints.map((p) => p.id)).toEqual(['pp1', 'pp2']);
    expect(toBe.emotionCurves.map((c) => [c.personaId, c.points.map((p) => p.stepId)])).toEqual([
      ['anna', ['compare', 'pay', 'wear', 'return-app']],
      ['piotr', ['compare', 'pay', 'wait', 'wear']],
    ]);
    const asIs = scenarioView(fullMap(), 'as-is');
    expect(asIs.blueprint.map((b) => b.id)).toEqual(['bp1', 'bp2', 'bp3', 'bp4', 'bp5']);
    expect(asIs.thoughts.map((t) => t.id)).toEqual(['t1', 't2']);
    expect(optionIssuesOf(() => scenarioView(fullMap(), 'future' as never))[0]?.path).toEqual(['scenario']);
  });
});
