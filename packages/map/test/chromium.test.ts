/// <reference lib="dom" />
// Headless Chromium checks: the rendered HTML map really renders, styles stay inside the map, and the real `mermaid`
// package reads every export (hostile names included) exactly as fromMermaid does.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullMap } from '../src/__fixtures__/full.js';
import { shopMap } from '../src/__fixtures__/shop.js';
import type { JourneyMap } from '../src/format/document.js';
import { toMermaid } from '../src/mermaid/export.js';
import { fromMermaid } from '../src/mermaid/import.js';
import { parseMap } from '../src/parse.js';
import { renderHtml } from '../src/render/html.js';
import { renderSvg } from '../src/render/svg.js';
import { hasChromium, launch } from './browser.js';

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
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // No network: any request the page makes fails the test.
    await page.route('**/*', (route) => route.abort());
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('renders the HTML map: SVG laid out, not blank, well-formed, no request', async () => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.setContent(renderHtml(fullMap()), { waitUntil: 'load' });
    const svg = page.locator('figure svg');
    const box = await svg.boundingBox();
    expect(box?.width).toBeGreaterThan(800);
    expect(box?.height).toBeGreaterThan(600);
    const png = await svg.screenshot({ type: 'png' });
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
        };
      },
      { data: png.toString('base64'), markup: await svg.evaluate((el) => el.outerHTML) },
    );
    expect(result.parseErrors).toBe(0);
    expect(result.ink).toBeGreaterThan(0.02);
    expect(result.red).toBeGreaterThan(20);
    expect(result.texts).toBeGreaterThan(60);
    expect(requests.filter((u) => !u.startsWith('about:') && !u.startsWith('data:'))).toEqual([]);
  }, 60_000);

  it('leaves the host page alone: its own SVG text keeps its colour beside the map', async () => {
    const host = `<!doctype html><html><head><style>text{fill:rgb(255, 255, 255)}</style></head><body>
      <svg id="chart" width="200" height="50"><rect width="200" height="50" fill="navy"/><text id="label" x="10" y="30">42 %</text></svg>
      ${renderSvg(shopMap(), { idPrefix: 'embedded-map' })}</body></html>`;
    await page.setContent(host);
    const fills = await page.evaluate(() => ({
      host: getComputedStyle(document.getElementById('label')!).fill,
      map: getComputedStyle(document.querySelector('#embedded-map .lane-label')!).fill,
    }));
    expect(fills.host).toBe('rgb(255, 255, 255)');
    expect(fills.map).toBe('rgb(51, 51, 51)');
  }, 60_000);

  it('draws no two labels of the map on top of each other (the persona legend clears the emotion axis)', async () => {
    const map = fullMap();
    map.personas![0]!.name = 'Anna Maria Kowalska-Wiśniewska, the very busy parent';
    await page.setContent(`<!doctype html><body>${renderSvg(map)}</body>`);
    const overlaps = await page.evaluate(() => {
      const boxes = Array.from(document.querySelectorAll('svg text'))
        .map((t) => ({ text: t.textContent ?? '', box: (t as SVGGraphicsElement).getBBox() }))
        .filter((b) => b.text.trim() !== '');
      const found: string[] = [];
      for (let i = 0; i < boxes.length; i++)
        for (let k = i + 1; k < boxes.length; k++) {
          const [a, b] = [boxes[i]!.box, boxes[k]!.box];
          const x = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
          const y = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
          if (x > 1 && y > 1) found.push(`${boxes[i]!.text} / ${boxes[k]!.text}`);
        }
      return found;
    });
    expect(overlaps).toEqual([]);
  }, 60_000);

  async function mermaidTasks(texts: readonly string[]) {
    await page.setContent('<!doctype html><html><body><div id="out"></div></body></html>');
    await page.addScriptTag({ content: readFileSync(mermaidBundle, 'utf8') });
    return page.evaluate(async (sources) => {
      // biome-ignore lint/suspicious/noExplicitAny: the mermaid global of the UMD bundle
      const mermaid = (globalThis as any).mermaid;
      mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
      const out: Array<{
        ok: boolean;
        error?: string;
        type?: string;
        hasNaN?: boolean;
        title?: string;
        sections?: string[];
        tasks?: MermaidTask[];
      }> = [];
      for (const [i, source] of sources.entries()) {
        try {
          // Read Mermaid's own parse first: its journey database is shared, and a later render reuses it.
          const db = (await mermaid.mermaidAPI.getDiagramFromText(source)).db;
          const read = {
            title: (db.getDiagramTitle() as string).trim(),
            sections: [...(db.getSections() as string[])],
            tasks: db.getTasks().map((t: MermaidTask) => ({
              section: t.section,
              task: t.task,
              score: t.score,
              people: [...t.people],
            })) as MermaidTask[],
          };
          const parsed = await mermaid.parse(source);
          const { svg } = await mermaid.render(`journey${i}`, source);
          out.push({
            ok: true,
            type: parsed.diagramType as string,
            hasNaN: (svg as string).includes('NaN'),
            ...read,
          });
        } catch (error) {
          out.push({ ok: false, error: String(error) });
        }
      }
      return out;
    }, texts);
  }

  /** What fromMermaid reads, in the shape Mermaid's own parser reports it. */
  function ours(text: string) {
    const map: JourneyMap = fromMermaid(text).value;
    const stageLabel = new Map(map.journey.stages.map((s) => [s.id, s.labels.en]));
    const personaName = new Map(map.personas.map((p) => [p.id, p.name]));
    return {
      title: map.journey.name,
      sections: map.journey.stages.map((s) => s.labels.en),
      tasks: map.journey.steps.map((s) => ({
        section: stageLabel.get(s.stageId),
        task: s.name,
        score: s.expectedEmotion! + 3,
        people: map.emotionCurves
          .filter((c) => c.points.some((p) => p.stepId === s.id))
          .map((c) => personaName.get(c.personaId)),
      })),
    };
  }

  it('real Mermaid parses and renders our journey and reads the same tasks as fromMermaid', async () => {
    const { value } = toMermaid(fullMap());
    const [result] = await mermaidTasks([value]);
    expect(result).toMatchObject({ ok: true, type: 'journey', hasNaN: false });
    const mine = ours(value);
    expect(result!.title).toBe(mine.title);
    expect(result!.sections).toEqual(mine.sections);
    expect(result!.tasks).toEqual(mine.tasks);
  }, 60_000);

  it('real Mermaid reads every export of hostile names exactly as fromMermaid does (200 generated maps)', async () => {
    const hostile = fc.string({
      unit: fc.constantFrom(
        ...'ab Zł:;#,%{}[]()\'"<>&\\\t\n\r\u2028\u200B-_=+@!?*~`|^$0123456789'.split(''),
        'title ',
        'section ',
        'journey',
        'accTitle:',
        'accDescr {',
        '%%',
        '😀',
      ),
      minLength: 1,
      maxLength: 24,
    });
    const maps = fc.sample(
      fc.record({
        title: hostile,
        stages: fc.array(hostile, { minLength: 1, maxLength: 3 }),
        steps: fc.array(hostile, { minLength: 1, maxLength: 4 }),
        actors: fc.uniqueArray(hostile, { maxLength: 3 }),
      }),
      { numRuns: 200, seed: 20_261_206 },
    );
    const texts = maps.map(
      ({ title, stages, steps, actors }) =>
        toMermaid(
          parseMap({
            formatVersion: 2,
            journey: {
              id: 'j',
              name: title,
              version: 1,
              stages: stages.map((en, i) => ({ id: `s${i}`, labels: { en } })),
              steps: steps.map((name, i) => ({
                id: `t${i}`,
                stageId: `s${i % stages.length}`,
                name,
                expectedEmotion: (i % 5) - 2,
              })),
            },
            personas: actors.map((name, i) => ({ id: `p${i}`, name })),
            emotionCurves: actors.map((_, i) => ({
              personaId: `p${i}`,
              points: steps.map((_, k) => ({ stepId: `t${k}`, emotion: (k % 5) - 2 })),
            })),
          }),
        ).value,
    );
    const results = await mermaidTasks(texts);
    results.forEach((result, i) => {
      expect(result, texts[i]).toMatchObject({ ok: true, type: 'journey', hasNaN: false });
      const mine = ours(texts[i]!);
      // Mermaid keeps the zero-width guard before keyword-like task names; our importer removes it.
      expect(
        { ...result, tasks: result.tasks!.map((t) => ({ ...t, task: t.task.replace(/^\u200B/, '') })) },
        texts[i],
      ).toMatchObject({
        title: mine.title,
        sections: mine.sections,
        tasks: mine.tasks,
      });
    });
  }, 300_000);
});
