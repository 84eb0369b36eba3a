import { CxValidationError, type ValidationIssueCode } from '@cx/model';
import { MAP_FORMAT_VERSION } from '../format/document.js';
import { v0ToV1 } from './v0.js';
import { v1ToV2, v2PathInV1 } from './v1.js';

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
  /**
   * Where a path of the migrated document lies in the source document, when the migration keeps the structure
   * (so that errors found after migrating can still name a line and column of the source text).
   */
  readonly sourcePath?: (path: ReadonlyArray<string | number>) => ReadonlyArray<string | number>;
}

/**
 * Every migration this package knows, oldest first; applied in a chain up to {@link MAP_FORMAT_VERSION}.
 *
 * @example
 * ```ts
 * import { MAP_MIGRATIONS } from '@cx/map';
 * console.log(MAP_MIGRATIONS.map((m) => `${m.from}->${m.to}`)); // ['0->1', '1->2']
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
  Object.freeze({
    from: 1,
    to: 2,
    description:
      'Measurement "interval" renamed "confidenceInterval"; everything else kept in place; new version-2 fields ' +
      '(goals, expectations, blueprint, scenarios, pain-point frequency and impact …) start empty.',
    migrate: v1ToV2,
    sourcePath: v2PathInV1,
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
  /** The versions passed through, e.g. `[0, 1, 2]`; just `[2]` when nothing was migrated. */
  readonly path: readonly number[];
}

const SUBJECT = 'JourneyMap';

/**
 * Detects a document's format version and migrates it to the current one.
 *
 * A document without `formatVersion` that has a top-level `steps` list is version 0. A document of a version
 * newer than this package knows is rejected, never guessed at (see the versioning policy in docs/map-format.md).
 *
 * @param document - Untrusted document data (already parsed from text).
 * @returns The migrated document and the versions it went through.
 * @throws {@link @cx/model!CxValidationError} at `/formatVersion` for a missing or malformed version
 * (`missing_format_version`, `invalid_type`) or a newer one (`unknown_format_version`, naming the version and the
 * versions this package reads), or at the offending place of an invalid old-version document.
 * @example
 * ```ts
 * import { migrateMapDocument } from '@cx/map';
 * const { fromVersion, path } = migrateMapDocument({ title: 'Shop', steps: [{ stage: 'Use', name: 'Unboxes' }] });
 * console.log(fromVersion, path); // 0 [0, 1, 2]
 * ```
 * @category Migration
 * @since 0.1.0
 */
export function migrateMapDocument(document: unknown): MigrationResult {
  const fail = (message: string, code: ValidationIssueCode): never => {
    throw new CxValidationError([{ path: ['formatVersion'], message, code }], { subject: SUBJECT });
  };
  if (typeof document !== 'object' || document === null || Array.isArray(document))
    throw new CxValidationError(
      [{ path: [], message: 'Expected a journey-map document (a JSON object)', code: 'invalid_type' }],
      { subject: SUBJECT },
    );
  const own = (key: string) =>
    Object.hasOwn(document, key) ? (document as Record<string, unknown>)[key] : undefined;
  const raw = own('formatVersion');
  if (raw === undefined) {
    if (!Array.isArray(own('steps')) || Object.hasOwn(document, 'journey'))
      fail(`Missing formatVersion: expected ${MAP_FORMAT_VERSION}`, 'missing_format_version');
  } else if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0)
    fail(`Expected formatVersion to be a non-negative integer, got ${JSON.stringify(raw)}`, 'invalid_type');
  let version = typeof raw === 'number' ? raw : 0;
  if (version > MAP_FORMAT_VERSION)
    fail(
      `Unknown format version ${version}: this version of @cx/map reads format versions 0 to ${MAP_FORMAT_VERSION}; ` +
        `a document of version ${version} needs a newer @cx/map`,
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
