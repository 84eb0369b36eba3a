import type { JourneyMap, JourneyMapInput } from './document.js';
import { type GridRow, mapGrid } from './grid.js';
import { parseMap } from './parse.js';
import { escapeXml, num, wrap } from './text-layout.js';

/**
 * Options of {@link renderSvg}.
 *
 * @category Rendering
 * @since 0.1.0
 */
export interface RenderSvgOptions {
  /** Width of a stage column in px; default 220. */
  readonly stageWidth?: number;
  /** Width of the lane-label column in px; default 170. */
  readonly labelWidth?: number;
  /** Font size in px; default 13. */
  readonly fontSize?: number;
  /** Prefix of the element ids (`<prefix>-title` …), to keep several maps on one page apart; default `jm`. */
  readonly idPrefix?: string;
  /** Language of stage labels (falls back to `en`); default `en`. */
  readonly language?: string;
}

/**
 * Colours of the persona curves, in persona order (colour-blind-safe Okabe–Ito palette).
 *
 * @example
 * ```ts
 * import { PERSONA_COLOURS } from '@cx/map';
 * console.log(PERSONA_COLOURS[0]); // '#0072B2'
 * ```
 * @category Rendering
 * @since 0.1.0
 */
export const PERSONA_COLOURS: readonly string[] = Object.freeze([
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#000000',
]);

const PAD = 10;
const EMOTION_HEIGHT = 160;

/**
 * Renders a map as a self-contained SVG: stages across, lanes down, one emotion curve per persona (dashed grey
 * for the expected emotion), icons for pain points (red triangle) and moments of truth (star), KPIs and measured
 * metrics per stage. Text is wrapped with estimated font metrics, so no browser is needed; the same map and
 * options always give the same bytes.
 *
 * @param map - A map, parsed or built in code.
 * @param options - Sizes, id prefix and language.
 * @returns SVG markup with `role="img"`, a `<title>` and a `<desc>`.
 * @throws {@link @cx/model!CxValidationError} when the map is invalid.
 * @example
 * ```ts
 * import { renderSvg } from '@cx/map';
 * const svg = renderSvg({
 *   formatVersion: 1,
 *   journey: { id: 'j', name: 'Shop', version: 1, stages: [{ id: 'use', labels: { en: 'Use' } }] },
 * });
 * console.log(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')); // true
 * ```
 * @category Rendering
 * @since 0.1.0
 */
