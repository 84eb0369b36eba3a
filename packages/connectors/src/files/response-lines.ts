import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { readLines } from './input.js';

/**
 * Reads the lines of a `fetch` response body as it streams (NDJSON/JSONL exports), with bounded memory.
 * Leaving the loop early or aborting `signal` cancels the body.
 *
 * @param response - A successful response.
 * @param signal - Optional cancellation.
 * @returns Lines with their 1-based numbers.
 * @example
 * ```ts
 * import { responseLines } from '@cx/connectors';
 * for await (const { text } of responseLines(new Response('{"a":1}\n{"a":2}\n'))) console.log(text);
 * ```
 * @category Files
 * @since 0.1.0
 */
export function responseLines(
  response: Response,
  signal?: AbortSignal,
): AsyncGenerator<{ line: number; text: string }> {
  const body = response.body;
  return readLines(
    () => (body === null ? Readable.from([]) : Readable.fromWeb(body as unknown as WebReadableStream)),
    signal,
  );
}
