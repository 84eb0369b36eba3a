// A chunk reducer for the tests of `reduceColumns`: each chunk's rows as [line, customer index, time] with the
// reader's lines and indices, the reader's thread, and (option `failOn`) a typed error at the row of a customer.
// With `stream`, it also reduces batch by batch (`begin` / `add` / `end`), copying each batch's values; with `keep`
// as well, it keeps the batches' arrays instead and reads them at the end (wrong when the reader reuses them).

import { isMainThread } from 'node:worker_threads';
import { CxValidationError } from '@cx/model';
import type { ChunkReducer, ChunkReducerContext, ColumnBatch } from '../../src/index.js';

interface Rows {
  readonly rows: Array<[number, number, number]>;
  readonly inWorker: boolean;
  readonly streamed: boolean;
}

interface Options {
  readonly failOn?: string;
  readonly stream?: boolean;
  readonly keep?: boolean;
}

function rowsOf(
  batch: ColumnBatch,
  context: ChunkReducerContext,
  options: Options | undefined,
  rows: Array<[number, number, number]>,
): void {
  const customers = context.dictionary('customerId');
  const who = batch.columns.customerId as Int32Array;
  const at = batch.columns.timestamp as Float64Array;
  for (let i = 0; i < batch.length; i++) {
    if (options?.failOn !== undefined && customers[who[i] as number] === options.failOn) {
      throw new CxValidationError(
        [
          {
            path: ['customerId'],
            code: 'invalid_value',
            message: 'Not this one',
            line: batch.line[i] as number,
          },
        ],
        { subject: 'test rows' },
      );
    }
    rows.push([batch.line[i] as number, who[i] as number, at[i] as number]);
  }
}

export function createReducer(options: Options | undefined): ChunkReducer<Rows> {
  const reducer: ChunkReducer<Rows> = {
    reduce(batches: readonly ColumnBatch[], context) {
      const rows: Array<[number, number, number]> = [];
      for (const batch of batches) rowsOf(batch, context, options, rows);
      return { rows, inWorker: !isMainThread, streamed: false };
    },
  };
  if (options?.stream !== true) return reducer;
  let rows: Array<[number, number, number]> = [];
  let kept: ColumnBatch[] = [];
  return {
    ...reducer,
    begin() {
      rows = [];
      kept = [];
    },
    add(batch, context) {
      if (options.keep === true) kept.push(batch);
      else rowsOf(batch, context, options, rows);
    },
    end(context) {
      for (const batch of kept) rowsOf(batch, context, options, rows);
      return { rows, inWorker: !isMainThread, streamed: true };
    },
  };
}
