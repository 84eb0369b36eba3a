import { CxValidationError, issuesFromZod } from '@cx/model';
import { z } from 'zod';
import type { NpsResult } from './nps-accumulator.js';

const share = z.number().min(0).max(1);

/** What the NPS tests read of an `NpsResult`: checked, so that a CSAT result or a hand-made object cannot give NaN. */
const npsResultSchema = z.looseObject({
  n: z.number().int().min(0),
  effectiveN: z.number().min(0).max(Number.MAX_SAFE_INTEGER),
  score: z.number().min(-100).max(100).nullable(),
  shares: z.looseObject({ promoters: share, passives: share, detractors: share }).nullable(),
});

/**
 * Checks that a value is an NPS result the tests can read (internal).
 *
 * @param value - The argument.
 * @param name - Its name, for the issue paths (`a`, `b`, `result`).
 * @returns The result.
 * @throws {@link @cx/model!CxValidationError} naming what is missing or out of range.
 */
export function checkNpsResult(value: NpsResult, name: string): NpsResult {
  const parsed = npsResultSchema.safeParse(value);
  if (!parsed.success)
    throw new CxValidationError(issuesFromZod(parsed.error.issues, [name]), { subject: 'NpsResult' });
  const r = parsed.data;
  if (
    (r.n === 0) !== (r.shares === null) ||
    (r.shares === null) !== (r.score === null) ||
    (r.n > 0 && !(r.effectiveN > 0))
  ) {
    throw new CxValidationError(
      [
        {
          path: [name],
          code: 'invalid_value',
          message: 'Expected an NpsResult from nps() or NpsAccumulator.result()',
        },
      ],
      { subject: 'NpsResult' },
    );
  }
  return value;
}
