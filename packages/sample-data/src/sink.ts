import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

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
  private readonly out;
  private buffer = '';
  bytes = 0;
  private failure: Error | undefined;

  constructor(path: string) {
    this.out = createWriteStream(path, { encoding: 'utf8' });
    this.out.on('error', (error) => {
      this.failure = error;
    });
  }

  async write(text: string): Promise<void> {
    this.buffer += text;
    if (this.buffer.length >= CHUNK) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.buffer === '') return;
    const chunk = this.buffer;
    this.buffer = '';
    this.bytes += Buffer.byteLength(chunk, 'utf8');
    if (!this.out.write(chunk)) await Promise.race([once(this.out, 'drain'), once(this.out, 'error')]);
    if (this.failure) throw this.failure;
  }

  async close(): Promise<void> {
    await this.flush();
    this.out.end();
    await Promise.race([once(this.out, 'finish'), once(this.out, 'error')]);
    if (this.failure) throw this.failure;
  }

  /** Closes the file after a failure, keeping the original error. */
  abort(): void {
    this.out.destroy();
  }
}

/** Iterates a sync or async iterable in one `for await`. */
export async function* records(source: Iterable<object> | AsyncIterable<object>): AsyncGenerator<object> {
  yield* source;
}
