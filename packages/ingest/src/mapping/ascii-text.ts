/** Cells of at most this many bytes are made into strings by {@link asciiText}; longer ones go to the decoder. */
export const MAX_ASCII_TEXT = 32;

/** One array of character codes per length, reused (internal; packed small integers, as `fromCharCode` wants). */
const SCRATCH: number[][] = Array.from({ length: MAX_ASCII_TEXT + 1 }, (_, n) =>
  new Array<number>(n).fill(0),
);

/**
 * The text of the bytes `buf[from, to)` when they are all ASCII (below 0x80) and at most {@link MAX_ASCII_TEXT}
 * long, else `undefined` (internal). ASCII bytes are their own code points in UTF-8, so the result is what the
 * fatal UTF-8 decoder gives for them (a byte order mark is not ASCII and goes to the decoder). One
 * `String.fromCharCode` over a reused array of codes makes a flat one-byte string without the typed-array view and
 * the native call of `TextDecoder#decode`: about half its cost for a short cell (a row id, a customer id met for the
 * first time). `ascii-text.test.ts` holds it to the decoder over arbitrary bytes.
 */
export function asciiText(buf: Uint8Array, from: number, to: number): string | undefined {
  const codes = SCRATCH[to - from];
  if (codes === undefined) return undefined;
  let any = 0;
  for (let i = from; i < to; i++) {
    const c = buf[i] as number;
    any |= c;
    codes[i - from] = c;
  }
  return any < 0x80 ? String.fromCharCode.apply(null, codes) : undefined;
}

/**
 * The text of the bytes `buf[from, to)` when they are all printable ASCII (0x20–0x7E) and at most
 * {@link MAX_ASCII_TEXT} long, else `undefined` (internal): {@link asciiText} for cells that `idSchema` accepts as
 * they are (no control character; see `plain-id.ts`), so that an id read this way needs no check of its own.
 */
export function printableText(buf: Uint8Array, from: number, to: number): string | undefined {
  const codes = SCRATCH[to - from];
  if (codes === undefined) return undefined;
  // The sign bit is set once a byte is below 0x20 or above 0x7e.
  let outside = 0;
  for (let i = from; i < to; i++) {
    const c = buf[i] as number;
    outside |= (c - 0x20) | (0x7e - c);
    codes[i - from] = c;
  }
  return outside >= 0 ? String.fromCharCode.apply(null, codes) : undefined;
}
