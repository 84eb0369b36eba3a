import { timeOfDay } from './time-of-day.js';

/** Bytes of the canonical instant form `YYYY-MM-DDTHH:mm:ss.sssZ` (what `toISOString` writes). */
export const CANONICAL_LENGTH = 24;
/** Bytes of its date part with the `T`, `YYYY-MM-DDT`. */
const DATE_PART = 11;
const T = 0x54;
const COLON = 0x3a;
const DOT = 0x2e;
const Z = 0x5a;

/**
 * Reads instant cells already in the model's canonical form whose date a cell before them had (internal): an
 * export's events come in time order, so most instant cells share their `YYYY-MM-DDT` with the previous one. For
 * such a cell only the time of day is checked (`HH:mm:ss.sssZ`: digits, separators, hour ≤ 23, minute and second ≤
 * 59), and the cell's own bytes are its canonical text: the instant grammar of `@cx/model` reads it to the same
 * instant, and the formatter writes that instant back to the same 24 characters. Every other cell (another date,
 * another form, an invalid time) goes to the grammar, which reads it or says why not; a date is remembered only
 * after the grammar accepted a cell with it, so it is a real calendar date. `canonical-instant.test.ts` holds the
 * field reader with this path to the grammar and `toISOString` over generated cells, valid and invalid.
 */
export class CanonicalInstants {
  /** The date part of the last cell the grammar accepted with a `T` after its date. */
  readonly #date = new Uint8Array(DATE_PART);
  #known = false;

  /**
   * The canonical text of the cell `buf[from, to)` when it is `YYYY-MM-DDTHH:mm:ss.sssZ` with the remembered date
   * and a valid time of day, else `undefined` (then the grammar reads it).
   */
  read(buf: Uint8Array, from: number, to: number): string | undefined {
    if (to - from !== CANONICAL_LENGTH || !this.#known) return undefined;
    const date = this.#date;
    for (let i = 0; i < DATE_PART; i++) if (buf[from + i] !== date[i]) return undefined;
    // The time of day by the one reading of the canonical forms' time part (`time-of-day.ts`, which the column path
    // uses too): digits, separators, hour ≤ 23, minute and second ≤ 59.
    if (timeOfDay(buf, from, CANONICAL_LENGTH) < 0) return undefined;
    // All 24 bytes are ASCII (checked above or equal to the remembered date): each is its own character code.
    return String.fromCharCode(
      date[0] as number,
      date[1] as number,
      date[2] as number,
      date[3] as number,
      date[4] as number,
      date[5] as number,
      date[6] as number,
      date[7] as number,
      date[8] as number,
      date[9] as number,
      T,
      buf[from + 11] as number,
      buf[from + 12] as number,
      COLON,
      buf[from + 14] as number,
      buf[from + 15] as number,
      COLON,
      buf[from + 17] as number,
      buf[from + 18] as number,
      DOT,
      buf[from + 20] as number,
      buf[from + 21] as number,
      buf[from + 22] as number,
      Z,
    );
  }

  /**
   * Remembers the date of a cell the instant grammar accepted, when a `T` follows it (the grammar checked that its
   * first ten bytes are a real calendar date, `YYYY-MM-DD`).
   */
  accepted(buf: Uint8Array, from: number, to: number): void {
    if (to - from < DATE_PART || buf[from + 10] !== T) return;
    const date = this.#date;
    for (let i = 0; i < DATE_PART; i++) date[i] = buf[from + i] as number;
    this.#known = true;
  }
}
