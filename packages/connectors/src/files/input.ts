import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/**
 * Where a file source reads from: a file path (`.gz` is gunzipped) or a factory of readable streams (called
 * once per sync, e.g. an HTTP body or a child process's stdout).
 *
 * @category Files
 * @since 0.1.0
 */
export type FileInput = string | (() => Readable | AsyncIterable<string | Buffer>);

/**
 * Opens a {@link FileInput} as a byte or text stream, gunzipping `*.gz` paths.
 *
 * @param input - Path or factory.
 * @returns The stream.
 * @example
 * ```ts
 * import { openInput } from '@cx/connectors';
 * import { Readable } from 'node:stream';
 * const stream = openInput(() => Readable.from(['a\n']));
 * for await (const chunk of stream) console.log(String(chunk)); // 'a\n'
 * ```
 * @category Files
 * @since 0.1.0
 */
export function openInput(input: FileInput): Readable | AsyncIterable<string | Buffer> {
  if (typeof input !== 'string') return input();
  const file = createReadStream(input, { highWaterMark: 1 << 20 });
  return input.endsWith('.gz') ? file.pipe(createGunzip()) : file;
}

/**
 * Reads lines of a stream lazily with bounded memory (a `\r\n` ending is removed; blank lines are skipped).
 *
 * @param input - Path or factory.
 * @returns Lines with their 1-based numbers.
 * @example
 * ```ts
 * import { readLines } from '@cx/connectors';
 * import { Readable } from 'node:stream';
 * for await (const { line, text } of readLines(() => Readable.from(['{"a":1}\n\n{"a":2}\n']))) console.log(line, text);
 * // 1 '{"a":1}'   3 '{"a":2}'
 * ```
 * @category Files
 * @since 0.1.0
 */
export async function* readLines(input: FileInput): AsyncGenerator<{ line: number; text: string }> {
  const stream = openInput(input);
  const lines = createInterface({
    input: stream as NodeJS.ReadableStream,
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() === '') continue;
    yield { line, text };
  }
}
