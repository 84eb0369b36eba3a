import { CxValidationError } from '@cx/model';
import { deadLetterIssue, type SummaryBuilder } from './dead-letter.js';
import type { ResolvedReadOptions } from './options.js';

/** Checks the threshold of rejected rows after a read (internal). */
export function checkRejected(options: ResolvedReadOptions, summary: SummaryBuilder): void {
  const limit = options.maxRejected;
  if (limit === undefined) return;
  const share = summary.rowsIn === 0 ? 0 : summary.rejected / summary.rowsIn;
  const over =
    (limit.count !== undefined && summary.rejected > limit.count) ||
    (limit.share !== undefined && share > limit.share);
  if (!over) return;
  const issues = summary.deadLetters.slice(0, 20).map(deadLetterIssue);
  throw new CxValidationError(
    [
      {
        path: [],
        code: 'out_of_range',
        message: `${summary.rejected} of ${summary.rowsIn} rows of ${summary.source} were rejected (${(share * 100).toFixed(2)}%), above maxRejected ${JSON.stringify(limit)}; by reason: ${Object.entries(
          summary.byCode,
        )
          .map(([c, n]) => `${c} ${n}`)
          .join(', ')}`,
      },
      ...issues,
    ],
    { subject: `read of ${summary.source}` },
  );
}
