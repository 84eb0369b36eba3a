/**
 * Decimal separator of a number column: `'.'` (1,234.50), `','` (1 234,50 or 1.234,50), or `'auto'`, which reads
 * only the forms whose separator is certain and rejects the others (`1,234` or `1.234` alone) as ambiguous.
 *
 * @category Numbers
 * @since 0.1.0
 */
export type DecimalSeparator = '.' | ',' | 'auto';

/** Why the last call of {@link parseDecimalBytes} returned `NaN` (internal). */
export type NumberErrorCode = 'invalid_number' | 'ambiguous_number' | 'number_too_large';

/** Error of the last failing parse, and the currency token found by the last money parse (internal). */
export const numberState = { code: 'invalid_number' as NumberErrorCode, currencyFrom: -1, currencyTo: -1 };

const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
  1e20, 1e21, 1e22,
];
const SEP_NONE = 0;
const SEP_DOT = 1;
const SEP_COMMA = 2;
const SEP_SPACE = 3; // ASCII space, NBSP or narrow NBSP: grouping only
const SEP_APOSTROPHE = 4; // Swiss grouping

let scratch = new Uint8Array(64);
const runStart = new Int32Array(64);
const runEnd = new Int32Array(64);
const sepKind = new Int32Array(64);

function fail(code: NumberErrorCode): number {
  numberState.code = code;
  return Number.NaN;
}

/** Length of a white-space character at `i` (space, NBSP, narrow NBSP), else 0. */
function spaceAt(buf: Uint8Array, i: number, to: number): number {
  const b = buf[i];
  if (b === 32) return 1;
  if (b === 0xc2 && i + 1 < to && buf[i + 1] === 0xa0) return 2;
  if (b === 0xe2 && i + 2 < to && buf[i + 1] === 0x80 && buf[i + 2] === 0xaf) return 3;
  return 0;
}

/** Length of a minus sign at `i` (`-` or U+2212), else 0. */
function minusAt(buf: Uint8Array, i: number, to: number): number {
  const b = buf[i];
  if (b === 45) return 1;
  if (b === 0xe2 && i + 2 < to && buf[i + 1] === 0x88 && buf[i + 2] === 0x92) return 3;
  return 0;
}

/** `to` moved back over trailing white space (space, NBSP, narrow NBSP). */
function trimEnd(buf: Uint8Array, from: number, to: number): number {
  for (;;) {
    if (to > from && buf[to - 1] === 32) to--;
    else if (to - 1 > from && buf[to - 1] === 0xa0 && buf[to - 2] === 0xc2) to -= 2;
    else if (to - 2 > from && buf[to - 1] === 0xaf && buf[to - 2] === 0x80 && buf[to - 3] === 0xe2) to -= 3;
    else return to;
  }
}

/** A sign at `i`: minus as minus its length (`-1` for `-`, `-3` for U+2212), `+` as 1, no sign as 0. */
function signAt(buf: Uint8Array, i: number, to: number): number {
  const n = minusAt(buf, i, to);
  if (n > 0) return -n;
  return buf[i] === 43 ? 1 : 0;
}

function isDigit(b: number | undefined): boolean {
  return b !== undefined && b >= 48 && b <= 57;
}

