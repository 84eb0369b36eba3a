import { instantIssue, instantToEpochMsOrNaN } from '@cx/model';
import { z } from 'zod';

const EXPECTED = 'Expected a UTC instant such as "2026-03-01T00:00:00Z" (ISO 8601, ending in Z)';

/**
 * An instant given as an option (`asOf`, `from`, `to`): the model's record form, `YYYY-MM-DDTHH:mm:ss[.fff]Z`,
 * checked by the one instant grammar and kept as text, so that parsed options stay plain JSON (internal). A number
 * is rejected: its unit and zone would be guesses, and `1e300` is not a point in time.
 */
export const instantOption = z.string({ error: EXPECTED }).refine((text) => instantIssue(text) === null, {
  error: (issue) => `${EXPECTED}: ${instantIssue(issue.input)?.message ?? 'not an instant'}`,
});

/** Epoch milliseconds of an instant option that {@link instantOption} accepted, or `undefined` (internal). */
export function epochOf(instant: string | undefined): number | undefined {
  return instant === undefined ? undefined : instantToEpochMsOrNaN(instant);
}
