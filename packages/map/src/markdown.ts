import { spreadsheetLosses } from './csv/export.js';
import { writeCsv } from './csv/text.js';
import type { JourneyMap, JourneyMapInput } from './format/document.js';
import type { ReadonlyDeep } from './format/readonly-deep.js';
import { flatten } from './grid/items.js';
import { mapGrid } from './grid/rows.js';
import type { Conversion } from './losses.js';
import { parseMap } from './parse.js';

const escapeCell = (text: string) =>
  flatten(text)
    .replace(/[\\`*_[\]|]/g, (c) => `\\${c}`)
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');

/**
 * Renders a map as a GitHub-flavoured Markdown table in the spreadsheet layout of {@link toCsv}: stages as
 * columns, lanes as rows, several items in a cell separated by `<br>`. Markdown punctuation and HTML are escaped.
 * The losses are those of the same layout as CSV (the table carries what the CSV carries).
 *
 * @param map - A map, parsed or built in code.
 * @returns Markdown text ending in a newline, and its losses.
 * @throws {@link @cx/model!CxValidationError} when the map is invalid.
 * @example
 * ```ts
 * import { toMarkdownTable } from '@cx/map';
 * const { value } = toMarkdownTable({
 *   formatVersion: 2,
 *   journey: {
 *     id: 'j', name: 'J', version: 1, stages: [{ id: 'use', labels: { en: 'Use' } }],
 *     steps: [{ id: 's', stageId: 'use', name: 'Unboxes' }],
 *   },
 *   lanes: [{ id: 'steps', kind: 'steps' }],
 * });
 * console.log(value); // '| Lane | Use |\n| --- | --- |\n| Steps | Unboxes |\n'
 * ```
 * @category Conversion
 * @since 0.1.0
 */
export function toMarkdownTable(map: JourneyMap | ReadonlyDeep<JourneyMapInput>): Conversion<string> {
  const m = parseMap(map);
  const { stages, rows } = mapGrid(m, { customLabels: false });
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const text = `${[
    line(['Lane', ...stages.map((s) => escapeCell(s.labels.en))]),
    line(['---', ...stages.map(() => '---')]),
    ...rows.map((r) => line([escapeCell(r.label), ...r.cells.map((c) => c.map(escapeCell).join('<br>'))])),
  ].join('\n')}\n`;
  const csv = writeCsv([
    ['Lane', ...stages.map((s) => flatten(s.labels.en))],
    ...rows.map((r) => [r.label, ...r.cells.map((c) => c.map(flatten).join('\n'))]),
  ]);
  return { value: text, losses: spreadsheetLosses(m, csv, false, 'Markdown table') };
}
