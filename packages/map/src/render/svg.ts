import type { JourneyMap, JourneyMapInput } from '../format/document.js';
import type { ReadonlyDeep } from '../format/readonly-deep.js';
import { type GridRow, LAYER_LABELS, mapGrid } from '../grid/rows.js';
import { checkOptions } from '../options.js';
import { parseMap } from '../parse.js';
import { scenarioView } from '../scenario.js';
import { emotionLane } from './emotions.js';
import { type Layout, type RenderSvgOptions, resolveLayout, svgOptionsSchema } from './options.js';
import { mapStyles } from './styles.js';
import { escapeXml, num, wrap } from './text-layout.js';

const PAD = 10;
const TOP = 44;

/** Lines of the service blueprint, drawn below the named layer. */
const BLUEPRINT_LINES: Readonly<Record<string, string>> = {
  'customer-action': 'line of interaction',
  frontstage: 'line of visibility',
  backstage: 'line of internal interaction',
};

function star(cx: number, cy: number, r: number): string {
  const points: string[] = [];
  for (let k = 0; k < 10; k++) {
    const a = -Math.PI / 2 + (k * Math.PI) / 5;
    const rr = k % 2 === 0 ? r : r * 0.45;
    points.push(`${k === 0 ? 'M' : 'L'}${num(cx + rr * Math.cos(a))} ${num(cy + rr * Math.sin(a))}`);
  }
  return `${points.join(' ')} Z`;
}

/** One row of items: label, items per stage (wrapped), icons; returns the y below it. */
function itemRow(row: GridRow, y: number, g: Layout, width: number, out: string[]): number {
  const { lw, sw, fs, lh } = g;
  const text = (x: number, ty: number, s: string, attrs = '') =>
    `<text x="${num(x)}" y="${num(ty)}"${attrs}>${escapeXml(s)}</text>`;
  const kind = row.lane.kind;
  const icon = kind === 'pain-points' ? 'pain' : kind === 'moments-of-truth' ? 'mot' : undefined;
  const inner = sw - 2 * PAD - (icon ? 16 : 0);
  const cells = row.cells.map((items) => items.map((item) => wrap(item, inner, fs)));
  const label = row.layer !== undefined ? LAYER_LABELS[row.layer] : row.label;
  const line = row.layer !== undefined ? BLUEPRINT_LINES[row.layer] : undefined;
  const labelLines = wrap(label.charAt(0).toUpperCase() + label.slice(1), lw - 2 * PAD, fs);
  const lines = cells.reduce(
    (most, c) => Math.max(most, c.reduce((n, item) => n + item.length, 0) + Math.max(0, c.length - 1) * 0.4),
    labelLines.length + (line ? 1 : 0),
  );
  const height = Math.max(40, Math.ceil(lines * lh + 2 * PAD));
  out.push(`<rect x="0" y="${num(y)}" width="${width}" height="${height}" class="lane-bg"/>`);
  labelLines.forEach((l, k) => {
    out.push(text(PAD, y + PAD + (k + 0.8) * lh, l, ' class="lane-label"'));
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
      const toBe = item.at(-1)?.endsWith('(scenario: to-be)') ? ' class="to-be"' : '';
      item.forEach((l, k) => {
        out.push(text(x + (icon ? 16 : 0), cy + (k + 0.8) * lh, l, toBe));
      });
      cy += item.length * lh + 0.4 * lh;
    }
  });
  if (line) {
    const ly = y + height;
    out.push(`<line x1="0" y1="${num(ly)}" x2="${width}" y2="${num(ly)}" class="bp-line"/>`);
    out.push(text(PAD, ly - 4, line, ' class="bp-line-label"'));
  }
  return y + height;
}

