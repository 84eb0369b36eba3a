import { breakdown, cohortRetention, csatMetric, nps, npsMetric, trend } from '@cx/metrics';
import { type Interaction, type SurveyResponse, surveyResponseSchema } from '@cx/model';
import { describe, expect, it } from 'vitest';
import { CxOptionsError, CxValidationError, type ReportInput, renderReport } from '../src/index.js';

const response = (
  id: string,
  metric: 'nps' | 'csat',
  score: number,
  respondedAt: string,
  stageId?: string,
): SurveyResponse =>
  surveyResponseSchema.parse({
    id,
    surveyId: metric,
    metric,
    scale: metric === 'nps' ? { min: 0, max: 10 } : { min: 1, max: 5 },
    score,
    respondedAt,
    ...(stageId === undefined ? {} : { stageId }),
  });

// January: 10, 9, 6 → 2 promoters and 1 detractor of 3: NPS = 100 × (2 − 1) / 3 = 33.3.
// February: 10, 3 → 1 promoter and 1 detractor of 2: NPS = 0.
const npsResponses = [
  response('n1', 'nps', 10, '2025-01-05T10:00:00Z'),
  response('n2', 'nps', 9, '2025-01-15T10:00:00Z'),
  response('n3', 'nps', 6, '2025-01-25T10:00:00Z'),
  response('n4', 'nps', 10, '2025-02-05T10:00:00Z'),
  response('n5', 'nps', 3, '2025-02-15T10:00:00Z'),
];
// CSAT at checkout: 5, 4, 2, 1 → 2 satisfied (4–5) of 4 = 50 %.
const csatResponses = [5, 4, 2, 1].map((s, i) =>
  response(`c${i}`, 'csat', s, '2025-01-10T10:00:00Z', 'checkout'),
);

const purchase = (customerId: string, timestamp: string): Interaction => ({
  id: `${customerId}-${timestamp}`,
  customerId,
  timestamp,
  name: 'purchase',
  channel: 'web',
  properties: {},
});
// a buys in January and again on 5 February; b in January only; c first in February. As of 20 February,
// February is not over: January's "Month 1" would read 50 % (a came back) but must show no rate yet.
const retention = cohortRetention(
  [
    purchase('a', '2025-01-10T10:00:00Z'),
    purchase('a', '2025-02-05T10:00:00Z'),
    purchase('b', '2025-01-20T10:00:00Z'),
    purchase('c', '2025-02-15T10:00:00Z'),
  ],
  { interval: 'month', periods: 2, asOf: '2025-02-20T00:00:00Z' },
);

const input: ReportInput = {
  title: 'Shop <script>alert(1)</script> & co',
  subtitle: 'January to February 2025',
  timeZone: 'UTC',
  stages: [{ id: 'checkout', label: 'Checkout' }],
  nps: nps(npsResponses),
  npsTrend: trend(npsResponses, npsMetric(), { interval: 'month', timeZone: 'UTC' }),
  csatByStage: breakdown(csatResponses, csatMetric(), { by: 'stageId' }),
  retention: { matrix: retention, definition: 'customers by the month of their first purchase' },
};

function csvOf(page: string, name: string): string {
  const match = new RegExp(`download="${name}\\.csv" href="([^"]+)"`).exec(page);
  if (match === null) throw new Error(`no CSV link for ${name}`);
  const url = (match[1] as string).replaceAll('&amp;', '&');
  return decodeURIComponent(url.slice(url.indexOf(',') + 1));
}