export function renderSvg(map: JourneyMap | JourneyMapInput, options: RenderSvgOptions = {}): string {
  const m = parseMap(map);
  const sw = options.stageWidth ?? 220;
  const lw = options.labelWidth ?? 170;
  const fs = options.fontSize ?? 13;
  const lh = Math.round(fs * 1.35);
  const id = options.idPrefix ?? 'jm';
  const lang = options.language ?? 'en';
  const { stages, rows } = mapGrid(m);
  const width = lw + sw * stages.length;
  const out: string[] = [];
  const text = (x: number, y: number, s: string, attrs = '') =>
    `<text x="${num(x)}" y="${num(y)}"${attrs}>${escapeXml(s)}</text>`;
  let y = 0;
  // Title.
  out.push(text(PAD, 28, m.journey.name, ' class="title"'));
  y = 44;
  // Stage header.
  const headerLines = stages.map((s) => wrap(s.labels[lang] ?? s.labels.en, sw - 2 * PAD, fs + 1));
  const headerHeight = Math.max(...headerLines.map((l) => l.length)) * lh + 2 * PAD;
  stages.forEach((s, i) => {
    const x = lw + i * sw;
    out.push(`<g class="stage" data-stage="${escapeXml(s.id)}">`);
    out.push(`<rect x="${x}" y="${y}" width="${sw}" height="${headerHeight}" class="stage-head s${i % 2}"/>`);
    headerLines[i]!.forEach((line, k) => {
      out.push(text(x + PAD, y + PAD + (k + 0.8) * lh, line, ' class="stage-label"'));
    });
    out.push('</g>');
  });
  y += headerHeight;
  // Lanes; the emotion rows of the grid become one chart.
  const emotionRows = rows.filter((r) => r.lane.kind === 'emotions');
  const seen = new Set<string>();
  for (const row of rows) {
    if (row.lane.kind === 'emotions') {
      if (seen.has(row.lane.id)) continue;
      seen.add(row.lane.id);
      y = emotionLane(m, row, emotionRows, out, { y, lw, sw, fs, lh });
      continue;
    }
    const icon =
      row.lane.kind === 'pain-points' ? 'pain' : row.lane.kind === 'moments-of-truth' ? 'mot' : undefined;
    const inner = sw - 2 * PAD - (icon ? 16 : 0);
    const cells = row.cells.map((items) => items.map((item) => wrap(item, inner, fs)));
    const labelLines = wrap(row.label, lw - 2 * PAD, fs);
    const lines = Math.max(
      labelLines.length,
      ...cells.map((c) => c.reduce((n, item) => n + item.length, 0) + Math.max(0, c.length - 1) * 0.4),
    );
    const height = Math.max(40, Math.ceil(lines * lh + 2 * PAD));
    out.push(`<g class="lane lane-${row.lane.kind}" data-lane="${escapeXml(row.lane.id)}">`);
    out.push(`<rect x="0" y="${num(y)}" width="${width}" height="${height}" class="lane-bg"/>`);
    labelLines.forEach((line, k) => {
      out.push(text(PAD, y + PAD + (k + 0.8) * lh, line, ' class="lane-label"'));
    });
    cells.forEach((items, i) => {
      let cy = y + PAD;
      const x = lw + i * sw + PAD;
      for (const item of items) {
        if (icon === 'pain')
          out.push(
            `<path class="icon-pain" d="M${num(x + 6)} ${num(cy + 2)} L${num(x + 12)} ${num(cy + 13)} L${num(x)} ${num(cy + 13)} Z"><title>Pain point</title></path>`,
          );
        if (icon === 'mot')
          out.push(
            `<path class="icon-mot" d="${star(x + 6, cy + 8, 6.5)}"><title>Moment of truth</title></path>`,
          );
        item.forEach((line, k) => {
          out.push(text(x + (icon ? 16 : 0), cy + (k + 0.8) * lh, line));
        });
        cy += item.length * lh + 0.4 * lh;
      }
    });
    out.push('</g>');
    y += height;
  }
  // Stage separators over all lanes.
  for (let i = 0; i <= stages.length; i++)
    out.push(`<line x1="${lw + i * sw}" y1="44" x2="${lw + i * sw}" y2="${num(y)}" class="sep"/>`);
  const height = Math.ceil(y + PAD);
  const description = `Journey map of "${m.journey.name}": ${stages.length} stages (${stages.map((s) => s.labels[lang] ?? s.labels.en).join(', ')}), ${m.journey.steps.length} steps, ${m.personas.length} personas, ${m.journey.painPoints.length} pain points.`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="Helvetica, Arial, sans-serif" font-size="${fs}">`,
    `<title id="${id}-title">${escapeXml(m.journey.name)}</title>`,
    `<desc id="${id}-desc">${escapeXml(description)}</desc>`,
    `<style>.title{font-size:${fs + 7}px;font-weight:bold;fill:#111}.stage-head.s0{fill:#dbe7f3}.stage-head.s1{fill:#e8eff7}.stage-label{font-weight:bold;fill:#111}.lane-bg{fill:#fff;stroke:#c8ced6}.lane-label{font-weight:bold;fill:#333}text{fill:#222}.sep{stroke:#c8ced6}.icon-pain{fill:#c62828}.icon-mot{fill:#f2a900}.zero{stroke:#888;stroke-dasharray:4 3}.grid{stroke:#e3e6ea}.curve{fill:none;stroke-width:2.5}.expected{fill:none;stroke:#777;stroke-width:1.5;stroke-dasharray:6 4}.axis{fill:#666;font-size:${fs - 2}px}</style>`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    ...out,
    '</svg>',
    '',
  ].join('\n');
}

function star(cx: number, cy: number, r: number): string {
  const points: string[] = [];
  for (let k = 0; k < 10; k++) {
    const a = -Math.PI / 2 + (k * Math.PI) / 5;
    const rr = k % 2 === 0 ? r : r * 0.45;
    points.push(`${k === 0 ? 'M' : 'L'}${num(cx + rr * Math.cos(a))} ${num(cy + rr * Math.sin(a))}`);
  }
  return `${points.join(' ')} Z`;
}