/**
 * Renders a map as a self-contained SVG: stages across, lanes down, one emotion curve per persona (dashed grey for
 * the expected emotion), the service blueprint with its lines of interaction, visibility and internal interaction,
 * icons for pain points (red triangle) and moments of truth (star), KPIs with measured values. Text is wrapped with
 * estimated font metrics, so no browser is needed; the same map and options always give the same bytes. Styles
 * are scoped to the SVG's own id, so the host page is never restyled.
 *
 * @param map - A map, parsed or built in code.
 * @param options - Sizes (range-checked), id prefix, language, container width, scenario.
 * @returns SVG markup with `role="img"`, a `<title>` and a `<desc>`.
 * @throws {@link @cx/model!CxValidationError} when the map is invalid.
 * @throws {@link @cx/model!CxOptionsError} for an unknown option or a size out of range (e.g. `stageWidth: 10`), or an
 * `idPrefix` that is not a plain name.
 * @example
 * ```ts
 * import { renderSvg } from '@cx/map';
 * const svg = renderSvg(
 *   { formatVersion: 2, journey: { id: 'j', name: 'Shop', version: 1, stages: [{ id: 'use', labels: { en: 'Use' } }] } },
 *   { idPrefix: 'shop-map' },
 * );
 * console.log(svg.includes('id="shop-map"'), svg.includes('#shop-map text{')); // true true
 * ```
 * @category Rendering
 * @since 0.1.0
 */
export function renderSvg(
  map: JourneyMap | ReadonlyDeep<JourneyMapInput>,
  options?: RenderSvgOptions,
): string {
  const opts = checkOptions(svgOptionsSchema, options, 'renderSvg');
  const m = opts.scenario === undefined ? parseMap(map) : scenarioView(map, opts.scenario);
  return drawSvg(m, resolveLayout(opts, m.journey.stages.length));
}

/** Draws a parsed map with a resolved layout. @internal */
export function drawSvg(m: JourneyMap, g: Layout): string {
  const { lw, sw, fs, lh, id, lang } = g;
  const { stages, rows } = mapGrid(m);
  const width = lw + sw * stages.length;
  const out: string[] = [];
  out.push(`<text x="${PAD}" y="28" class="title">${escapeXml(m.journey.name)}</text>`);
  let y = TOP;
  const headerLines = stages.map((s) => wrap(s.labels[lang] ?? s.labels.en, sw - 2 * PAD, fs + 1));
  const headerHeight = headerLines.reduce((most, l) => Math.max(most, l.length), 1) * lh + 2 * PAD;
  stages.forEach((s, i) => {
    const x = lw + i * sw;
    out.push(`<g class="stage" data-stage="${escapeXml(s.id)}">`);
    out.push(`<rect x="${x}" y="${y}" width="${sw}" height="${headerHeight}" class="stage-head s${i % 2}"/>`);
    headerLines[i]!.forEach((line, k) => {
      out.push(
        `<text x="${num(x + PAD)}" y="${num(y + PAD + (k + 0.8) * lh)}" class="stage-label">${escapeXml(line)}</text>`,
      );
    });
    out.push('</g>');
  });
  y += headerHeight;
  const byLane = new Map<string, GridRow[]>();
  for (const row of rows) {
    const list = byLane.get(row.lane.id) ?? [];
    list.push(row);
    byLane.set(row.lane.id, list);
  }
  for (const lane of m.lanes) {
    if (lane.kind === 'emotions') {
      y = emotionLane(m, lane, y, g, out);
      continue;
    }
    out.push(`<g class="lane lane-${lane.kind}" data-lane="${escapeXml(lane.id)}">`);
    for (const row of byLane.get(lane.id) ?? []) y = itemRow(row, y, g, width, out);
    out.push('</g>');
  }
  for (let i = 0; i <= stages.length; i++)
    out.push(`<line x1="${lw + i * sw}" y1="${TOP}" x2="${lw + i * sw}" y2="${num(y)}" class="sep"/>`);
  const height = Math.ceil(y + PAD);
  const description = `Journey map of "${m.journey.name}": ${stages.length} stages (${stages.map((s) => s.labels[lang] ?? s.labels.en).join(', ')}), ${m.journey.steps.length} steps, ${m.personas.length} personas, ${m.journey.painPoints.length} pain points.`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" id="${id}" class="cx-journey-map" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="Helvetica, Arial, sans-serif" font-size="${fs}">`,
    `<title id="${id}-title">${escapeXml(m.journey.name)}</title>`,
    `<desc id="${id}-desc">${escapeXml(description)}</desc>`,
    `<style>${mapStyles(g)}</style>`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    ...out,
    '</svg>',
    '',
  ].join('\n');
}
