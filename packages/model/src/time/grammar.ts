import { daysFromCivil } from './civil.js';
import { MAX_INSTANT_MS, MIN_INSTANT_MS, MS_PER_HOUR, MS_PER_MINUTE } from './constants.js';
import { type Disambiguation, resolveLocalTime } from './zone.js';

/**
 * The one grammar for instants written as text (internal core, shared by the string and the byte readers).
 *
 * ```
 * instant  = date [ sep time [ zone ] ]
 * date     = YYYY "-" MM "-" DD                 ; 0000–9999, a real calendar date
 * sep      = "T" | " "
 * time     = HH ":" mm [ ":" ss [ "." 1*DIGIT ] ] ; 00–23, 00–59, 00–59; digits past milliseconds are truncated
 * zone     = [ " " ] ( "Z" | ("+" | "-") HH [ [":"] mm ] ) ; offsets up to ±18:00; one space before it
 *                                                  ; is allowed after a time (Shopify: 2024-03-02 09:13:51 +0100)
 * ```
 * A date without a time is midnight. A value without a zone is a local wall-clock time and needs a time zone.
 * The record form (what the model's schemas accept) is stricter: `T`, seconds and `Z` are required.
 */

/** Why a text is not an instant: a code and the 0-based offset of the first offending character. */
export interface GrammarFailure {
  reason: GrammarReason;
  at: number;
}

/** The reasons the core reports (internal). */
export type GrammarReason =
  | 'syntax'
  | 'epoch'
  | 'calendar'
  | 'range'
  | 'needs-zone'
  | 'record-form'
  | 'gap'
  | 'overlap';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function digits2(c: Uint8Array, i: number): number {
  const a = (c[i] as number) - 48;
  const b = (c[i + 1] as number) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * Writes why a text failed into `failure` (a syntax error reads as a record-form error in the record form) and
 * returns `NaN`; a module function rather than a closure per call, so that reading a cell allocates nothing.
 */
function failAt(
  failure: GrammarFailure | undefined,
  recordForm: boolean,
  start: number,
  reason: GrammarReason,
  at: number,
): number {
  if (failure !== undefined) {
    failure.reason = recordForm && reason === 'syntax' ? 'record-form' : reason;
    failure.at = at - start;
  }
  return Number.NaN;
}

/** How the core reads: zone for local times, policy for gaps and overlaps, and whether only the record form is allowed. */
export interface GrammarMode {
  readonly timeZone: string | undefined;
  readonly disambiguation: Disambiguation;
  readonly recordForm: boolean;
}

/**
 * Reads an instant from ASCII codes `c[start, end)`; returns epoch milliseconds, or `NaN` with the reason written into
 * `failure` when one is given (internal).
 */
export function readInstantCodes(
  c: Uint8Array,
  start: number,
  end: number,
  mode: GrammarMode,
  failure?: GrammarFailure,
): number {
  const length = end - start;
  if (length === 24 || length === 20) {
    const ms = readCanonical(c, start, length);
    if (!Number.isNaN(ms)) return ms;
  }
  return readInstantGeneral(c, start, end, mode, failure);
}

let lastDateKey = -1;
let lastDateDays = 0;

/**
 * The canonical forms `YYYY-MM-DDTHH:mm:ss.sssZ` (`toISOString`) and `YYYY-MM-DDTHH:mm:ssZ`, which every path of the
 * grammar reads the same way, without a branch per character class (internal). `NaN` sends the text to
 * {@link readInstantGeneral}, which reads it or says why not; the property test in `grammar.test.ts` holds the two
 * to the same values. The day number of the last date read is kept: consecutive events share their date.
 */
function readCanonical(c: Uint8Array, s: number, length: number): number {
  if (
    c[s + 4] !== 45 ||
    c[s + 7] !== 45 ||
    c[s + 10] !== 84 ||
    c[s + 13] !== 58 ||
    c[s + 16] !== 58 ||
    c[s + length - 1] !== 90
  )
    return Number.NaN;
  const y1 = digits2(c, s);
  const y2 = digits2(c, s + 2);
  const month = digits2(c, s + 5);
  const day = digits2(c, s + 8);
  const hour = digits2(c, s + 11);
  const minute = digits2(c, s + 14);
  const second = digits2(c, s + 17);
  let ms = 0;
  if (length === 24) {
    if (c[s + 19] !== 46) return Number.NaN;
    const m1 = (c[s + 20] as number) - 48;
    const m23 = digits2(c, s + 21);
    if (m1 < 0 || m1 > 9 || m23 < 0) return Number.NaN;
    ms = m1 * 100 + m23;
  }
  if ((y1 | y2 | month | day | hour | minute | second) < 0) return Number.NaN;
  if (hour > 23 || minute > 59 || second > 59) return Number.NaN;
  const year = y1 * 100 + y2;
  const key = year * 10_000 + month * 100 + day;
  let days: number;
  if (key === lastDateKey) days = lastDateDays;
  else {
    if (month < 1 || month > 12 || day < 1) return Number.NaN;
    if (day > (month === 2 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number))) return Number.NaN;
    days = daysFromCivil(year, month, day);
    lastDateKey = key;
    lastDateDays = days;
  }
  const epoch = ((days * 24 + hour) * 60 + minute) * MS_PER_MINUTE + second * 1000 + ms;
  return epoch < MIN_INSTANT_MS || epoch > MAX_INSTANT_MS ? Number.NaN : epoch;
}

