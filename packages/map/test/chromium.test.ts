/// <reference lib="dom" />
// Headless Chromium checks: the rendered HTML map really renders, and real Mermaid accepts our journey text.
// Needs Debian's chromium at /usr/bin/chromium (CI installs it); skipped with a message only when it is absent.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shopMap } from '../src/__fixtures__/shop.js';
import { renderHtml } from '../src/html.js';
import { toMermaid } from '../src/mermaid-export.js';
import { fromMermaid } from '../src/mermaid-import.js';
import { parseMap } from '../src/parse.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(`Skipping Chromium tests: ${CHROMIUM} not found (apt-get install -y chromium)`);

const require = createRequire(import.meta.url);
const mermaidBundle = join(dirname(require.resolve('mermaid/package.json')), 'dist', 'mermaid.min.js');

interface MermaidTask {
  section: string;
  task: string;
  score: number;
  people: string[];
}

let browser: Browser;
let page: Page;

describe.skipIf(!hasChromium)('in headless Chromium', () => {
  beforeAll(async () => {
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
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // No network: any request the page makes fails the test.
    await page.route('**/*', (route) => route.abort());
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('renders the HTML map: SVG laid out, not blank, and well-formed XML to the browser', async () => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.setContent(renderHtml(shopMap()), { waitUntil: 'load' });
    const svg = page.locator('figure > svg');
    const box = await svg.boundingBox();
    expect(box?.width).toBeGreaterThan(800);
    expect(box?.height).toBeGreaterThan(600);
    const png = await svg.screenshot({ type: 'png' });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const result = await page.evaluate(
      async ({ data, markup }) => {
        const img = new Image();
        img.src = `data:image/png;base64,${data}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.width;
        canvas.height = img.height;
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const pixels = ctx.getImageData(0, 0, img.width, img.height).data;
        let ink = 0;
        let red = 0;
        for (let i = 0; i < pixels.length; i += 4) {
          const [r, g, b] = [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!];
          if (r + g + b < 600) ink++;
          if (r > 180 && g < 80 && b < 80) red++; // the pain-point triangles (#c62828)
        }
        const xml = new DOMParser().parseFromString(markup, 'image/svg+xml');
        return {
          ink: ink / (pixels.length / 4),
          red,
          parseErrors: xml.getElementsByTagName('parsererror').length,
          texts: document.querySelectorAll('figure text').length,
          title: document.title,
        };
      },
      { data: png.toString('base64'), markup: await svg.evaluate((el) => el.outerHTML) },
    );
    expect(result.parseErrors).toBe(0);
    expect(result.ink).toBeGreaterThan(0.02);
    expect(result.red).toBeGreaterThan(20);
    expect(result.texts).toBeGreaterThan(30);
    expect(result.title).toBe('Online shoe shop – journey map');
    expect(requests.filter((u) => !u.startsWith('about:') && !u.startsWith('data:'))).toEqual([]);
  }, 60_000);

  async function mermaidInPage(text: string) {
    await page.setContent('<!doctype html><html><body><div id="out"></div></body></html>');
    await page.addScriptTag({ content: readFileSync(mermaidBundle, 'utf8') });
    return page.evaluate(async (source) => {
      // biome-ignore lint/suspicious/noExplicitAny: the mermaid global of the UMD bundle
      const mermaid = (globalThis as any).mermaid;
      mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
      const parsed = await mermaid.parse(source);
      const { svg } = await mermaid.render('journey1', source);
      const diagram = await mermaid.mermaidAPI.getDiagramFromText(source);
      const db = diagram.db;
      return {
        type: parsed.diagramType as string,
        svgLength: svg.length as number,
        hasNaN: svg.includes('NaN') as boolean,
        title: db.getDiagramTitle() as string,
        sections: db.getSections() as string[],
        tasks: db.getTasks().map((t: MermaidTask) => ({
          section: t.section,
          task: t.task,
          score: t.score,
          people: t.people,
        })) as MermaidTask[],
      };
    }, text);
  }

  it('real Mermaid parses and renders our journey, and reads the same tasks as fromMermaid', async () => {
    const { text } = toMermaid(shopMap());
    const result = await mermaidInPage(text);
    expect(result.type).toBe('journey');
    expect(result.svgLength).toBeGreaterThan(2000);
    expect(result.hasNaN).toBe(false);
    const ours = fromMermaid(text);
    const stageLabel = new Map(ours.journey.stages.map((s) => [s.id, s.labels.en]));
    const personaName = new Map(ours.personas.map((p) => [p.id, p.name]));
    expect(result.title.trim()).toBe(ours.journey.name);
    expect(result.tasks).toEqual(
      ours.journey.steps.map((s) => ({
        section: stageLabel.get(s.stageId),
        task: s.name,
        score: s.expectedEmotion! + 3,
        people: ours.emotionCurves
          .filter((c) => c.points.some((p) => p.stepId === s.id))
          .map((c) => personaName.get(c.personaId)),
      })),
    );
  }, 60_000);

  it('escaped names (":" ";" "#" "," and keywords) survive real Mermaid unchanged', async () => {
    const map = shopMap();
    map.journey.name = 'Shop #1; EU';
    map.journey.stages![0]!.labels = { en: 'Consider: options' };
    map.journey.steps![0]!.name = 'Title page: sizes #2';
    map.journey.steps![1]!.name = 'section B; pay';
    map.personas![0]!.name = 'Anna, 34';
    const { text } = toMermaid(parseMap(map));
    const result = await mermaidInPage(text);
    const ours = fromMermaid(text);
    expect(result.sections).toEqual(ours.journey.stages.map((s) => s.labels.en));
    // Mermaid keeps the zero-width guard before keyword-like names; our importer removes it.
    expect(result.tasks.map((t) => t.task.replace(/^\u200B/, ''))).toEqual(
      ours.journey.steps.map((s) => s.name),
    );
    expect(result.tasks[0]?.people).toEqual(['Anna， 34', 'Piotr']);
    expect(result.title.trim()).toBe('Shop ＃1； EU');
  }, 60_000);
});
