import { z } from 'zod';
import type { JourneyMap, JourneyMapInput } from '../format/document.js';
import type { ReadonlyDeep } from '../format/readonly-deep.js';
import { mapGrid } from '../grid/rows.js';
import { checkOptions } from '../options.js';
import { parseMap } from '../parse.js';
import { scenarioView } from '../scenario.js';
import { type RenderSvgOptions, resolveLayout, svgOptionsShape } from './options.js';
import { drawSvg } from './svg.js';
import { escapeXml } from './text-layout.js';

/**
 * Options of {@link renderHtml}.
 *
 * @category Rendering
 * @since 0.1.0
 */
export interface RenderHtmlOptions extends RenderSvgOptions {
  /** Page title; defaults to `<journey name> – journey map`. */
  readonly title?: string;
}

const optionsSchema = z.strictObject({ ...svgOptionsShape, title: z.string().min(1).optional() });

/**
 * Renders a standalone, accessible HTML page: the SVG map in a container that scrolls sideways when the map is
 * wider than the window (every stage stays reachable; the page itself never scrolls sideways), the same content as
 * a data table with row and column headers for screen readers and copying, and no external resources.
 *
 * @param map - A map, parsed or built in code.
 * @param options - Page title and the {@link RenderSvgOptions}.
 * @returns A complete HTML document.
 * @throws {@link @cx/model!CxValidationError} when the map is invalid.
 * @throws {@link @cx/model!CxOptionsError} for an unknown option (naming the closest known one) or a value out of range.
 * @example
 * ```ts
 * import { renderHtml } from '@cx/map';
 * const html = renderHtml({
 *   formatVersion: 2,
 *   journey: { id: 'j', name: 'Shop', version: 1, stages: [{ id: 'use', labels: { en: 'Use' } }] },
 * });
 * console.log(html.startsWith('<!doctype html>')); // true
 * ```
 * @category Rendering
 * @since 0.1.0
 */
export function renderHtml(
  map: JourneyMap | ReadonlyDeep<JourneyMapInput>,
  options?: RenderHtmlOptions,
): string {
  const { title: pageTitle, ...svgOptions } = checkOptions(optionsSchema, options, 'renderHtml');
  const m = svgOptions.scenario === undefined ? parseMap(map) : scenarioView(map, svgOptions.scenario);
  const layout = resolveLayout(svgOptions, m.journey.stages.length);
  const lang = layout.lang;
  const title = pageTitle ?? `${m.journey.name} – journey map`;
  const { stages, rows } = mapGrid(m);
  const cell = (items: readonly string[]) =>
    items.length === 0
      ? '<td></td>'
      : `<td><ul>${items.map((i) => `<li>${escapeXml(i)}</li>`).join('')}</ul></td>`;
  const table = [
    '<table>',
    `<caption>${escapeXml(m.journey.name)}: lanes by stage</caption>`,
    `<thead><tr><th scope="col">Lane</th>${stages.map((s) => `<th scope="col">${escapeXml(s.labels[lang] ?? s.labels.en)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...rows.map((r) => `<tr><th scope="row">${escapeXml(r.label)}</th>${r.cells.map(cell).join('')}</tr>`),
    '</tbody>',
    '</table>',
  ].join('\n');
  const meta = [
    `Version ${m.journey.version}`,
    `status ${m.journey.status}`,
    ...(m.journey.owner ? [`owner ${m.journey.owner}`] : []),
    ...(m.journey.lastReviewedAt ? [`last reviewed ${m.journey.lastReviewedAt}`] : []),
  ].join(', ');
  return `<!doctype html>
<html lang="${escapeXml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(title)}</title>
<style>
body{font-family:Helvetica,Arial,sans-serif;margin:1.5rem;color:#111;background:#fff}
figure{margin:0;max-width:100%}
.map-scroll,.table-scroll{overflow-x:auto;max-width:100%}
.map-scroll>svg{display:block}
table{border-collapse:collapse;margin-top:1rem}
th,td{border:1px solid #c8ced6;padding:.4rem .6rem;vertical-align:top;text-align:left}
td ul{margin:0;padding-left:1.1rem}
caption{text-align:left;font-weight:bold;margin-bottom:.4rem}
</style>
</head>
<body>
<main>
<h1>${escapeXml(m.journey.name)}</h1>
${m.journey.description ? `<p>${escapeXml(m.journey.description)}</p>\n` : ''}<p>${escapeXml(meta)}</p>
<figure>
<div class="map-scroll" tabindex="0" role="region" aria-label="Journey map (scrolls sideways)">
${drawSvg(m, layout).trimEnd()}
</div>
<figcaption>Journey map: stages across, lanes down. The same content follows as a table.</figcaption>
</figure>
<h2>Map as a table</h2>
<div class="table-scroll" tabindex="0" role="region" aria-label="Map as a table (scrolls sideways)">
${table}
</div>
</main>
</body>
</html>
`;
}
