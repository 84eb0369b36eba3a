import { CxValidationError, parseOptions } from '@cx/model';
import { z } from 'zod';
import { MESSAGES } from '../mapping/field-reader.js';
import { issueCodeOf } from '../records/dead-letter.js';
import { type DecimalSeparator, numberState, parseDecimalBytes } from './number.js';

const encoder = new TextEncoder();
const optionsSchema = z.strictObject({ decimal: z.enum(['.', ',', 'auto']).optional() });

/**
 * Options of {@link parseNumber}.
 *
 * @category Numbers
 * @since 0.1.0
 */
export interface ParseNumberOptions {
  /** Decimal separator: `'.'`, `','`, or `'auto'` (default), which refuses the forms that read two ways. */
  readonly decimal?: DecimalSeparator;
}

/**
 * Reads one number written as text by the numbers grammar of the ingestion layer — the grammar `readRecords` and
 * `readColumns` apply to number cells — for values that come one at a time (an API payload's `"1200.50"`, a
 * header): an optional sign (or accounting parentheses), digits grouped by threes, one decimal separator, an
 * exponent in the plain form. Hexadecimal, `Infinity`, `NaN` and anything else are refused.
 *
 * @param text - The text.
 * @param options - The decimal separator.
 * @returns The number (finite).
 * @throws {@link @cx/model!CxValidationError} with code `invalid_number`, `ambiguous_value` (`1,234` under
 *   `'auto'`) or `out_of_range` (not finite), and the text in the message.
 * @throws {@link @cx/model!CxOptionsError} for an unknown option or separator.
 * @example
 * ```ts
 * import { parseNumber } from '@cx/ingest';
 * console.log(parseNumber('1200.50'), parseNumber('1 234,5', { decimal: ',' }), parseNumber('(12)')); // 1200.5 1234.5 -12
 * try { parseNumber('0x1A'); } catch (e) { console.log((e as { issues: Array<{ code: string }> }).issues[0]?.code); } // 'invalid_number'
 * ```
 * @category Numbers
 * @since 0.1.0
 */
export function parseNumber(text: string, options?: ParseNumberOptions): number {
  const { decimal = 'auto' } = parseOptions(optionsSchema, options, 'parseNumber');
  const bytes = typeof text === 'string' ? encoder.encode(text) : undefined;
  const value = bytes === undefined ? Number.NaN : parseDecimalBytes(bytes, 0, bytes.length, decimal, false);
  if (!Number.isNaN(value)) return value;
  const code = bytes === undefined ? 'invalid_number' : numberState.code;
  throw new CxValidationError([
    {
      path: [],
      code: issueCodeOf(code),
      message: `${MESSAGES[code] ?? 'Expected a number'}; got ${typeof text === 'string' ? JSON.stringify(text.length > 80 ? `${text.slice(0, 79)}…` : text) : typeof text}`,
    },
  ]);
}
