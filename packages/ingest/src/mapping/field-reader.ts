import { createInstantReader, type Disambiguation, type InstantReader, type JsonValue } from '@cx/model';
import { numberState, parseDecimalBytes } from '../cells/number.js';
import { guessEncoding } from '../input/encoding.js';
import { asciiText, printableText } from './ascii-text.js';
import { CanonicalInstants } from './canonical-instant.js';
import { FIRST_FORMATTED_MS, InstantFormatter, LAST_FORMATTED_MS } from './instant-format.js';
import type { MappedField } from './mapping.js';
import { TextCache } from './text-cache.js';

/** The instant form of @cx/model for each epoch unit of a mapping (internal). */
const EPOCH_FORMS = { s: 'epoch-seconds', ms: 'epoch-milliseconds', us: 'epoch-microseconds' } as const;

/** How {@link FieldReader.fromBytes} reads a field's cells (internal). */
const TEXT_CELL = 0;
const INSTANT_CELL = 1;
const NUMBER_CELL = 2;

/** A cell with no value: empty text, `null` or absent (internal). */
export const MISSING: unique symbol = Symbol('missing');
/** A cell that could not be read; see {@link FieldReader.code} (internal). */
export const FAILED: unique symbol = Symbol('failed');
/**
 * A value its field's model schema rejects, or one the fast record builder does not check (an object): that
 * builder then reads the row again with the whole record's schema, for the same record or the same error (internal).
 */
export const UNCHECKED: unique symbol = Symbol('unchecked');

const fatal = new TextDecoder('utf-8', { fatal: true });
const lossy = new TextDecoder('utf-8');
const encoder = new TextEncoder();

export const MESSAGES: Readonly<Record<string, string>> = {
  invalid_number: 'Expected a number such as 1234.5, 1,234.50 or 1 234,50',
  ambiguous_number:
    'This number reads two ways (thousands or decimal separator); set decimal to "." or "," in the mapping',
  number_too_large: 'Expected a finite number',
};

/**
 * Reads the cells of one mapped field with the ingestion grammar, from bytes (CSV) or from JSON values (NDJSON,
 * Parquet); both forms go through the same byte parsers, so one cell gives one value or one error on every path
 * (internal). The result is the value, {@link MISSING} or {@link FAILED} (then `code` and `message` say why).
 */
export class FieldReader {
  readonly spec: MappedField;
  readonly #instants: InstantReader | undefined;
  code = '';
  message = '';
  /** Currency token of the last money cell read, or `undefined`. */
  currency: string | undefined;
  #scratch = new Uint8Array(64);
  /** Canonical instant strings (made on first use). */
  #formatter: InstantFormatter | undefined;
  /** Instant cells in the canonical form with the date of an earlier cell (not for epoch columns). */
  readonly #canonical: CanonicalInstants | undefined;
  /** TEXT_CELL (text or a value map), INSTANT_CELL or NUMBER_CELL (number, money). */
  readonly #kind: number;
  /** Text cells read lately, by their bytes (records path; made on first use). */
  #texts: TextCache | undefined;
  /**
   * The fast record builder's check of this field's values against the field's model schema: the parsed value, or
   * {@link UNCHECKED}. Applied by {@link FieldReader.fromBytes} to every value it returns, except instants in years
   * 0000–9999, which the formatter writes in the one form the model accepts; a repeated text cell is checked once,
   * as the text cache keeps the checked value.
   */
  check: ((value: unknown) => unknown) | undefined;
  /**
   * Whether {@link FieldReader.check} takes any printable ASCII text of 1 to 32 characters as it is (`idSchema`'s
   * check, for a field without a value map; set with it by the fast record builder): such a cell is then not checked.
   */
  plainText = false;

  constructor(spec: MappedField, disambiguation: Disambiguation) {
    this.spec = spec;
    // The one instant grammar of @cx/model, epoch units included.
    this.#instants =
      spec.type !== 'instant'
        ? undefined
        : spec.epoch !== undefined
          ? createInstantReader({ form: EPOCH_FORMS[spec.epoch] })
          : createInstantReader({
              ...(spec.timeZone !== undefined ? { timeZone: spec.timeZone } : {}),
              disambiguation,
            });
    this.#canonical =
      spec.type === 'instant' && spec.epoch === undefined ? new CanonicalInstants() : undefined;
    this.#kind =
      spec.values !== undefined || spec.type === 'string'
        ? TEXT_CELL
        : spec.type === 'instant'
          ? INSTANT_CELL
          : NUMBER_CELL;
  }

