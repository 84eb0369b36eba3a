import { instantIssue, instantToEpochMsOrNaN } from '@cx/model';
import { z } from 'zod';

const EXPECTED = 'Expected a UTC instant such as "2026-03-01T00:00:00Z" (ISO 8601, ending in Z)';

/**
 * An instant given as an option (`asOf`, `from`, `to`): the model's record form, `YYYY-MM-DDTHH:mm:ss[.fff]Z`,
 * read by the one instant grammar and returned as epoch milliseconds (internal). A number is rejected: its unit
 * and zone would be guesses, and `1e300` is not a point in time.
 */
export const instantOption = z
  .string({ error: EXPECTED })
  .refine((text) => instantIssue(text) === null, {
    error: (issue) => `${EXPECTED}: ${instantIssue(issue.input)?.message ?? 'not an instant'}`,
  })
  .transform((text) => instantToEpochMsOrNaN(text));