/** Every form of the grammar, with the reason of a failure (internal). */
export function readInstantGeneral(
  c: Uint8Array,
  start: number,
  end: number,
  mode: GrammarMode,
  failure?: GrammarFailure,
): number {
  const length = end - start;
  if (length < 10) return failAt(failure, mode.recordForm, start, 'syntax', start + Math.max(0, length));
  const y1 = digits2(c, start);
  const y2 = digits2(c, start + 2);
  if (y1 < 0 || y2 < 0) return failAt(failure, mode.recordForm, start, 'syntax', start);
  if (c[start + 4] !== 45 || c[start + 7] !== 45)
    return failAt(failure, mode.recordForm, start, 'syntax', c[start + 4] !== 45 ? start + 4 : start + 7);
  const year = y1 * 100 + y2;
  const month = digits2(c, start + 5);
  const day = digits2(c, start + 8);
  if (month < 0) return failAt(failure, mode.recordForm, start, 'syntax', start + 5);
  if (day < 0) return failAt(failure, mode.recordForm, start, 'syntax', start + 8);
  if (month < 1 || month > 12) return failAt(failure, mode.recordForm, start, 'calendar', start + 5);
  const monthDays = month === 2 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  if (day < 1 || day > monthDays) return failAt(failure, mode.recordForm, start, 'calendar', start + 8);
  let i = start + 10;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let ms = 0;
  let hasTime = false;
  if (i < end) {
    const sep = c[i] as number;
    if (sep !== 84 && sep !== 32) return failAt(failure, mode.recordForm, start, 'syntax', i);
    if (mode.recordForm && sep !== 84) return failAt(failure, mode.recordForm, start, 'record-form', i);
    hasTime = true;
    i++;
    if (end - i < 5) return failAt(failure, mode.recordForm, start, 'syntax', i);
    hour = digits2(c, i);
    if (hour < 0) return failAt(failure, mode.recordForm, start, 'syntax', i);
    if (hour > 23) return failAt(failure, mode.recordForm, start, 'calendar', i);
    if (c[i + 2] !== 58) return failAt(failure, mode.recordForm, start, 'syntax', i + 2);
    minute = digits2(c, i + 3);
    if (minute < 0) return failAt(failure, mode.recordForm, start, 'syntax', i + 3);
    if (minute > 59) return failAt(failure, mode.recordForm, start, 'calendar', i + 3);
    i += 5;
    if (i < end && c[i] === 58) {
      second = digits2(c, i + 1);
      if (i + 3 > end || second < 0) return failAt(failure, mode.recordForm, start, 'syntax', i + 1);
      if (second > 59) return failAt(failure, mode.recordForm, start, 'calendar', i + 1);
      i += 3;
      if (i < end && c[i] === 46) {
        ms = fractionMs(c, i + 1, end);
        if (fraction.end === i + 1) return failAt(failure, mode.recordForm, start, 'syntax', i + 1);
        i = fraction.end;
      }
    } else if (mode.recordForm) {
      return failAt(failure, mode.recordForm, start, 'record-form', i);
    }
  } else if (mode.recordForm) {
    return failAt(failure, mode.recordForm, start, 'record-form', i);
  }
  const wall =
    (daysFromCivil(year, month, day) * 24 + hour) * MS_PER_HOUR + minute * MS_PER_MINUTE + second * 1000 + ms;
  // One space between the time and its zone, as some exports write it.
  if (hasTime && !mode.recordForm && c[i] === 32 && i + 1 < end) {
    const z = c[i + 1];
    if (z === 43 || z === 45 || z === 90) i++;
  }
  let epoch: number;
  if (i === end) {
    if (mode.recordForm) return failAt(failure, mode.recordForm, start, 'record-form', i);
    if (mode.timeZone === undefined)
      return failAt(failure, mode.recordForm, start, 'needs-zone', hasTime ? i : start + 10);
    const resolved = resolveLocalTime(wall, mode.timeZone, mode.disambiguation);
    if (resolved === 'gap' || resolved === 'overlap')
      return failAt(failure, mode.recordForm, start, resolved, start);
    epoch = resolved;
  } else {
    const z = c[i] as number;
    if (z === 90) {
      if (i + 1 !== end) return failAt(failure, mode.recordForm, start, 'syntax', i + 1);
      epoch = wall;
    } else if ((z === 43 || z === 45) && !mode.recordForm) {
      const oh = digits2(c, i + 1);
      if (i + 3 > end || oh < 0) return failAt(failure, mode.recordForm, start, 'syntax', i + 1);
      let j = i + 3;
      let om = 0;
      if (j < end) {
        if (c[j] === 58) j++;
        om = digits2(c, j);
        if (j + 2 !== end || om < 0) return failAt(failure, mode.recordForm, start, 'syntax', j);
        j += 2;
      }
      if (oh > 18 || om > 59 || (oh === 18 && om > 0))
        return failAt(failure, mode.recordForm, start, 'calendar', i + 1);
      const offset = (oh * 60 + om) * MS_PER_MINUTE;
      epoch = z === 43 ? wall - offset : wall + offset;
    } else {
      return failAt(failure, mode.recordForm, start, mode.recordForm ? 'record-form' : 'syntax', i);
    }
  }
  if (epoch < MIN_INSTANT_MS || epoch > MAX_INSTANT_MS)
    return failAt(failure, mode.recordForm, start, 'range', start);
  return epoch;
}

