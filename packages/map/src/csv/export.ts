import { CxValidationError } from '@cx/model';
import { z } from 'zod';
import type { JourneyMap, JourneyMapInput } from '../format/document.js';
import type { ReadonlyDeep } from '../format/readonly-deep.js';
import { flatten } from '../grid/items.js';
import { mapGrid } from '../grid/rows.js';
import type { Conversion, MapLoss } from '../losses.js';
import { checkOptions } from '../options.js';
import { parseMap } from '../parse.js';
import { roundTripLosses } from '../roundtrip.js';
import { guardCell } from './formula-guard.js';
import { fromCsv } from './import.js';
import { writeCsv } from './text.js';

/**
 * Options of {@link toCsv}.
 *
 * @category Conversion
 * @since 0.2.0
 */
export interface ToCsvOptions {
  /**
   * Prefix cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage
   * return, except plain numbers such as `-1`) with an apostrophe, and cells starting with an apostrophe with one
   * more; {@link fromCsv} removes it again. Default true. Turn it off only for CSV that no spreadsheet will open.
   */
  readonly formulaGuard?: boolean;
}

const optionsSchema = z.strictObject({ formulaGuard: z.boolean().optional() });

/**
 * Exports a map as CSV in the spreadsheet layout: a header row `Lane, <stage labels…>`, then one row per lane
 * (one per persona for emotions and thoughts, one per layer for the blueprint), several items in a cell on
 * separate lines (RFC 4180 quoting, CRLF). Links between items travel as groups such as `(step: Pays by card)`.
 *
 * The losses are found by reading the CSV back with {@link fromCsv} and comparing with the map, so they list
 * exactly what a round trip loses (ids, journey details, KPIs, evidence, …), each with its path.
 *
 * @param map - A map, parsed or built in code.
 * @param options - The spreadsheet formula guard.
 * @returns The CSV text and its losses.
 * @throws {@link @cx/model!CxValidationError} when the map is invalid.
 * @throws {@link @cx/model!CxOptionsError} for an unknown option (naming the closest known one) or a value out of range.
 * @example
 * ```ts
 * import { toCsv } from '@cx/map';
 * const { value } = toCsv({
 *   formatVersion: 2,
 *   journey: {
 *     id: 'j', name: 'J', version: 1, stages: [{ id: 'use', labels: { en: 'Use' } }],
 *     steps: [{ id: 'a', stageId: 'use', name: '=HYPERLINK("http://x.example")' }],
 *   },
 *   lanes: [{ id: 'steps', kind: 'steps' }],
 * });
 * console.log(value); // Lane,Use / Steps,"'=HYPERLINK(""http://x.example"")" (the apostrophe keeps it text)
 * ```
 * @category Conversion
 * @since 0.1.0
 */
export function toCsv(
  map: JourneyMap | ReadonlyDeep<JourneyMapInput>,
  options?: ToCsvOptions,
): Conversion<string> {
  const { formulaGuard = true } = checkOptions(optionsSchema, options, 'toCsv');
  const m = parseMap(map);
  const { stages, rows } = mapGrid(m, { customLabels: false });
  const cell = (text: string) => (formulaGuard ? guardCell(text) : text);
  const table = [
    ['Lane', ...stages.map((s) => flatten(s.labels.en))].map(cell),
    ...rows.map((row) => [row.label, ...row.cells.map((items) => items.map(flatten).join('\n'))].map(cell)),
  ];
  const text = writeCsv(table);
  return { value: text, losses: spreadsheetLosses(m, text, formulaGuard, 'CSV') };
}

/** The losses of the spreadsheet layout: what fromCsv reads back, compared with the map. @internal */
export function spreadsheetLosses(
  m: JourneyMap,
  csv: string,
  formulaGuard: boolean,
  form: string,
): MapLoss[] {
  try {
    return roundTripLosses(m, fromCsv(csv, { idsFrom: m, formulaGuard }).value, form);
  } catch (error) {
    if (!(error instanceof CxValidationError)) throw error;
    return [
      { path: [], code: 'ambiguous_text', message: `The ${form} cannot be read back: ${error.message}` },
    ];
  }
}
