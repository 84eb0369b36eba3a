import {
  type DeadLetter as IngestDeadLetter,
  type IngestInput,
  type Mapping,
  type ReadOptions,
  readRecords,
} from '@cx/ingest';

/**
 * One row of a file as `@cx/ingest` read it: a validated model record, or the ingestion dead letter that says
 * where (line, column, cell) and why the row was rejected.
 *
 * This is the seam between reading a format (the ingestion layer's one grammar for CSV and NDJSON) and turning
 * rows into sync messages: {@link rowSource} consumes it.
 *
 * @internal
 */
export type FileItem =
  | { readonly line: number; readonly value: Readonly<Record<string, unknown>> }
  | { readonly line: number; readonly letter: IngestDeadLetter };

/**
 * Reads an input through `readRecords` of `@cx/ingest` and yields its records and dead letters in line order.
 *
 * `readRecords` yields records and reports dead letters through `onDeadLetter` as it reads each chunk, before it
 * yields that chunk's records; so when a record of line L arrives, every dead letter of an earlier line is already
 * queued and goes out first. Memory: the dead letters of one chunk. Leaving early or aborting `signal` closes the
 * input (the ingestion layer's guarantee).
 *
 * @internal
 */
export async function* fileItems(
  input: IngestInput,
  mapping: Mapping,
  options: Omit<ReadOptions, 'onDeadLetter' | 'keepDeadLetters' | 'maxRejected'>,
): AsyncGenerator<FileItem> {
  const letters: IngestDeadLetter[] = [];
  let head = 0;
  const records = readRecords(input, {
    ...options,
    mapping,
    keepDeadLetters: 0,
    onDeadLetter: (letter) => {
      letters.push(letter);
    },
  });
  const drainBefore = function* (line: number): Generator<FileItem> {
    while (head < letters.length && (letters[head] as IngestDeadLetter).line < line) {
      const letter = letters[head++] as IngestDeadLetter;
      yield { line: letter.line, letter };
    }
    if (head === letters.length) {
      letters.length = 0;
      head = 0;
    }
  };
  for await (const { line, value } of records) {
    yield* drainBefore(line);
    yield { line, value: value as unknown as Readonly<Record<string, unknown>> };
  }
  yield* drainBefore(Number.POSITIVE_INFINITY);
}
