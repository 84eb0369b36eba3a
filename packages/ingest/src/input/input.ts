import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
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

/**
 * Which of the four kinds an input is (internal). A stream is recognised before a file: a Node `fs.ReadStream` is an
 * async iterable that also has a `path` property, and it must be read as the stream it is (from its `start`, up to
 * its `end`, in its state), never reopened as a file.
 */
function kindOf(input: IngestInput): 'bytes' | 'stream' | 'path' | 'text' {
  if (input instanceof Uint8Array) return 'bytes';
  if (Symbol.asyncIterator in input) return 'stream';
  return 'path' in input ? 'path' : 'text';
}

/** The file path of a `{ path }` input; `undefined` for bytes, text and streams (a ReadStream included) (internal). */
export function filePath(input: IngestInput): string | undefined {
  return kindOf(input) === 'path' ? (input as { readonly path: string }).path : undefined;
}

/** A short name of an input for dead letters and messages (internal). */
export function inputName(input: IngestInput): string {
  return filePath(input) ?? kindOf(input);
}

/** Whether a value is an {@link IngestInput} (internal). */
export function isIngestInput(input: unknown): input is IngestInput {
  if (input instanceof Uint8Array) return true;
  if (typeof input !== 'object' || input === null) return false;
  if (Symbol.asyncIterator in input) return true;
  if ('path' in input) return typeof (input as { path: unknown }).path === 'string';
  if ('text' in input) return typeof (input as { text: unknown }).text === 'string';
  return false;
}

const encoder = new TextEncoder();

/**
 * The input as byte chunks of about `chunkBytes` (internal). Files are read with `FileHandle.read` into three buffers
 * used in turn (no fresh buffer per chunk: no allocation, no page faults, no garbage), the next chunk while the caller
 * works on this one, so **a chunk of a file is valid only until the next-but-one chunk is asked for**: readers copy what they keep (the CSV driver and the NDJSON reader
 * copy the cut last record before they ask for more). Gzipped files go through `zlib`, string chunks of streams are
 * UTF-8 encoded. Every chunk is a plain `Uint8Array` (not a `Buffer`), so that the tokenizer's loads see one array
 * type. Stops early when `signal` aborts; the file is closed on every exit.
 */
export async function* byteChunks(
  input: IngestInput,
  chunkBytes: number,
  signal: AbortSignal | undefined,
): AsyncGenerator<Uint8Array> {
  const kind = kindOf(input);
  if (input instanceof Uint8Array) {
    const bytes = plain(input);
    for (let at = 0; at < bytes.length; at += chunkBytes) {
      signal?.throwIfAborted();
      yield bytes.subarray(at, Math.min(bytes.length, at + chunkBytes));
    }
    return;
  }
  if (kind === 'text') {
    yield* byteChunks(encoder.encode((input as { readonly text: string }).text), chunkBytes, signal);
    return;
  }
  const path = filePath(input);
  if (path !== undefined && !path.endsWith('.gz')) {
    signal?.throwIfAborted();
    const file = await open(path, 'r');
    // The next chunk is read while the caller works on this one, into the buffer of the chunk before the previous
    // one (no longer valid once this one was asked for): three buffers used in turn.
    let pending: Promise<{ bytesRead: number }> | undefined;
    try {
      const buffers = [new Uint8Array(chunkBytes), new Uint8Array(chunkBytes), new Uint8Array(chunkBytes)];
      pending = file.read(buffers[0] as Uint8Array, 0, chunkBytes, null);
      for (let turn = 0; ; turn = turn === 2 ? 0 : turn + 1) {
        const { bytesRead } = await pending;
        pending = undefined;
        signal?.throwIfAborted();
        if (bytesRead === 0) return;
        const next = turn === 2 ? 0 : turn + 1;
        pending = file.read(buffers[next] as Uint8Array, 0, chunkBytes, null);
        // Awaited at the next turn or before closing; a failure meanwhile is not an unhandled rejection.
        pending.catch(() => undefined);
        yield (buffers[turn] as Uint8Array).subarray(0, bytesRead);
      }
    } finally {
      // A read still running when the caller stops early ends before the file is closed.
      await pending?.catch(() => undefined);
      await file.close();
    }
  }
  const stream: AsyncIterable<Uint8Array | string> =
    path !== undefined
      ? createReadStream(path, { highWaterMark: chunkBytes, ...(signal ? { signal } : {}) }).pipe(
          createGunzip(),
        )
      : (input as AsyncIterable<Uint8Array | string>);
  for await (const chunk of stream) {
    signal?.throwIfAborted();
    yield typeof chunk === 'string' ? encoder.encode(chunk) : plain(chunk);
  }
}

/** A `Buffer` (or other subclass) as a plain `Uint8Array` view of the same bytes (internal). */
function plain(bytes: Uint8Array): Uint8Array {
  return bytes.constructor === Uint8Array
    ? bytes
    : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
