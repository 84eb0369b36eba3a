import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { addAbortSignal, pipeline, Readable } from 'node:stream';
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
 * Opens a {@link FileInput} as a readable stream, gunzipping `*.gz` paths. With a `signal`, aborting destroys the
 * stream (and the file handle under it), so a pending read ends at once with an `AbortError`; destroying the
 * returned stream closes the file too.
 *
 * @param input - Path or factory.
 * @param signal - Optional cancellation.
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
export function openInput(input: FileInput, signal?: AbortSignal): Readable {
  let stream: Readable;
  if (typeof input === 'string') {
    const file = createReadStream(input, { highWaterMark: 1 << 20 });
    if (input.endsWith('.gz')) {
      const gunzip = createGunzip();
      // destroying the gunzip stream (early exit, abort) closes the file through the pipeline
      pipeline(file, gunzip, () => {});
      stream = gunzip;
    } else {
      stream = file;
    }
  } else {
    const made = input();
    stream = made instanceof Readable ? made : Readable.from(made, { objectMode: false });
  }
  if (signal !== undefined) addAbortSignal(signal, stream);
  return stream;
}

/**
 * Reads lines of a stream lazily with bounded memory (a `\r\n` ending is removed; blank lines are skipped).
 * Leaving the loop early, or aborting `signal`, destroys the underlying stream (no leaked file handle).
 *
 * @param input - Path or factory.
 * @param signal - Optional cancellation.
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
export async function* readLines(
  input: FileInput,
  signal?: AbortSignal,
): AsyncGenerator<{ line: number; text: string }> {
  const stream = openInput(input, signal);
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  try {
    for await (const text of lines) {
      line++;
      if (text.trim() === '') continue;
      yield { line, text };
    }
  } finally {
    lines.close();
    stream.destroy();
  }
}
