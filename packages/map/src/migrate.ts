import {
  CxValidationError,
  channelSchema,
  emotionSchema,
  type ValidationIssueCode,
  validate,
} from '@cx/model';
import { z } from 'zod';
import { MAP_FORMAT_VERSION } from './document.js';
import { uniqueSlug } from './slug.js';

/**
 * Schema of the format version 0 document: a titled flat list of steps, each naming its stage by label.
 * Version 0 files may omit `formatVersion`.
 *
 * @example
 * ```ts
 * import { mapV0Schema } from '@cx/map';
 * const v0 = mapV0Schema.parse({ title: 'Shop', steps: [{ stage: 'Purchase', name: 'Pays', emotion: -1 }] });
 * console.log(v0.steps.length); // 1
 * ```
 * @category Migration
 * @since 0.1.0
 */
export const mapV0Schema = z
  .strictObject({
    formatVersion: z.literal(0).optional(),
    title: z.string().min(1),
    persona: z.string().min(1).optional(),
    steps: z
      .array(
        z.strictObject({
          stage: z.string().min(1),
          name: z.string().min(1),
          touchpoint: z.string().min(1).optional(),
          channel: channelSchema.optional(),
          emotion: emotionSchema.optional(),
          thought: z.string().min(1).optional(),
          painPoint: z.string().min(1).optional(),
        }),
      )
      .min(1, { message: 'Expected at least one step' }),
  })
  .meta({ id: 'JourneyMapV0', description: 'Journey-map format version 0: a flat list of steps.' });

/**
 * A version 0 document.
 *
 * @category Migration
 * @since 0.1.0
 */
export type JourneyMapV0 = z.infer<typeof mapV0Schema>;

/**
 * One migration step: turns a document of version `from` into one of version `to`.
 *
 * @category Migration
 * @since 0.1.0
 */
export interface MapMigration {
  /** Version read. */
  readonly from: number;
  /** Version written. */
  readonly to: number;
  /** What the migration does, for logs and the migration guide. */
  readonly description: string;
  /**
   * Converts a document.
   *
   * @param document - A document of version `from` (validated by the migration itself).
   * @returns The document in version `to` (not yet validated against that version).
   */
  readonly migrate: (document: unknown) => unknown;
}

function v0ToV1(document: unknown): unknown {
  const v0 = validate(mapV0Schema, document, { subject: 'JourneyMap v0' });
  const stageIds = new Map<string, string>();
  const taken = new Set<string>();
  for (const step of v0.steps)
    if (!stageIds.has(step.stage)) stageIds.set(step.stage, uniqueSlug(step.stage, taken, 'stage'));
  const touchpoints = new Map<string, { id: string; name: string; channel: string; stageId: string }>();
  const personaId = v0.persona === undefined ? undefined : uniqueSlug(v0.persona, new Set(), 'persona');
  const steps = v0.steps.map((s, i) => {
    const stageId = stageIds.get(s.stage)!;
    const touchpointIds: string[] = [];
    if (s.touchpoint !== undefined || s.channel !== undefined) {
      const channel = s.channel ?? 'other';
      const name = s.touchpoint ?? channel;
      const key = JSON.stringify([stageId, name, channel]);
      let tp = touchpoints.get(key);
      if (tp === undefined) {
        tp = { id: `tp-${touchpoints.size + 1}`, name, channel, stageId };
        touchpoints.set(key, tp);
      }
      touchpointIds.push(tp.id);
    }
    return {
      id: `step-${i + 1}`,
      stageId,
      name: s.name,
      touchpointIds,
      ...(s.emotion === undefined ? {} : { expectedEmotion: s.emotion }),
    };
  });
  const painPoints = v0.steps.flatMap((s, i) =>
    s.painPoint === undefined
      ? []
      : [
          {
            id: `pp-${i + 1}`,
            description: s.painPoint,
            severity: 'medium',
            stageId: stageIds.get(s.stage)!,
          },
        ],
  );
  const thoughts = v0.steps.flatMap((s, i) =>
    s.thought === undefined
      ? []
      : [
          {
            id: `th-${i + 1}`,
            stepId: `step-${i + 1}`,
            ...(personaId ? { personaId } : {}),
            text: s.thought,
          },
        ],
  );
  const points = v0.steps.flatMap((s, i) =>
    s.emotion === undefined ? [] : [{ stepId: `step-${i + 1}`, emotion: s.emotion }],
  );
  return {
    formatVersion: 1,
    journey: {
      id: uniqueSlug(v0.title, new Set(), 'journey'),
      name: v0.title,
      version: 1,
      personaIds: personaId ? [personaId] : [],
      stages: [...stageIds].map(([label, id]) => ({ id, labels: { en: label } })),
      touchpoints: [...touchpoints.values()],
      steps,
      painPoints,
    },
    personas: personaId && v0.persona ? [{ id: personaId, name: v0.persona }] : [],
    emotionCurves: personaId ? [{ personaId, points }] : [],
    thoughts,
  };
}