  get #iso(): InstantFormatter {
    this.#formatter ??= new InstantFormatter();
    return this.#formatter;
  }

  #fail(code: string, message: string): typeof FAILED {
    this.code = code;
    this.message = message;
    return FAILED;
  }

  #empty(): unknown {
    const value = this.spec.default;
    if (value === undefined) return MISSING;
    return this.check === undefined ? value : this.check(value);
  }

  /** Epoch ms of an instant cell in bytes, `NaN` with `code`/`message` set (column path). */
  instantMs(buf: Uint8Array, from: number, to: number): number {
    const reader = this.#instants as InstantReader;
    const ms = reader.parseBytes(buf, from, to);
    if (Number.isNaN(ms)) {
      const issue = reader.issue(lossy.decode(buf.subarray(from, to)));
      this.#fail(
        issue?.code ?? 'invalid_instant',
        issue?.message ?? `Expected an instant: ${quoted(buf, from, to)}`,
      );
    }
    return ms;
  }

  /** A number or money cell in bytes, `NaN` with `code`/`message` set; the currency token goes to `currency`. */
  number(buf: Uint8Array, from: number, to: number): number {
    const money = this.spec.type === 'money';
    const value = parseDecimalBytes(buf, from, to, this.spec.decimal, money);
    this.currency =
      money && numberState.currencyFrom >= 0
        ? Buffer.from(
            buf.buffer,
            buf.byteOffset + numberState.currencyFrom,
            numberState.currencyTo - numberState.currencyFrom,
          ).toString('utf8')
        : undefined;
    if (Number.isNaN(value))
      this.#fail(numberState.code, `${MESSAGES[numberState.code] as string}; got ${quoted(buf, from, to)}`);
    return value;
  }

  /**
   * The cell `buf[from, to)` of a CSV record. Small, so that it is inlined where the records are built: a repeated
   * text cell and a canonical instant are answered here, everything else by the methods below.
   */
  fromBytes(buf: Uint8Array, from: number, to: number): unknown {
    // A money cell sets the token below; any other outcome must not leave the previous cell's token behind.
    this.currency = undefined;
    if (from === to) return this.#empty();
    const kind = this.#kind;
    if (kind === TEXT_CELL) {
      const cache = this.#texts;
      if (cache?.on) {
        const hit = cache.get(buf, from, to);
        if (hit !== undefined) return hit;
      }
      return this.#newText(buf, from, to);
    }
    if (kind === INSTANT_CELL) {
      // A canonical cell with a date the grammar accepted before is its own canonical text (years 0000–9999: no
      // check needed, as in `#instant`).
      const canonical = this.#canonical;
      if (canonical !== undefined) {
        const own = canonical.read(buf, from, to);
        if (own !== undefined) return own;
      }
      return this.#instant(buf, from, to);
    }
    const value = this.number(buf, from, to);
    if (Number.isNaN(value)) return FAILED;
    return this.check === undefined ? value : this.check(value);
  }

  /** A text cell the cache did not answer: decoded, value-mapped and checked, then cached. */
  #newText(buf: Uint8Array, from: number, to: number): unknown {
    this.#texts ??= new TextCache();
    const cache = this.#texts;
    // An id of printable ASCII is what its check would return (see `plainText`).
    let value: unknown = this.plainText ? printableText(buf, from, to) : undefined;
    if (value === undefined) {
      let text = asciiText(buf, from, to);
      if (text === undefined)
        try {
          text = fatal.decode(buf.subarray(from, to));
        } catch {
          const guess = guessEncoding(buf.subarray(from, to));
          return this.#fail(
            'invalid_utf8',
            `The cell is not valid UTF-8; the file looks like ${guess}: pass encoding: '${guess}'`,
          );
        }
      value = this.#text(text);
      if (value !== FAILED && this.check !== undefined) value = this.check(value);
    }
    if (value !== FAILED && cache.on) cache.set(value);
    return value;
  }

  /** An instant cell through the grammar, written in the canonical form. */
  #instant(buf: Uint8Array, from: number, to: number): unknown {
    const ms = this.instantMs(buf, from, to);
    if (Number.isNaN(ms)) return FAILED;
    this.#canonical?.accepted(buf, from, to);
    const text = this.#iso.format(ms);
    return this.check === undefined || (ms >= FIRST_FORMATTED_MS && ms <= LAST_FORMATTED_MS)
      ? text
      : this.check(text);
  }

  #text(text: string): unknown {
    const values = this.spec.values;
    if (values === undefined) return text;
    const mapped = values.get(text);
    if (mapped === undefined && !values.has(text)) {
      const keys = [...values.keys()];
      return this.#fail(
        'unmapped_value',
        `Expected one of ${keys
          .slice(0, 8)
          .map((k) => JSON.stringify(k))
          .join(', ')}${keys.length > 8 ? ', …' : ''} (the field's value map), got ${JSON.stringify(text)}`,
      );
    }
    return mapped as JsonValue;
  }

  /**
   * Epoch ms of an instant given as a JSON value (text through the grammar, a number or bigint in an epoch column,
   * a `Date` from Parquet), `NaN` with `code`/`message` set; {@link MISSING} is not told apart (check before).
   */
  msFromValue(value: unknown): number {
    const spec = this.spec;
    if (typeof value === 'string') {
      const need = value.length * 3;
      if (this.#scratch.length < need) this.#scratch = new Uint8Array(need);
      const { written } = encoder.encodeInto(value, this.#scratch);
      return this.instantMs(this.#scratch, 0, written);
    }
    if (typeof value === 'bigint') value = Number(value);
    if (typeof value === 'number') {
      if (spec.epoch === undefined) {
        this.#fail(
          'invalid_instant',
          `A number is an instant only in a column declared as epoch ("s", "ms" or "us"), got ${value}`,
        );
        return Number.NaN;
      }
      // A number in an epoch column goes through the same grammar as its text.
      return this.msFromValue(Number.isSafeInteger(value) ? value.toFixed(0) : String(value));
    }
    if (value instanceof Date && Number.isFinite(value.getTime())) return value.getTime();
    this.#fail('invalid_instant', `Expected an instant, got ${describe(value)}`);
    return Number.NaN;
  }

  /** A JSON value (NDJSON key, Parquet cell): strings go through the byte grammar, numbers are taken as they are. */
  fromValue(value: unknown): unknown {
    this.currency = undefined;
    if (value === undefined || value === null || value === '') return this.#empty();
    const spec = this.spec;
    if (spec.values !== undefined) {
      if (
        typeof value === 'string' ||
        typeof value === 'number' ||
        typeof value === 'boolean' ||
        typeof value === 'bigint'
      )
        return this.#text(String(value));
      return this.#fail(
        'invalid_type',
        `Expected a text, number or boolean for the value map, got ${describe(value)}`,
      );
    }
    if (typeof value === 'string') {
      if (spec.type === 'string') return value;
      const need = value.length * 3;
      if (this.#scratch.length < need) this.#scratch = new Uint8Array(need);
      const { written } = encoder.encodeInto(value, this.#scratch);
      return this.fromBytes(this.#scratch, 0, written);
    }
    if (typeof value === 'bigint') {
      if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
        if (spec.type === 'string') return value.toString();
        return this.#fail('invalid_number', `Expected a safe integer, got ${value}`);
      }
      return this.fromValue(Number(value));
    }
    if (typeof value === 'number') {
      if (!Number.isFinite(value))
        return this.#fail('invalid_number', `Expected a finite number, got ${value}`);
      if (spec.type === 'number' || spec.type === 'money') return value;
      if (spec.type === 'instant') {
        if (spec.epoch === undefined)
          return this.#fail(
            'invalid_instant',
            `A number is an instant only in a column declared as epoch ("s", "ms" or "us"), got ${value}`,
          );
        const ms = this.msFromValue(value);
        return Number.isNaN(ms) ? FAILED : this.#iso.format(ms);
      }
      if (Number.isSafeInteger(value)) return String(value);
      return this.#fail('invalid_type', `Expected a text or an integer, got ${value}`);
    }
    if (value instanceof Date) {
      if (spec.type !== 'instant') return this.#fail('invalid_type', `Expected a ${spec.type}, got a date`);
      const ms = value.getTime();
      return Number.isFinite(ms)
        ? this.#iso.format(ms)
        : this.#fail('invalid_instant', 'Expected a valid date');
    }
    return this.#fail(
      'invalid_type',
      `Expected a ${spec.type === 'money' ? 'number' : spec.type}, got ${describe(value)}`,
    );
  }
}

/** The cell's text in quotes for a message, cut at 80 characters (internal). */
function quoted(buf: Uint8Array, from: number, to: number): string {
  const text = lossy.decode(buf.subarray(from, Math.min(to, from + 320)));
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 79)}…` : text);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}
