import { CxQuotaExceededError } from '../../src/errors.js';
import type { Source, SourceMessage } from '../../src/sync/source.js';
import { compareCursor } from '../../src/sync/state.js';

/** A row of an in-memory vendor table. */
export interface Row {
  id: string;
  updatedAt: string;
  email?: string;
}

/**
 * An in-memory source over a mutable table: keyset pages ordered by (updatedAt, id) from `from` up to `until`,
 * one checkpoint per page, the remaining row count as the page total. `quotaAfterPages` throws a quota error
 * after that many pages of this run; `quotaAfterRecords` throws it after that many records of this run (in the
 * middle of a page, before its checkpoint).
 */
export function tableSource(
  table: Row[],
  options: {
    pageSize?: number;
    lookbackMs?: number;
    lagMs?: number;
    quotaAfterPages?: number;
    quotaAfterRecords?: number;
    onPage?: (page: number) => void;
  } = {},
): Source {
  return {
    name: 'table',
    lookbackMs: options.lookbackMs ?? 0,
    lagMs: options.lagMs ?? 0,
    async *read(context): AsyncGenerator<SourceMessage> {
      let after = context.from === null ? null : { time: context.from, id: '' };
      let page = 0;
      let records = 0;
      let read = 0;
      for (;;) {
        if (options.quotaAfterPages !== undefined && page >= options.quotaAfterPages) {
          throw new CxQuotaExceededError('daily quota');
        }
        const matching = table
          .map((r) => ({ r, p: { time: new Date(r.updatedAt).toISOString(), id: r.id } }))
          .filter(({ p }) => (after === null || compareCursor(p, after) > 0) && p.time <= context.until)
          .sort((a, b) => compareCursor(a.p, b.p));
        const rows = matching.slice(0, options.pageSize ?? 3);
        page++;
        options.onPage?.(page);
        yield { type: 'page', stream: 'rows', total: read + matching.length };
        if (rows.length === 0) break;
        for (const { r, p } of rows) {
          context.signal.throwIfAborted();
          if (options.quotaAfterRecords !== undefined && records >= options.quotaAfterRecords) {
            throw new CxQuotaExceededError('daily quota');
          }
          records++;
          read++;
          yield {
            type: 'record',
            stream: 'rows',
            raw: { ...r },
            position: p,
            key: `${r.id}@${p.time}`,
            map: () => [
              {
                kind: 'customer',
                value: {
                  id: r.id,
                  type: 'consumer',
                  firstSeenAt: p.time,
                  ...(r.email === undefined ? {} : { email: r.email }),
                },
              },
            ],
          };
          after = p;
        }
        yield { type: 'checkpoint', cursor: after };
      }
    },
  };
}
