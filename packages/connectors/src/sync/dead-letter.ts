import { createWriteStream } from 'node:fs';
import type { ValidationIssue } from '@cx/model';

/**
 * A record that could not be turned into a valid model record, with the reason. Secrets are redacted.
 *
 * @category Sync
 * @since 0.1.0
 */
export interface DeadLetter {
  /** Source name. */
  readonly source: string;
  /** Stream name. */
  readonly stream: string;
  /** Dedup key of the raw record, when it had one. */
  readonly key: string | null;
  /** 1-based line of the record in its file or stream, when it has one. */
  readonly line: number | null;
  /** The raw record as received (redacted). */
  readonly raw: unknown;
  /** Readable reason. */
  readonly reason: string;
  /** Validation issues with paths, when the reason was a validation failure. */
  readonly issues: readonly ValidationIssue[];
  /** When it was dead-lettered (UTC instant). */
  readonly at: string;
}

/**
 * Where dead letters go.
 *
 * @category Sync
 * @since 0.1.0
 */
export interface DeadLetterSink {
  /**
   * Stores one dead letter.
   *
   * @param letter - The dead letter.
   */
  write(letter: DeadLetter): void | Promise<void>;
  /** Flushes and releases resources (optional). */
  close?(): Promise<void>;
}

/**
 * A dead-letter sink that keeps letters in memory (tests, small syncs) and counts them per stream.
 *
 * @returns The sink, with `letters` and `counts`.
 * @example
 * ```ts
 * import { memoryDeadLetters } from '@cx/connectors';
 * const sink = memoryDeadLetters();
 * sink.write({ source: 's', stream: 'x', key: null, line: 3, raw: {}, reason: 'bad', issues: [], at: '2024-06-01T00:00:00.000Z' });
 * console.log(sink.letters.length, sink.counts.get('x')); // 1 1
 * ```
 * @category Sync
 * @since 0.1.0
 */
export function memoryDeadLetters(): DeadLetterSink & {
  readonly letters: DeadLetter[];
  readonly counts: Map<string, number>;
} {
  const letters: DeadLetter[] = [];
  const counts = new Map<string, number>();
  return {
    letters,
    counts,
    write(letter) {
      letters.push(letter);
      counts.set(letter.stream, (counts.get(letter.stream) ?? 0) + 1);
    },
  };
}

/**
 * A dead-letter sink appending one JSON object per line to a file.
 *
 * @param path - File path (appended to).
 * @returns The sink; call `close()` at the end.
 * @example
 * ```ts
 * import { ndjsonDeadLetters } from '@cx/connectors';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * const sink = ndjsonDeadLetters(join(tmpdir(), 'dead-letters.ndjson'));
 * await sink.close?.();
 * ```
 * @category Sync
 * @since 0.1.0
 */
export function ndjsonDeadLetters(path: string): DeadLetterSink {
  const out = createWriteStream(path, { flags: 'a' });
  return {
    write(letter) {
      return new Promise<void>((resolve, reject) => {
        out.write(`${JSON.stringify(letter)}\n`, (error) => (error ? reject(error) : resolve()));
      });
    },
    close() {
      return new Promise<void>((resolve) => out.end(resolve));
    },
  };
}
