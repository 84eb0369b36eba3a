import { CxOptionsError } from '@cx/model';
import { toUtf8 } from '../input/encoding.js';
import { byteChunks, type IngestInput, inputName, isIngestInput } from '../input/input.js';
import { checkOptions, type ReadOptions, readOptionShape, resolveReadOptions } from '../records/options.js';
import { driveCsv } from './driver.js';

/**
 * Reads only the header row of a CSV input (for choosing a mapping by the columns an export has). A stream input is
 * consumed up to the header; read a file or bytes again from the start afterwards.
 *
 * @param input - A file, text, bytes or a stream ({@link IngestInput}).
 * @param options - Delimiter, encoding, chunk size ({@link ReadOptions}); the format must be CSV.
 * @returns The header cells.
 * @throws {@link CxOptionsError} for bad options or another format; {@link @cx/model!CxValidationError} for an
 *   input without a header row.
 * @example
 * ```ts
 * import { readHeader } from '@cx/ingest';
 * console.log(await readHeader({ text: 'id;Data;Kwota\n1;2024-01-01;5\n' }, { format: 'csv', delimiter: ';' })); // [ 'id', 'Data', 'Kwota' ]
 * ```
 * @category Reading
 * @since 0.1.0
 */
export async function readHeader(input: IngestInput, options: ReadOptions = {}): Promise<string[]> {
  if (!isIngestInput(input)) {
    throw new CxOptionsError('readHeader', [
      {
        path: ['input'],
        code: 'invalid_type',
        message: 'Expected { path }, { text }, a Uint8Array or an async iterable of chunks',
      },
    ]);
  }
  const resolved = resolveReadOptions(
    input,
    checkOptions(readOptionShape, options, 'readHeader'),
    inputName(input),
    'readHeader',
  );
  if (resolved.format !== 'csv' || resolved.delimiter === 'auto') {
    throw new CxOptionsError('readHeader', [
      {
        path: [resolved.format !== 'csv' ? 'format' : 'delimiter'],
        code: 'invalid_value',
        message: 'readHeader reads CSV with a given delimiter',
      },
    ]);
  }
  let header: string[] | undefined;
  const sink = {
    header(cells: readonly string[]) {
      header = [...cells];
    },
    record() {},
  };
  const chunks = toUtf8(byteChunks(input, resolved.chunkBytes, resolved.signal), resolved.encoding);
  for await (const _ of driveCsv(
    chunks,
    resolved.delimiter.charCodeAt(0),
    sink,
    resolved.maxRecordBytes,
    resolved.name,
  )) {
    if (header !== undefined) break;
  }
  return header as string[];
}