function emotionLane(
  m: JourneyMap,
  row: GridRow,
  rows: readonly GridRow[],
  out: string[],
  g: { y: number; lw: number; sw: number; fs: number; lh: number },
): number {
  const { y, lw, sw, fs, lh } = g;
  const width = lw + sw * m.journey.stages.length;
  const personas = rows.filter((r) => r.lane.id === row.lane.id && r.personaId);
  const height = Math.max(EMOTION_HEIGHT, (personas.length + 2) * lh + 2 * PAD);
  const top = y + 18;
  const bottom = y + height - 18;
  const yOf = (e: number) => bottom - ((e + 2) / 4) * (bottom - top);
  const xOf = new Map<string, number>();
  m.journey.stages.forEach((s, i) => {
    const steps = m.journey.steps.filter((step) => step.stageId === s.id);
    steps.forEach((step, k) => {
      xOf.set(step.id, lw + i * sw + ((k + 0.5) * sw) / steps.length);
    });
  });
  out.push(`<g class="lane lane-emotions" data-lane="${escapeXml(row.lane.id)}">`);
  out.push(`<rect x="0" y="${num(y)}" width="${width}" height="${height}" class="lane-bg"/>`);
  out.push(
    `<text x="${PAD}" y="${num(y + PAD + 0.8 * lh)}" class="lane-label">${escapeXml(row.lane.label ?? 'Emotion')}</text>`,
  );
  for (const e of [-2, -1, 0, 1, 2]) {
    out.push(
      `<line x1="${lw}" y1="${num(yOf(e))}" x2="${width}" y2="${num(yOf(e))}" class="${e === 0 ? 'zero' : 'grid'}"/>`,
    );
    out.push(
      `<text x="${lw - 6}" y="${num(yOf(e) + 4)}" text-anchor="end" class="axis">${e > 0 ? `+${e}` : e}</text>`,
    );
  }
  const curve = (points: Array<[number, number]>, cls: string, colour?: string, label?: string) => {
    if (points.length === 0) return;
    const d = points.map(([px, py], k) => `${k === 0 ? 'M' : 'L'}${num(px)} ${num(py)}`).join(' ');
    const stroke = colour ? ` stroke="${colour}"` : '';
    out.push(
      `<path class="${cls}"${stroke} d="${d}">${label ? `<title>${escapeXml(label)}</title>` : ''}</path>`,
    );
    if (colour)
      for (const [px, py] of points)
        out.push(`<circle cx="${num(px)}" cy="${num(py)}" r="4" fill="${colour}"/>`);
  };
  const expected = m.journey.steps.flatMap((s) =>
    s.expectedEmotion === undefined ? [] : [[xOf.get(s.id)!, yOf(s.expectedEmotion)] as [number, number]],
  );
  curve(expected, 'expected', undefined, 'Expected emotion');
  out.push(`<text x="${PAD}" y="${num(y + PAD + 1.8 * lh)}" class="axis">- - expected</text>`);
  const order = new Map(m.journey.steps.map((s, i) => [s.id, i]));
  const stageOrder = new Map(m.journey.stages.map((s, i) => [s.id, i]));
  const stageOf = new Map(m.journey.steps.map((s) => [s.id, stageOrder.get(s.stageId)!]));
  personas.forEach((r, k) => {
    const c = m.emotionCurves.find((cv) => cv.personaId === r.personaId)!;
    const colour =
      PERSONA_COLOURS[m.personas.findIndex((p) => p.id === c.personaId) % PERSONA_COLOURS.length]!;
    const pts = [...c.points]
      .sort(
        (a, b) =>
          stageOf.get(a.stepId)! - stageOf.get(b.stepId)! || order.get(a.stepId)! - order.get(b.stepId)!,
      )
      .map((p) => [xOf.get(p.stepId)!, yOf(p.emotion)] as [number, number]);
    const name = r.label.slice(r.label.indexOf(':') + 2);
    curve(pts, 'curve', colour, name);
    const ly = y + PAD + (k + 2.8) * lh;
    out.push(
      `<line x1="${PAD}" y1="${num(ly - 4)}" x2="${PAD + 18}" y2="${num(ly - 4)}" stroke="${colour}" stroke-width="3"/>`,
    );
    out.push(`<text x="${PAD + 24}" y="${num(ly)}" font-size="${fs - 1}">${escapeXml(name)}</text>`);
  });
  out.push('</g>');
  return y + height;
}
