import type { JourneyMap, JourneyMapInput } from './document.js';
import { mapGrid } from './grid.js';
import { parseMap } from './parse.js';

const escapeCell = (text: string) =>
  text
    .replace(/[\\`*_[\]|]/g, (c) => `\\${c}`)
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replace(/\r?\n/g, ' ');

/**
 * Renders a map as a GitHub-flavoured Markdown table in the spreadsheet layout: stages as columns, lanes as rows
 * (one emotion row per persona), several items in a cell separated by `<br>`. Markdown punctuation is escaped.
 *
 * @param map - A map, parsed or built in code.
 * @returns Markdown text ending in a newline.
 * @throws {@link @cx/model!CxValidationError} when the map is invalid.
 * @example
 * ```ts
 * import { toMarkdownTable } from '@cx/map';
 * const md = toMarkdownTable({
 *   formatVersion: 1,
 *   journey: {
 *     id: 'j', name: 'J', version: 1, stages: [{ id: 'use', labels: { en: 'Use' } }],
 *     steps: [{ id: 's', stageId: 'use', name: 'Unboxes' }],
 *   },
 *   lanes: [{ id: 'steps', kind: 'steps' }],
 * });
 * console.log(md); // '| Lane | Use |\n| --- | --- |\n| Steps | Unboxes |\n'
 * ```
 * @category Export
 * @since 0.1.0
 */
export function toMarkdownTable(map: JourneyMap | JourneyMapInput): string {
  const { stages, rows } = mapGrid(parseMap(map));
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return `${[
    line(['Lane', ...stages.map((s) => escapeCell(s.labels.en))]),
    line(['---', ...stages.map(() => '---')]),
    ...rows.map((r) => line([escapeCell(r.label), ...r.cells.map((c) => c.map(escapeCell).join('<br>'))])),
  ].join('\n')}\n`;
}
