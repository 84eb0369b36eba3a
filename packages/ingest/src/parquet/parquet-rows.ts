import { CxValidationError } from '@cx/model';
import { filePath, type IngestInput } from '../input/input.js';
import type { SummaryBuilder } from '../records/dead-letter.js';
import { JsonRowAccess } from '../records/json-access.js';
import type { ResolvedReadOptions } from '../records/options.js';
import type { RowVisitor } from '../records/visitor.js';

/** A random-access view of the input, as hyparquet reads it (internal). */
interface AsyncBuffer {
  readonly byteLength: number;
  slice(start: number, end?: number): Promise<ArrayBuffer> | ArrayBuffer;
}

/** The input as a random-access buffer: files are read by range; bytes and streams are held in memory (internal). */
async function asyncBuffer(input: IngestInput, signal: AbortSignal | undefined): Promise<AsyncBuffer> {
  const path = filePath(input);
  if (path !== undefined) {
    const { asyncBufferFromFile } = await import('hyparquet');
    return asyncBufferFromFile(path);
  }
  let bytes: Uint8Array;
  if (input instanceof Uint8Array) bytes = input;
  else if (!(Symbol.asyncIterator in input)) {
    throw new CxValidationError([
      {
        path: [],
        code: 'invalid_value',
        message: 'A Parquet file is binary: pass { path }, a Uint8Array or a stream, not { text }',
      },
    ]);
  } else {
    const parts: Uint8Array[] = [];
    for await (const chunk of input as AsyncIterable<Uint8Array | string>) {
      signal?.throwIfAborted();
      parts.push(typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk);
    }
    bytes = Buffer.concat(parts);
  }
  const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return { byteLength: copy.byteLength, slice: (start, end) => copy.slice(start, end) };
}

/**
 * Reads a Parquet file (through hyparquet: pure JavaScript, uncompressed and Snappy pages) row group by row group
 * into `visitor` (internal). Row `i` is reported as line `i + 1`. Only the columns the visitor needs are decoded.
 */
export async function* visitParquet(
  input: IngestInput,
  options: ResolvedReadOptions,
  visitor: RowVisitor,
  summary: SummaryBuilder,
): AsyncGenerator<void> {
  const { parquetMetadataAsync, parquetReadObjects, parquetSchema } = await import('hyparquet');
  const file = await asyncBuffer(input, options.signal);
  let metadata: Awaited<ReturnType<typeof parquetMetadataAsync>>;
  try {
    metadata = await parquetMetadataAsync(file);
  } catch (error) {
    throw new CxValidationError(
      [
        {
          path: [],
          code: 'invalid_value',
          message: `Not a readable Parquet file: ${(error as Error).message}`,
        },
      ],
      { subject: `Parquet ${options.name}`, cause: error },
    );
  }
  const columns = parquetSchema(metadata).children.map((c) => c.element.name);
  const missing = visitor.header(columns);
  const top = new Set(missing.map((c) => c.split('.')[0] as string));
  const absent = [...top].filter((c) => !columns.includes(c));
  if (absent.length > 0) {
    throw new CxValidationError(
      absent.map((c) => ({
        path: ['columns', c],
        code: 'missing_column',
        message: `Expected a column ${JSON.stringify(c)} in the Parquet file (columns: ${columns.join(', ')})`,
      })),
      { subject: `Parquet ${options.name}` },
    );
  }
  const access = new JsonRowAccess();
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    options.signal?.throwIfAborted();
    const rowEnd = rowStart + Number(group.num_rows);
    const rows = (await parquetReadObjects({ file, metadata, rowStart, rowEnd })) as Array<
      Record<string, unknown>
    >;
    rows.forEach((row, i) => {
      summary.rowsIn++;
      visitor.row(access.at(row, ''), rowStart + i + 1);
    });
    rowStart = rowEnd;
    yield;
  }
}
