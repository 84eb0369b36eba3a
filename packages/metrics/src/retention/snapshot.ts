import { CxValidationError, issuesFromZod } from '@cx/model';
import { z } from 'zod';

const finite = z.number().refine(Number.isFinite, { error: 'Expected a finite number' });

const snapshotSchema = z.strictObject({
  kind: z.literal('cohort-retention'),
  version: z.literal(1),
  options: z.record(z.string(), z.unknown()),
  state: z.strictObject({
    actors: z.array(
      z.strictObject({
        id: z.string().min(1),
        last: finite,
        start: finite.optional(),
        dropped: z.literal(true).optional(),
        counts: z.array(z.number().int().min(0).max(65_535)).optional(),
      }),
    ),
    sums: z.array(z.strictObject({ cohort: z.number().int(), values: z.array(finite) })),
    maxTime: finite.nullable(),
    added: z.number().int().min(0),
  }),
});

/** The checked parts of a `CohortRetentionAccumulator` snapshot (internal). */
export type RetentionSnapshotParts = z.output<typeof snapshotSchema>;

/** Reads a snapshot's shape, or throws `invalid_snapshot` issues with their paths (internal). */
export function readSnapshot(snapshot: unknown): RetentionSnapshotParts {
  const parsed = snapshotSchema.safeParse(snapshot);
  if (parsed.success) return parsed.data;
  throw new CxValidationError(
    issuesFromZod(parsed.error.issues).map((issue) => ({ ...issue, code: 'invalid_snapshot' as const })),
    { subject: 'CohortRetentionAccumulator snapshot' },
  );
}
