/// <reference lib="dom" />
// The example map rendered to HTML and SVG in headless Chromium at 1,400 px: every stage reachable, the host page
// unaffected, screenshots written to out/screenshots for a human to look at.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMapJson, renderHtml, renderSvg } from '@cx/map';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureMapFromSampleShop } from './measure.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  if (process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing: CI must install it`);
  console.warn(`Skipping Chromium tests: ${CHROMIUM} not found (apt-get install -y chromium)`);
}

const here = join(import.meta.dirname, '..');
const shots = join(here, 'out', 'screenshots');
const map = measureMapFromSampleShop(parseMapJson(readFileSync(join(here, 'map.json'), 'utf8')), 300);

let browser: Browser;
let page: Page;

/** Scrolls each stage header into view and reports whether it then lies inside the window. */
async function stagesReachable(p: Page): Promise<Record<string, boolean>> {
  return p.evaluate(async () => {
    const out: Record<string, boolean> = {};
    for (const g of Array.from(document.querySelectorAll('g.stage'))) {
      g.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      await new Promise((r) => requestAnimationFrame(r));
      const box = g.getBoundingClientRect();
      out[g.getAttribute('data-stage')!] =
        box.left >= 0 && box.right <= window.innerWidth + 1 && box.width > 50;
    }
    return out;
  });
}

describe.skipIf(!hasChromium)('the example map in headless Chromium at 1,400 px', () => {
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.route('**/*', (route) => route.abort());
    mkdirSync(shots, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  for (const scenario of [undefined, 'as-is', 'to-be'] as const)
    it(`HTML (${scenario ?? 'both scenarios'}): all ten stages reachable, screenshot taken`, async () => {
      const html = renderHtml(map, { maxWidth: 1400, ...(scenario ? { scenario } : {}) });
      await page.setContent(html, { waitUntil: 'load' });
      const reachable = await stagesReachable(page);
      expect(Object.keys(reachable)).toHaveLength(10);
      expect(Object.entries(reachable).filter(([, ok]) => !ok)).toEqual([]);
      // The map scrolls inside its own container; the page itself does not scroll sideways.
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        window: window.innerWidth,
        container: document.querySelector('.map-scroll')!.scrollWidth,
      }));
      expect(widths.page).toBeLessThanOrEqual(widths.window);
      const png = await page.screenshot({
        path: join(shots, `map${scenario ? `.${scenario}` : ''}.png`),
        fullPage: true,
      });
      expect(png.length).toBeGreaterThan(50_000);
      expect(widths.container).toBeGreaterThan(1000);
    }, 120_000);

  it('SVG in a host page: every stage reachable in a scrolling section, the host page keeps its own styles', async () => {
    const host = `<!doctype html><html><head><style>
      body{font-family:sans-serif;margin:0} main{max-width:1280px;padding:16px}
      section{overflow-x:auto;border:1px solid #ddd}
      text{fill:rgb(255, 255, 255)} .title{font-size:40px}
    </style></head><body><main>
      <section><svg width="300" height="60" id="heatmap"><rect width="300" height="60" fill="#123"/><text id="cell" x="10" y="35" class="title">87 %</text></svg></section>
      <section id="map-section">${renderSvg(map, { idPrefix: 'example-map', maxWidth: 1280 })}</section>
    </main></body></html>`;
    await page.setContent(host);
    const styles = await page.evaluate(() => ({
      fill: getComputedStyle(document.getElementById('cell')!).fill,
      size: getComputedStyle(document.getElementById('cell')!).fontSize,
      mapTitle: getComputedStyle(document.querySelector('#example-map .title')!).fontSize,
    }));
    expect(styles).toEqual({ fill: 'rgb(255, 255, 255)', size: '40px', mapTitle: '20px' });
    const reachable = await stagesReachable(page);
    expect(Object.values(reachable).every(Boolean)).toBe(true);
    await page.locator('#map-section').screenshot({ path: join(shots, 'map-in-host-page.png') });
  }, 120_000);
});