/** Whether byte `b` can be part of a currency token (letters, symbols, UTF-8 non-ASCII). */
function isCurrencyByte(b: number): boolean {
  return (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b >= 0x80 || b === 36;
}

/**
 * The number written in `buf[from, to)` under the one numbers grammar of the ingestion layer, or `NaN` with
 * `numberState.code` set (internal; no string is created for up to 15 significant digits).
 *
 * Accepted: an optional sign (`-`, `+`, U+2212 minus, or parentheses around the whole for accounting negatives),
 * digits with grouping (`,` `.` space, NBSP, narrow NBSP or `'`, groups of three), one decimal separator, and in the
 * plain form an exponent (`1.5e3`). With `money`, a currency token (letters or a symbol such as `zł`, `€`, `$`,
 * `PLN`) may stand before or after the number, with or without a space; its bytes are left in `numberState`.
 * Rejected: hexadecimal, `Infinity`, `NaN`, anything else, and under `'auto'` a single `,` or `.` followed by
 * exactly three digits after one to three leading digits (`1,234`), which has two readings.
 */
export function parseDecimalBytes(
  buf: Uint8Array,
  from: number,
  to: number,
  decimal: DecimalSeparator,
  money: boolean,
): number {
  numberState.currencyFrom = -1;
  numberState.currencyTo = -1;
  let n: number;
  // Trim white space.
  while (from < to && (n = spaceAt(buf, from, to)) > 0) from += n;
  to = trimEnd(buf, from, to);
  if (from >= to) return fail('invalid_number');
  let negative = false;
  if (buf[from] === 40 && buf[to - 1] === 41) {
    negative = true;
    from++;
    to--;
  }
  let signs = negative ? 1 : 0;
  // A sign at `from` (no closure: one per call cost a function object per cell)
  if ((n = signAt(buf, from, to)) !== 0) {
    if (n < 0) negative = true;
    signs++;
    from += Math.abs(n);
  }
  if (money) {
    // Currency before the number.
    let p = from;
    while (p < to && isCurrencyByte(buf[p] as number) && minusAt(buf, p, to) === 0) p++;
    if (p > from) {
      numberState.currencyFrom = from;
      numberState.currencyTo = p;
      from = p;
      while (from < to && (n = spaceAt(buf, from, to)) > 0) from += n;
      if ((n = signAt(buf, from, to)) !== 0) {
        if (n < 0) negative = true;
        signs++;
        from += Math.abs(n);
      }
    } else {
      // Currency after the number.
      let q = to;
      while (q > from && isCurrencyByte(buf[q - 1] as number)) q--;
      if (q < to && q > from) {
        numberState.currencyFrom = q;
        numberState.currencyTo = to;
        to = q;
        to = trimEnd(buf, from, to);
      }
    }
  }
  if (signs > 1 || from >= to) return fail('invalid_number');
  // Digit runs and the separators between them.
  let runs = 0;
  let pos = from;
  let exponentAt = -1;
  for (;;) {
    const start = pos;
    while (pos < to && isDigit(buf[pos])) pos++;
    if (runs === 64) return fail('invalid_number');
    runStart[runs] = start;
    runEnd[runs] = pos;
    runs++;
    if (pos >= to) break;
    const b = buf[pos] as number;
    let kind = SEP_NONE;
    let width = 1;
    if (b === 46) kind = SEP_DOT;
    else if (b === 44) kind = SEP_COMMA;
    else if (b === 39) kind = SEP_APOSTROPHE;
    else if ((width = spaceAt(buf, pos, to)) > 0) kind = SEP_SPACE;
    else if ((b === 101 || b === 69) && pos > start) {
      exponentAt = pos;
      break;
    } else return fail('invalid_number');
    sepKind[runs] = kind;
    pos += width;
  }
  const seps = runs - 1;
  // An exponent only in the plain form: digits, at most one ".", then e.
  if (exponentAt >= 0 && (seps > 1 || (seps === 1 && sepKind[1] !== SEP_DOT) || decimal === ','))
    return fail('invalid_number');
  // Which separator is the decimal one (index of the run after it), or none.
  let fractionRun = -1;
  let grouping = SEP_NONE;
  const decimalKind = decimal === '.' ? SEP_DOT : decimal === ',' ? SEP_COMMA : SEP_NONE;
  if (seps > 0) {
    const last = sepKind[seps] as number;
    let distinct = SEP_NONE;
    let mixed = false;
    for (let k = 1; k < seps; k++) {
      const s = sepKind[k] as number;
      if (distinct === SEP_NONE) distinct = s;
      else if (s !== distinct) mixed = true;
    }
    if (mixed) return fail('invalid_number');
    if (decimalKind !== SEP_NONE) {
      if (last === decimalKind) {
        fractionRun = seps;
        grouping = distinct;
      } else {
        grouping = last;
        if (distinct !== SEP_NONE && distinct !== last) return fail('invalid_number');
      }
      if (grouping === decimalKind) return fail('invalid_number');
    } else if (distinct !== SEP_NONE && distinct !== last) {
      // Two kinds: the last, single one is the decimal separator.
      if (last !== SEP_DOT && last !== SEP_COMMA) return fail('invalid_number');
      fractionRun = seps;
      grouping = distinct;
    } else if (last === SEP_SPACE || last === SEP_APOSTROPHE || seps > 1) {
      grouping = last;
    } else {
      // One `,` or `.`: a decimal separator unless it could also be grouping.
      const lead = (runEnd[0] as number) - (runStart[0] as number);
      const tail = (runEnd[1] as number) - (runStart[1] as number);
      const leadZero = lead >= 1 && buf[runStart[0] as number] === 48;
      if (tail === 3 && lead >= 1 && lead <= 3 && !leadZero && exponentAt < 0)
        return fail('ambiguous_number');
      fractionRun = 1;
    }
  }
  if (
    grouping === SEP_DOT ||
    grouping === SEP_COMMA ||
    grouping === SEP_SPACE ||
    grouping === SEP_APOSTROPHE
  ) {
    if (exponentAt >= 0) return fail('invalid_number');
    const integerRuns = fractionRun < 0 ? runs : fractionRun;
    const lead = (runEnd[0] as number) - (runStart[0] as number);
    if (lead < 1 || lead > 3) return fail('invalid_number');
    for (let k = 1; k < integerRuns; k++)
      if ((runEnd[k] as number) - (runStart[k] as number) !== 3) return fail('invalid_number');
  }
  // Every run but a leading one before the decimal separator (".5") must have digits.
  for (let k = 0; k < runs; k++) {
    const len = (runEnd[k] as number) - (runStart[k] as number);
    if (len === 0 && !(k === 0 && fractionRun === 1)) return fail('invalid_number');
  }
  let mantissa = 0;
  let digits = 0;
  let significant = 0;
  let fraction = 0;
  for (let k = 0; k < runs; k++) {
    for (let i = runStart[k] as number; i < (runEnd[k] as number); i++) {
      const d = (buf[i] as number) - 48;
      if (significant > 0 || d !== 0) significant++;
      mantissa = mantissa * 10 + d;
      digits++;
      if (k === fractionRun) fraction++;
    }
  }
  if (digits === 0) return fail('invalid_number');
  let value: number;
  if (exponentAt < 0 && significant <= 15 && fraction <= 22) {
    value = mantissa / (POW10[fraction] as number);
  } else {
    // Long or exponent forms: normalized ASCII text through the engine's correctly rounded decimal conversion.
    if (scratch.length < digits + (to - exponentAt) + 2)
      scratch = new Uint8Array(2 * (digits + to - from + 2));
    let w = 0;
    for (let k = 0; k < runs; k++) {
      if (k === fractionRun) scratch[w++] = 46;
      for (let i = runStart[k] as number; i < (runEnd[k] as number); i++) scratch[w++] = buf[i] as number;
    }
    if (exponentAt >= 0) {
      scratch[w++] = 101;
      let p = exponentAt + 1;
      if (buf[p] === 43 || buf[p] === 45) scratch[w++] = buf[p++] as number;
      const start = p;
      while (p < to && isDigit(buf[p])) scratch[w++] = buf[p++] as number;
      if (p !== to || p === start) return fail('invalid_number');
    }
    let text = '';
    for (let i = 0; i < w; i++) text += String.fromCharCode(scratch[i] as number);
    value = Number(text);
    if (!Number.isFinite(value)) return fail('number_too_large');
  }
  return negative && value !== 0 ? -value : value;
}
