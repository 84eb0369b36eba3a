/// <reference lib="dom" />
// The demo's report in a real browser: headless Debian Chromium, driven by playwright-core (no browser download).
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from './demo.js';

const CHROMIUM = '/usr/bin/chromium';
let dir = '';
let result: Awaited<ReturnType<typeof runDemo>>;
let browser: Browser | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cx-demo-'));
  result = await runDemo({
    outDir: dir,
    customers: 800,
    progress: { step: async (_l, work) => work(), note: () => undefined },
  });
  if (existsSync(CHROMIUM)) {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  }
});

afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the demo', () => {
  it('writes the report and the map in every format', async () => {
    for (const file of Object.values(result.files)) expect((await stat(file)).size).toBeGreaterThan(500);
    expect(await readFile(result.files.mermaid, 'utf8')).toMatch(/^journey\n/);
    expect(JSON.parse(await readFile(result.files.mapJson, 'utf8')).formatVersion).toBe(2);
  });

  it('measures a plausible shop: NPS inside its interval, a narrowing funnel, retention rates in 0…1', () => {
    const { overallNps, purchaseFunnel, retention } = result.analysis;
    expect(overallNps.n).toBeGreaterThan(100);
    expect(overallNps.score).not.toBeNull();
    expect(overallNps.interval?.lower).toBeLessThan(overallNps.score as number);
    expect(overallNps.interval?.upper).toBeGreaterThan(overallNps.score as number);
    const counts = purchaseFunnel.steps.map((s) => s.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    for (const rate of retention.average.rates) if (rate !== null) expect(rate).toBeGreaterThanOrEqual(0);
    expect(result.map.measurements.length).toBeGreaterThan(10);
  });

  it.skipIf(!existsSync(CHROMIUM))(
    'renders in headless Chromium without console errors; every chart is SVG',
    async () => {
      const page = await (browser as Browser).newPage({ viewport: { width: 1400, height: 900 } });
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(pathToFileURL(result.files.report).href);
      const charts = await page.$$eval('section svg', (svgs) =>
        svgs.map((svg) => ({
          title: svg.querySelector('title')?.textContent ?? '',
          width: svg.getBoundingClientRect().width,
        })),
      );
      expect(charts.map((c) => c.title)).toEqual(
        expect.arrayContaining([
          'NPS by month with 95% adjusted-Wald interval',
          'Purchase funnel, 7-day conversion window, unique customers',
          'Repeat-purchase retention by monthly cohort',
        ]),
      );
      for (const chart of charts) expect(chart.width).toBeGreaterThan(100);
      expect(await page.$$('canvas, img')).toHaveLength(0);
      // The journey map restyles nothing outside itself: the heatmap's white labels stay white.
      const fills = await page.$$eval(
        'section[aria-labelledby="h-retention"] text[fill="#ffffff"]',
        (texts) => texts.map((t) => getComputedStyle(t).fill),
      );
      expect(fills.length).toBeGreaterThan(0);
      expect(new Set(fills)).toEqual(new Set(['rgb(255, 255, 255)']));
      // Every stage of the map is reachable: it scrolls inside its section.
      const stages = await page.$$eval('#report-map g.stage', async (groups) => {
        const seen: boolean[] = [];
        for (const g of groups) {
          g.scrollIntoView({ block: 'nearest', inline: 'nearest' });
          await new Promise((r) => requestAnimationFrame(r));
          const box = g.getBoundingClientRect();
          seen.push(box.left >= 0 && box.right <= window.innerWidth + 1);
        }
        return seen;
      });
      expect(stages).toHaveLength(10);
      expect(stages.every(Boolean)).toBe(true);
      const screenshot = join(dir, 'report.png');
      await page.screenshot({ path: screenshot, fullPage: true });
      expect((await stat(screenshot)).size).toBeGreaterThan(50_000);
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});