describe('renderReport', () => {
  const page = renderReport(input);

  it('loads nothing from anywhere: no scripts, no external URLs, a CSP that says so', () => {
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain('Shop &lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    expect(page).not.toMatch(/(?:src|href)="(?!#|data:)/);
    expect(page).not.toMatch(/url\((?!#)/);
    expect(page).not.toMatch(/@import|@font-face/);
    expect(page.match(/https?:\/\/[^"'\s)]+/g)?.every((u) => u === 'http://www.w3.org/2000/svg')).toBe(true);
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  });

  it('shows the NPS trend with the hand-computed values, in its table and its CSV', () => {
    const csv = csvOf(page, 'nps-trend')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(csv[0]).toBe(
      'Period,NPS (points),Lower bound,Upper bound,Responses,Small sample,Significant change',
    );
    const [jan, feb] = [csv[1]?.split(','), csv[2]?.split(',')];
    expect(jan?.[0]).toBe('Jan 2025');
    expect(Number(jan?.[1])).toBeCloseTo(100 / 3, 10);
    expect(jan?.[4]).toBe('3');
    expect(feb?.[0]).toBe('Feb 2025');
    expect(Number(feb?.[1])).toBe(0);
    expect(page).toMatch(/<th scope="row">Jan 2025<\/th><td class="num">33\.3<\/td>/);
  });

  it('marks periods not over yet as such, with no rate that reads as loss', () => {
    const csv = csvOf(page, 'retention')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    // January cohort: a and b; Month 1 (February) is not over on 20 February.
    expect(csv[1]).toBe('Jan 2025,2,100,not over yet,not over yet');
    const heatmap = page.slice(
      page.indexOf('id="chart-retention"'),
      page.indexOf('</svg>', page.indexOf('id="chart-retention"')),
    );
    expect(heatmap).not.toContain('50.0');
    expect(heatmap).toContain('period not over yet, no rate');
    expect(heatmap.match(/class="cx-cell-incomplete"/g)?.length).toBeGreaterThanOrEqual(3);
  });

  it('puts CSAT in percent on a 0–100 % axis with labelled whiskers', () => {
    const chart = page.slice(
      page.indexOf('id="chart-csat-by-stage"'),
      page.indexOf('</svg>', page.indexOf('id="chart-csat-by-stage"')),
    );
    for (const tick of ['0\u202F%', '20\u202F%', '100\u202F%']) expect(chart).toContain(`>${tick}</text>`);
    expect(chart).toContain('class="cx-whisker-label"');
    expect(chart).toContain('>Checkout</text>');
    // 2 satisfied of 4: 50 %.
    expect(csvOf(page, 'csat-by-stage')).toContain('\r\nCheckout,50,');
  });

  it('gives every chart a title and a text alternative, and a data table with a CSV link beside it', () => {
    const charts = [
      ...page.matchAll(/<svg [^>]*class="cx-chart" id="([^"]+)"[^>]*aria-labelledby="([^"]+)"/g),
    ];
    expect(charts.map((c) => c[1])).toEqual(['chart-nps-trend', 'chart-retention', 'chart-csat-by-stage']);
    for (const [, id, labelledBy] of charts) {
      expect(labelledBy).toBe(`${id}-title ${id}-desc`);
      expect(page).toMatch(new RegExp(`<desc id="${id}-desc">[^<]{40,}</desc>`));
    }
    expect(page.match(/<figure class="cx-figure">/g)).toHaveLength(3);
    expect(page.match(/<table class="cx-data">/g)).toHaveLength(3);
    expect(page.match(/class="cx-csv" download=/g)).toHaveLength(3);
  });

  it('leaves out sections without data, and states the units once for the page', () => {
    expect(page).not.toContain('id="funnel"');
    expect(page).not.toContain('id="churn"');
    expect(page).toContain('Shares are in percent, NPS in points (−100 to 100)');
    const bare = renderReport({ title: 'Empty', timeZone: 'Europe/Warsaw' });
    expect(bare).not.toContain('<section');
  });

  it('shows the sections asked for, in that order', () => {
    const only = renderReport(input, { sections: ['retention', 'nps-trend'] });
    expect(only.indexOf('id="retention"')).toBeLessThan(only.indexOf('id="nps-trend"'));
    expect(only).not.toContain('id="satisfaction-by-stage"');
  });

  it('rejects malformed input with the path of each issue', () => {
    const bad = { ...input, csat: { n: 3, score: 1.2, interval: null } } as unknown as ReportInput;
    expect(() => renderReport(bad)).toThrow(CxValidationError);
    try {
      renderReport({ ...input, timeZone: 'Mars/Olympus', facts: [{ label: 'orders', value: Number.NaN }] });
    } catch (error) {
      expect(error).toBeInstanceOf(CxValidationError);
      expect((error as CxValidationError).issues.map((i) => i.path.join('.'))).toEqual([
        'timeZone',
        'facts.0.value',
      ]);
    }
    const exposure = {
      ...input,
      churn: {
        kind: 'subscription',
        periods: [
          {
            label: 'Jan 2025',
            complete: true,
            policy: 'exposure',
            customersAtStart: 1,
            lostCustomers: 0,
            churnRate: 0,
          },
        ],
      },
    } as unknown as ReportInput;
    expect(() => renderReport(exposure)).toThrow(/exposure/);
  });

  it('rejects unknown options, unknown sections and null', () => {
    expect(() => renderReport(input, { section: ['churn'] } as never)).toThrow(CxOptionsError);
    expect(() => renderReport(input, { sections: ['charts'] } as never)).toThrow(CxOptionsError);
    expect(() => renderReport(input, { sections: ['churn', 'churn'] })).toThrow(CxOptionsError);
    expect(() => renderReport(input, null as never)).toThrow(CxOptionsError);
  });

  it('gives the same bytes for the same input', () => {
    expect(renderReport(input)).toBe(page);
  });
});
