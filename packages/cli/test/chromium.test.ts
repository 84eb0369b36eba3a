/// <reference lib="dom" />
// The report of `cx report` on the fixture exports, in headless Chromium (Debian's, driven by playwright-core): no
// console error and no request, every chart drawn as SVG beside its data table, the page's own styles the same with
// and without the journey map in it, the map scrollable to its last stage at 1,400 px, and a screenshot kept in
// packages/cli/.test-output/ (gitignored) as the test's artefact. CI installs Chromium (.ci/run).
import { existsSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/index.js';

const CHROMIUM = '/usr/bin/chromium';
const CONFIG = join(import.meta.dirname, 'fixtures', 'exports', 'cx.config.json');
const ARTEFACTS = join(import.meta.dirname, '..', '.test-output', 'chromium');
let browser: Browser | undefined;
let report = '';

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (CI does)`);
  await mkdir(ARTEFACTS, { recursive: true });
  const quiet = { write: () => true };
  const code = await runCli(['report', '--config', CONFIG, '--out', ARTEFACTS, '--quiet'], {
    stdout: quiet,
    stderr: quiet,
  });
  expect(code).toBe(0);
  report = join(ARTEFACTS, 'report.html');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
    ],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('the report in Chromium', () => {
  it('loads with no console error and no request, every chart an SVG with its data table', async () => {
    const page = await (browser as Browser).newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    await page.goto(pathToFileURL(report).href);
    const figures = await page.$$eval('figure.cx-figure', (all) =>
      all.map((figure) => {
        const svg = figure.querySelector('svg');
        const box = svg?.getBoundingClientRect();
        return {
          chart: svg?.getAttribute('id') ?? (svg === null ? null : 'map'),
          width: box?.width ?? 0,
          height: box?.height ?? 0,
          named: svg === null || svg.querySelector('title') !== null,
          rows: figure.querySelectorAll('table.cx-data tbody tr').length,
          caption: figure.querySelector('figcaption')?.textContent?.length ?? 0,
          csv: figure.querySelector('a.cx-csv')?.getAttribute('href')?.startsWith('data:text/csv') ?? false,
        };
      }),
    );
    const charts = figures.filter((f) => f.chart !== null);
    expect(charts.map((f) => f.chart)).toEqual([
      'chart-nps-trend',
      'cx-map',
      'chart-funnel',
      'chart-retention',
      'chart-churn',
      'chart-stages',
      'chart-topics',
    ]);
    for (const f of figures) {
      expect(f.rows, String(f.chart)).toBeGreaterThan(0);
      expect(f.caption).toBeGreaterThan(30);
      expect(f.csv).toBe(true);
      expect(f.named).toBe(true);
    }
    for (const f of charts) {
      expect(f.width, String(f.chart)).toBeGreaterThan(300);
      expect(f.height, String(f.chart)).toBeGreaterThan(100);
    }
    expect(await page.$$('script, img, link, iframe, object')).toHaveLength(0);
    const shot = join(ARTEFACTS, 'report.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect((await stat(shot)).size).toBeGreaterThan(100_000);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it("leaves the page's own styles as they are with the map in it", async () => {
    const page = await (browser as Browser).newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(pathToFileURL(report).href);
    const styles = () =>
      page.$$eval(
        'h1, h2, figcaption, table.cx-data th, table.cx-data td, a.cx-csv, svg.cx-chart text, svg.cx-chart rect, svg.cx-chart line, svg.cx-chart circle',
        (all) =>
          all.map((el) => {
            const s = getComputedStyle(el);
            return [el.tagName, s.color, s.fill, s.stroke, s.fontFamily, s.fontSize, s.fontWeight].join('|');
          }),
      );
    const withMap = await styles();
    await page.$eval('.cx-map', (map) => map.remove());
    const withoutMap = await styles();
    expect(withMap.length).toBeGreaterThan(200);
    expect(withMap).toEqual(withoutMap);
    await page.close();
  });

  it('lets every stage of the map be reached at 1,400 px (the map scrolls inside its frame)', async () => {
    const page = await (browser as Browser).newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(pathToFileURL(report).href);
    const frame = await page.$eval('.cx-map', (el) => {
      const svg = el.querySelector('svg') as SVGSVGElement;
      return {
        overflow: getComputedStyle(el).overflowX,
        clientWidth: el.clientWidth,
        scrollWidth: el.scrollWidth,
        svgWidth: svg.getBoundingClientRect().width,
        pageWidth: document.documentElement.scrollWidth,
      };
    });
    // Either the whole map fits, or its frame scrolls to its last stage; the page itself never scrolls sideways.
    expect(frame.scrollWidth).toBeGreaterThanOrEqual(Math.floor(frame.svgWidth));
    if (frame.svgWidth > frame.clientWidth) expect(frame.overflow).toBe('auto');
    expect(frame.pageWidth).toBeLessThanOrEqual(1400);
    await page.close();
  });
});
