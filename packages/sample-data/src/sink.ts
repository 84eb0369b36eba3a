import { createWriteStream, type WriteStream } from 'node:fs';
import { CxValidationError } from '@cx/model';

/**
 * Result of {@link writeNdjson} and {@link writeCsv}.
 *
 * @category Writers
 * @since 0.1.0
 */
export interface WriteResult {
  /** Number of records written (not counting a CSV header). */
  readonly records: number;
  /** Number of bytes written to the file (UTF-8). */
  readonly bytes: number;
}

const CHUNK = 1 << 16;

/** A buffered UTF-8 file writer that respects back-pressure, so memory stays flat. */
export class FileSink {
  private readonly out: WriteStream;
  private buffer = '';
  bytes = 0;
  private failure: Error | undefined;

  constructor(path: string) {
    if (typeof path !== 'string' || path.length === 0) {
      throw new CxValidationError([
        {
          path: ['path'],
          code: 'invalid_type',
          message: `Expected a file path, got ${JSON.stringify(path)}`,
        },
      ]);
    }
    this.out = createWriteStream(path, { encoding: 'utf8' });
    this.out.on('error', (error) => {
      this.failure = error;
    });
  }

  /** Appends text to the buffer; call {@link FileSink.flush} when {@link FileSink.full}. */
  add(text: string): void {
    this.buffer += text;
  }

  get full(): boolean {
    return this.buffer.length >= CHUNK;
  }

  /** Writes the buffer and waits for the stream to drain when it is above its high-water mark. */
  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.buffer === '') return;
    const chunk = this.buffer;
    this.buffer = '';
    this.bytes += Buffer.byteLength(chunk, 'utf8');
    if (!this.out.write(chunk)) await this.settle('drain');
    if (this.failure) throw this.failure;
  }

  async close(): Promise<void> {
    await this.flush();
    const finished = this.settle('finish');
    this.out.end();
    await finished;
  }

  /** Closes the file after a failure, keeping the original error. */
  abort(): void {
    this.out.destroy();
  }

  private settle(event: 'drain' | 'finish'): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      const done = () => {
        this.out.off('error', failed);
        resolve();
      };
      const failed = (error: Error) => {
        this.out.off(event, done);
        reject(error);
      };
      this.out.once(event, done);
      this.out.once('error', failed);
    });
  }
}

/**
 * Feeds every record of a sync or async iterable to `onRecord` (which adds text to the sink), flushing when
 * the buffer is full. Sync sources are iterated without a microtask per record.
 */
export async function pump(
  source: Iterable<object> | AsyncIterable<object>,
  sink: FileSink,
  onRecord: (record: object, index: number) => void,
): Promise<number> {
  let index = 0;
  if (Symbol.asyncIterator in source) {
    for await (const record of source) {
      onRecord(record, index++);
      if (sink.full) await sink.flush();
    }
  } else {
    for (const record of source) {
      onRecord(record, index++);
      if (sink.full) await sink.flush();
    }
  }
  return index;
}
