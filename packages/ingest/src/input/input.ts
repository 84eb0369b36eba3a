import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

/**
 * What a reader reads: a file (`{ path }`, gunzipped when it ends in `.gz`), text in memory (`{ text }`), bytes
 * (`Uint8Array`), or a stream (any async iterable of byte or string chunks, e.g. a Node `Readable`, a `fetch` body
 * or a generator). A plain string is not accepted, so a path is never read as content or content as a path.
 *
 * @example
 * ```ts
 * import type { IngestInput } from '@cx/ingest';
 * const inputs: IngestInput[] = [{ path: 'orders.csv' }, { text: 'id\n1\n' }, new TextEncoder().encode('id\n1\n')];
 * console.log(inputs.length); // 3
 * ```
 * @category Input
 * @since 0.1.0
 */
export type IngestInput =
  | { readonly path: string }
  | { readonly text: string }
  | Uint8Array
  | AsyncIterable<Uint8Array | string>;

/** A short name of an input for dead letters and messages (internal). */
export function inputName(input: IngestInput): string {
  if (input instanceof Uint8Array) return 'bytes';
  if (typeof input === 'object' && input !== null && 'path' in input) return input.path;
  if (typeof input === 'object' && input !== null && 'text' in input) return 'text';
  return 'stream';
}

/** Whether a value is an {@link IngestInput} (internal). */
export function isIngestInput(input: unknown): input is IngestInput {
  if (input instanceof Uint8Array) return true;
  if (typeof input !== 'object' || input === null) return false;
  if ('path' in input) return typeof (input as { path: unknown }).path === 'string';
  if ('text' in input) return typeof (input as { text: unknown }).text === 'string';
  return Symbol.asyncIterator in input;
}

const encoder = new TextEncoder();

/**
 * The input as byte chunks of about `chunkBytes` (internal). Files are read with `highWaterMark = chunkBytes`;
 * string chunks of streams are UTF-8 encoded. Stops early when `signal` aborts (the file is closed).
 */
export async function* byteChunks(
  input: IngestInput,
  chunkBytes: number,
  signal: AbortSignal | undefined,
): AsyncGenerator<Uint8Array> {
  if (input instanceof Uint8Array) {
    for (let at = 0; at < input.length; at += chunkBytes) {
      signal?.throwIfAborted();
      yield input.subarray(at, Math.min(input.length, at + chunkBytes));
    }
    return;
  }
  if ('text' in input) {
    yield* byteChunks(encoder.encode(input.text), chunkBytes, signal);
    return;
  }
  const stream: AsyncIterable<Uint8Array | string> =
    'path' in input
      ? input.path.endsWith('.gz')
        ? createReadStream(input.path, { highWaterMark: chunkBytes, ...(signal ? { signal } : {}) }).pipe(
            createGunzip(),
          )
        : createReadStream(input.path, { highWaterMark: chunkBytes, ...(signal ? { signal } : {}) })
      : input;
  for await (const chunk of stream) {
    signal?.throwIfAborted();
    yield typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
  }
}