const scratch = new Uint8Array(256);

/** Reads an instant from a string through {@link readInstantCodes} (internal). */
export function readInstantString(text: string, mode: GrammarMode, failure?: GrammarFailure): number {
  const n = text.length;
  if (n > scratch.length) {
    if (failure !== undefined) {
      failure.reason = mode.recordForm ? 'record-form' : 'syntax';
      failure.at = 0;
    }
    return Number.NaN;
  }
  for (let k = 0; k < n; k++) {
    const code = text.charCodeAt(k);
    if (code > 127) {
      if (failure !== undefined) {
        failure.reason = mode.recordForm ? 'record-form' : 'syntax';
        failure.at = k;
      }
      return Number.NaN;
    }
    scratch[k] = code;
  }
  return readInstantCodes(scratch, 0, n, mode, failure);
}

/** Where the digits read by {@link fractionMs} end (internal; one shared record, no allocation per value). */
const fraction = { end: 0 };

/**
 * The milliseconds of the fraction digits of a second at `c[i, end)`: `5` is 500, `1234567` is 123 (digits past the
 * millisecond are dropped, never rounded); `fraction.end` is set to where the digits end (internal).
 */
function fractionMs(c: Uint8Array, i: number, end: number): number {
  let ms = 0;
  let scale = 100;
  while (i < end) {
    const d = (c[i] as number) - 48;
    if (d < 0 || d > 9) break;
    ms += d * scale;
    scale /= 10;
    i++;
  }
  fraction.end = i;
  return Math.floor(ms);
}

/** The units of Unix time the grammar reads (internal). */
export type EpochUnitName = 'seconds' | 'milliseconds' | 'microseconds';

/**
 * Reads epoch seconds (`-?DIGITS[.DIGITS]`, truncated to milliseconds), epoch milliseconds (`-?DIGITS`) or epoch
 * microseconds (`-?DIGITS`, at least four digits, the last three dropped: GA4's `event_timestamp`) from ASCII codes;
 * `NaN` with the reason in `failure` when invalid or outside the years 0000–9999 (internal).
 */
export function readEpochCodes(
  c: Uint8Array,
  start: number,
  end: number,
  unit: EpochUnitName,
  failure?: GrammarFailure,
): number {
  let i = start;
  const negative = c[i] === 45;
  if (negative) i++;
  const from = i;
  let whole = 0;
  if (unit === 'microseconds') {
    // The digits but the last three are the milliseconds (at most 16 of them: a double holds them exactly).
    let last = i;
    while (last < end && last - from < 19 && (c[last] as number) >= 48 && (c[last] as number) <= 57) last++;
    if (last !== end || last - from < 4) return failAt(failure, false, start, 'syntax', last);
    for (; i < last - 3; i++) whole = whole * 10 + ((c[i] as number) - 48);
    i = end;
  }
  while (i < end && i - from < 16) {
    const d = (c[i] as number) - 48;
    if (d < 0 || d > 9) break;
    whole = whole * 10 + d;
    i++;
  }
  if (i === from) return failAt(failure, false, start, 'syntax', i);
  let fractionPart = 0;
  if (i < end && c[i] === 46 && unit === 'seconds') {
    fractionPart = fractionMs(c, i + 1, end);
    if (fraction.end === i + 1) return failAt(failure, false, start, 'syntax', i + 1);
    i = fraction.end;
  }
  if (i !== end) return failAt(failure, false, start, 'syntax', i);
  const magnitude = unit === 'seconds' ? whole * 1000 + fractionPart : whole;
  const ms = negative ? -magnitude : magnitude;
  if (ms < MIN_INSTANT_MS || ms > MAX_INSTANT_MS) return failAt(failure, false, start, 'range', start);
  return ms;
}
