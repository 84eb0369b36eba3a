import { TextDecoder } from 'node:util';
/**
 * Text encodings a reader accepts. `utf-8` is the default and is checked (a cell that is not valid UTF-8 is a
 * dead letter naming the encoding the bytes look like); `utf-16le` is also chosen by a UTF-16 byte-order mark;
 * the single-byte Windows and ISO code pages are converted to UTF-8 before tokenizing.
 *
 * @category Input
 * @since 0.1.0
 */
export type TextEncodingName =
  | 'utf-8'
  | 'utf-16le'
  | 'windows-1250'
  | 'windows-1252'
  | 'iso-8859-2'
  | 'iso-8859-1';

/**
 * The names of {@link TextEncodingName}, for the option schema; the record type makes a name missing here a
 * compile error.
 *
 * @internal
 */
export const TEXT_ENCODINGS = Object.keys({
  'utf-8': true,
  'utf-16le': true,
  'windows-1250': true,
  'windows-1252': true,
  'iso-8859-2': true,
  'iso-8859-1': true,
} satisfies Record<TextEncodingName, true>) as [TextEncodingName, ...TextEncodingName[]];

/** The bytes as UTF-8: the chunks re-encoded from `encoding` (internal; UTF-8 chunks pass through untouched). */
export async function* toUtf8(
  chunks: AsyncIterable<Uint8Array>,
  encoding: TextEncodingName,
): AsyncGenerator<Uint8Array> {
  let decoder: TextDecoder | undefined = encoding === 'utf-8' ? undefined : new TextDecoder(encoding);
  let first = true;
  for await (const chunk of chunks) {
    let bytes = chunk;
    if (first) {
      first = false;
      if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe && decoder === undefined) {
        decoder = new TextDecoder('utf-16le');
      }
    }
    if (decoder === undefined) yield bytes;
    else {
      bytes = Buffer.from(decoder.decode(bytes, { stream: true }), 'utf8');
      if (bytes.length > 0) yield bytes;
    }
  }
  if (decoder !== undefined) {
    const rest = Buffer.from(decoder.decode(), 'utf8');
    if (rest.length > 0) yield rest;
  }
}

// Bytes of Polish letters that differ between the Central European code pages (ą ć ę ł ń ó ś ź ż and capitals).
const CP1250 = new Set([
  0xb9, 0xe6, 0xea, 0xb3, 0xf1, 0xf3, 0x9c, 0x9f, 0xbf, 0xa5, 0xc6, 0xca, 0xa3, 0xd1, 0xd3, 0x8c, 0x8f, 0xaf,
]);
const LATIN2 = new Set([
  0xb1, 0xe6, 0xea, 0xb3, 0xf1, 0xf3, 0xb6, 0xbc, 0xbf, 0xa1, 0xc6, 0xca, 0xa3, 0xd1, 0xd3, 0xa6, 0xac, 0xaf,
]);

/**
 * Guesses which encoding bytes that are not valid UTF-8 are in, for error messages only (never used to read):
 * `windows-1250` when bytes 0x80–0x9F (control codes in ISO 8859) occur with Polish letters of that code page,
 * `iso-8859-2` for Polish letters without them, else `windows-1252`.
 *
 * @param bytes - A sample of the bytes.
 * @returns The likely encoding.
 * @example
 * ```ts
 * import { guessEncoding } from '@cx/ingest';
 * console.log(guessEncoding(Uint8Array.of(0x9c, 0x77, 0x69, 0x65, 0x74, 0x6e, 0x69, 0x65))); // 'windows-1250' ("świetnie")
 * ```
 * @category Input
 * @since 0.1.0
 */
export function guessEncoding(bytes: Uint8Array): TextEncodingName {
  let c1 = 0;
  let cp1250 = 0;
  let latin2 = 0;
  for (const b of bytes) {
    if (b >= 0x80 && b <= 0x9f) c1++;
    if (CP1250.has(b)) cp1250++;
    if (LATIN2.has(b)) latin2++;
  }
  if (c1 > 0) return cp1250 > 0 ? 'windows-1250' : 'windows-1252';
  if (latin2 > 0 && latin2 >= cp1250) return 'iso-8859-2';
  if (cp1250 > 0) return 'windows-1250';
  return 'windows-1252';
}
