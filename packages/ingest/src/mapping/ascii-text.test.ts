import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiText, MAX_ASCII_TEXT, printableText } from './ascii-text.js';
import { isPlainId } from './plain-id.js';

// The reference is the platform's fatal UTF-8 decoder (WHATWG Encoding, "utf-8" with fatal and BOM stripping),
// which the field reader used for every text cell before this fast path.
const fatal = new TextDecoder('utf-8', { fatal: true });
const decode = (bytes: Uint8Array): string | undefined => {
  try {
    return fatal.decode(bytes);
  } catch {
    return undefined;
  }
};

describe('asciiText', () => {
  it('reads short ASCII cells as the decoder does, and leaves everything else to it', () => {
    const bytes = new TextEncoder().encode('c0000001-e1,zł,\u0000\u007f,');
    expect(asciiText(bytes, 0, 11)).toBe('c0000001-e1');
    expect(asciiText(bytes, 0, 0)).toBe('');
    // 'zł' is not ASCII: the decoder's turn
    expect(asciiText(bytes, 12, 15)).toBeUndefined();
    // control characters and DEL are ASCII and kept as they are (the field's schema judges them)
    expect(asciiText(bytes, 16, 18)).toBe('\u0000\u007f');
    // a byte order mark is not ASCII (the decoder strips it)
    expect(asciiText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), 0, 4)).toBeUndefined();
    const long = new TextEncoder().encode('x'.repeat(MAX_ASCII_TEXT + 1));
    expect(asciiText(long, 0, MAX_ASCII_TEXT)).toBe('x'.repeat(MAX_ASCII_TEXT));
    expect(asciiText(long, 0, MAX_ASCII_TEXT + 1)).toBeUndefined();
  });

  it('equals the fatal UTF-8 decoder whenever it gives a text, at any offset, one call after another', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.uint8Array({ maxLength: 40 }),
            fc.uint8Array({ maxLength: 40, max: 0x7f }),
            fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => new TextEncoder().encode(s)),
          ),
          { minLength: 1, maxLength: 6 },
        ),
        (cells) => {
          // the cells side by side in one buffer, read in order (the scratch arrays are reused between calls)
          const buf = new Uint8Array(cells.reduce((n, c) => n + c.length + 1, 0));
          let at = 0;
          for (const cell of cells) {
            buf.set(cell, at);
            const text = asciiText(buf, at, at + cell.length);
            const ascii = cell.every((b) => b < 0x80);
            expect(text !== undefined).toBe(ascii && cell.length <= MAX_ASCII_TEXT);
            if (text !== undefined) expect(text).toBe(decode(cell));
            at += cell.length + 1;
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads printable ASCII cells as the decoder does, exactly those isPlainId accepts, one call after another', () => {
    const bytes = new TextEncoder().encode(' ~a\u001f\u007f');
    expect(printableText(bytes, 0, 3)).toBe(' ~a');
    expect(printableText(bytes, 2, 4)).toBeUndefined();
    expect(printableText(bytes, 4, 5)).toBeUndefined();
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.uint8Array({ maxLength: 40 }),
            fc.uint8Array({ maxLength: 40, min: 0x1e, max: 0x80 }),
            fc.uint8Array({ maxLength: 12, min: 0x7d, max: 0x7f }),
          ),
          { minLength: 1, maxLength: 6 },
        ),
        (cells) => {
          const buf = new Uint8Array(cells.reduce((n, c) => n + c.length + 1, 0));
          let at = 0;
          for (const cell of cells) {
            buf.set(cell, at);
            const text = printableText(buf, at, at + cell.length);
            const decoded = decode(cell);
            const plain = decoded !== undefined && decoded.length > 0 && isPlainId(decoded);
            // isPlainId also takes the empty cell out (the reader handles it before) and up to 256 characters
            expect(text !== undefined).toBe(cell.length <= MAX_ASCII_TEXT && (cell.length === 0 || plain));
            if (text !== undefined) expect(text).toBe(decoded);
            at += cell.length + 1;
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
