import { CxError, CxValidationError, issuesFromZod } from '@cx/model';
import { z } from 'zod';

/**
 * Reads an accumulator snapshot: checks the envelope (`kind`, `version`), the options and the state with zod, then
 * lets `build` create the accumulator. Every mistake — a wrong kind or version, options the accumulator would
 * reject, a state that breaks an invariant — is a {@link CxValidationError} with code `invalid_snapshot` and the
 * path of the offending part: a snapshot is data, even when part of it is options (internal).
 *
 * @param input - What the caller passed to `restore`.
 * @param spec - The accumulator's `kind`, format `version`, class name (`subject`) and schemas of options and state.
 * @param build - Creates the accumulator from parsed options and state; may throw `CxError`s, which are reported as
 *   `invalid_snapshot` with the original as the cause.
 * @returns The accumulator.
 */
export function restoreSnapshot<O extends z.ZodType, S extends z.ZodType, A>(
  input: unknown,
  spec: {
    readonly kind: string;
    readonly version: number;
    readonly subject: string;
    readonly options: O;
    readonly state: S;
  },
  build: (options: z.output<O>, state: z.output<S>) => A,
): A {
  const schema = z.strictObject({
    kind: z.literal(spec.kind, { error: `Expected a snapshot of kind "${spec.kind}"` }),
    version: z.literal(spec.version, { error: `Expected format version ${spec.version}` }),
    options: spec.options,
    state: spec.state,
  });
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new CxValidationError(
      issuesFromZod(parsed.error.issues).map((issue) => ({ ...issue, code: 'invalid_snapshot' as const })),
      { subject: `${spec.subject} snapshot` },
    );
  }
  try {
    const data = parsed.data as { readonly options: z.output<O>; readonly state: z.output<S> };
    return build(data.options, data.state);
  } catch (error) {
    if (!(error instanceof CxError)) throw error;
    if (error instanceof CxValidationError && error.issues.every((i) => i.code === 'invalid_snapshot'))
      throw error;
    throw new CxValidationError(
      [{ path: [], code: 'invalid_snapshot', message: `The snapshot cannot be restored: ${error.message}` }],
      { subject: `${spec.subject} snapshot`, cause: error },
    );
  }
}
