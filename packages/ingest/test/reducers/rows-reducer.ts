// A chunk reducer for the tests of `reduceColumns`: each chunk's rows as [line, customer index, time] with the
// reader's lines and indices, the reader's thread, and (option `failOn`) a typed error at the row of a customer.

import { isMainThread } from 'node:worker_threads';
import { CxValidationError } from '@cx/model';
import type { ChunkReducer, ColumnBatch } from '../../src/index.js';

interface Rows {
  readonly rows: Array<[number, number, number]>;
  readonly inWorker: boolean;
}

export function createReducer(options: { failOn?: string } | undefined): ChunkReducer<Rows> {
  return {
    reduce(batches: readonly ColumnBatch[], context) {
      const rows: Array<[number, number, number]> = [];
      const customers = context.dictionary('customerId');
      for (const batch of batches) {
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
      return { rows, inWorker: !isMainThread };
    },
  };
}