/**
 * Every migration this package knows, oldest first; applied in a chain up to {@link MAP_FORMAT_VERSION}.
 *
 * @example
 * ```ts
 * import { MAP_MIGRATIONS } from '@cx/map';
 * console.log(MAP_MIGRATIONS.map((m) => `${m.from}->${m.to}`)); // ['0->1']
 * ```
 * @category Migration
 * @since 0.1.0
 */
export const MAP_MIGRATIONS: readonly MapMigration[] = Object.freeze([
  Object.freeze({
    from: 0,
    to: 1,
    description:
      'Flat step list to a journey: stages from distinct stage labels in order of first use; touchpoints from ' +
      'distinct (stage, touchpoint, channel); pain points get severity "medium"; the persona gets an emotion curve.',
    migrate: v0ToV1,
  }),
]);

/**
 * Result of {@link migrateMapDocument}.
 *
 * @category Migration
 * @since 0.1.0
 */
export interface MigrationResult {
  /** The document in the current format version (not yet validated). */
  readonly document: unknown;
  /** The version the input was in. */
  readonly fromVersion: number;
  /** The versions passed through, e.g. `[0, 1]`; just `[1]` when nothing was migrated. */
  readonly path: readonly number[];
}

/**
 * Detects a document's format version and migrates it to the current one.
 *
 * A document without `formatVersion` that has a top-level `steps` list is version 0.
 *
 * @param document - Untrusted document data (already parsed from text).
 * @returns The migrated document and the versions it went through.
 * @throws {@link @cx/model!CxValidationError} at `/formatVersion` for a missing, malformed or unknown version, or
 * at the offending place of an invalid old-version document.
 * @example
 * ```ts
 * import { migrateMapDocument } from '@cx/map';
 * const { fromVersion, path } = migrateMapDocument({ title: 'Shop', steps: [{ stage: 'Use', name: 'Unboxes' }] });
 * console.log(fromVersion, path); // 0 [0, 1]
 * ```
 * @category Migration
 * @since 0.1.0
 */
export function migrateMapDocument(document: unknown): MigrationResult {
  const fail = (message: string, code: ValidationIssueCode): never => {
    throw new CxValidationError([{ path: ['formatVersion'], message, code }], { subject: 'JourneyMap' });
  };
  if (typeof document !== 'object' || document === null || Array.isArray(document))
    throw new CxValidationError(
      [{ path: [], message: 'Expected a journey-map document (a JSON object)', code: 'invalid_type' }],
      { subject: 'JourneyMap' },
    );
  const raw = (document as Record<string, unknown>).formatVersion;
  if (raw === undefined) {
    if (!Array.isArray((document as Record<string, unknown>).steps) || 'journey' in document)
      fail(`Missing formatVersion: expected ${MAP_FORMAT_VERSION}`, 'missing_format_version');
  } else if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0)
    fail(`Expected formatVersion to be a non-negative integer, got ${JSON.stringify(raw)}`, 'invalid_type');
  let version = typeof raw === 'number' ? raw : 0;
  if (version > MAP_FORMAT_VERSION)
    fail(
      `Unknown format version ${version}: this version of @cx/map reads versions 0 to ${MAP_FORMAT_VERSION}; upgrade @cx/map`,
      'unknown_format_version',
    );
  const path = [version];
  let current: unknown = document;
  while (version < MAP_FORMAT_VERSION) {
    const step = MAP_MIGRATIONS.find((m) => m.from === version);
    if (step === undefined)
      return fail(`No migration from format version ${version}`, 'unknown_format_version');
    current = step.migrate(current);
    version = step.to;
    path.push(version);
  }
  return { document: current, fromVersion: path[0]!, path };
}
