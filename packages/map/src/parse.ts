import { CxValidationError, safeValidate } from '@cx/model';
import { z } from 'zod';
import { type JourneyMap, mapDocumentSchema } from './format/document.js';
import type { LocatedIssue } from './issues.js';
import { MAP_MIGRATIONS, migrateMapDocument } from './migrate/index.js';
import { checkOptions } from './options.js';
import { inspectDocument } from './read/inspect.js';
import { readJson } from './read/json.js';
import { limitsSchema, type MapReadLimits, resolveLimits } from './read/limits.js';
import type { Locate } from './read/position.js';
import { readYaml } from './read/yaml.js';
import { mapRuleIssues } from './rules.js';

const SUBJECT = 'JourneyMap';
/** Issues located in the source text, at most: locating is O(depth) each, and a message lists 20 anyway. */
const LOCATED_ISSUES = 1000;

/**
 * Options of {@link parseMap}, {@link parseMapJson} and {@link parseMapYaml}.
 *
 * @category Parsing
 * @since 0.2.0
 */
export interface ParseMapOptions {
  /** Work bounds; see {@link MapReadLimits} for the defaults. */
  readonly limits?: MapReadLimits;
}

const optionsSchema = z.strictObject({ limits: limitsSchema });

/** Adds line and column to issues, once, when the error is built (its message then names them). */
function located(issues: readonly LocatedIssue[], locate: Locate | undefined): LocatedIssue[] {
  if (locate === undefined) return [...issues];
  return issues.map((issue, i) => {
    if (issue.line !== undefined || i >= LOCATED_ISSUES) return issue;
    const at = locate(issue.path);
    return at === undefined ? issue : { ...issue, ...at };
  });
}

/** The structural check: exactly what the published JSON Schema says, nothing more. @internal */
export function structuralCheck(
  document: unknown,
): { success: true; data: JourneyMap } | { success: false; issues: LocatedIssue[] } {
  const result = safeValidate(mapDocumentSchema, document, { subject: SUBJECT });
  return result.success
    ? { success: true, data: result.data }
    : { success: false, issues: [...result.error.issues] };
}

function read(value: unknown, limits: Required<MapReadLimits>, locate?: Locate): JourneyMap {
  inspectDocument(value, limits, SUBJECT, locate);
  let migrated: ReturnType<typeof migrateMapDocument>;
  try {
    migrated = migrateMapDocument(value);
  } catch (error) {
    if (error instanceof CxValidationError)
      throw new CxValidationError(located(error.issues, locate), { subject: SUBJECT, cause: error.cause });
    throw error;
  }
  // Issues of the migrated document can be placed in the source only if every step kept the structure.
  let sourceLocate = locate;
  for (const version of migrated.path.slice(0, -1)) {
    const step = MAP_MIGRATIONS.find((m) => m.from === version);
    const inner = sourceLocate;
    sourceLocate =
      step?.sourcePath === undefined || inner === undefined
        ? undefined
        : (path) => inner(step.sourcePath!(path));
  }
  const structure = structuralCheck(migrated.document);
  if (!structure.success)
    throw new CxValidationError(located(structure.issues, sourceLocate), { subject: SUBJECT });
  const issues = mapRuleIssues(structure.data);
  if (issues.length > 0) throw new CxValidationError(located(issues, sourceLocate), { subject: SUBJECT });
  return structure.data;
}

/**
 * Parses a journey-map document given as data: checks its size, depth and keys, migrates older format versions,
 * checks the structure and every rule beyond it (references, unique ids, measurements).
 *
 * @param input - Untrusted document data, e.g. the result of `JSON.parse`.
 * @param options - Work limits.
 * @returns The typed map in the current format version, every default filled in.
 * @throws {@link @cx/model!CxValidationError} naming each problem by path: unknown format version, wrong types,
 * emotions off the −2…+2 scale, non-http(s) URLs, `__proto__` keys, cyclic objects, duplicate ids, references to
 * things that do not exist.
 * @throws {@link @cx/model!CxOptionsError} for an unknown option (naming the closest known one) or a value out of range.
 * @throws {@link @cx/model!CxLimitError} when the document nests deeper than `maxDepth` or holds more than `maxNodes` values.
 * @example
 * ```ts
 * import { parseMap } from '@cx/map';
 * const map = parseMap({
 *   formatVersion: 2,
 *   journey: { id: 'shop', name: 'Shop', version: 1, stages: [{ id: 'use', labels: { en: 'Use' } }] },
 * });
 * console.log(map.journey.status); // 'draft'
 * ```
 * @category Parsing
 * @since 0.1.0
 */
export function parseMap(input: unknown, options?: ParseMapOptions): JourneyMap {
  const { limits } = checkOptions(optionsSchema, options, 'parseMap');
  return read(input, resolveLimits(limits));
}

/**
 * Parses journey-map JSON text with an iterative reader (time linear in the text, no recursion). Every issue names
 * its JSON pointer and the line and column in the text.
 *
 * @param text - JSON text (a UTF-8 byte-order mark is ignored).
 * @param options - Work limits.
 * @returns The typed map in the current format version.
 * @throws {@link @cx/model!CxValidationError} for malformed JSON (`invalid_json`, with line and column), duplicate
 * keys, and everything {@link parseMap} rejects.
 * @throws {@link @cx/model!CxLimitError} for text longer than `maxLength` or nested deeper than `maxDepth`.
 * @example
 * ```ts
 * import { parseMapJson } from '@cx/map';
 * try {
 *   parseMapJson('{"formatVersion": 2,\n "journey": }');
 * } catch (error) {
 *   console.log((error as Error).message.includes('2:13 at /journey')); // true
 * }
 * ```
 * @category Parsing
 * @since 0.1.0
 */
export function parseMapJson(text: string, options?: ParseMapOptions): JourneyMap {
  const { limits } = checkOptions(optionsSchema, options, 'parseMapJson');
  const resolved = resolveLimits(limits);
  if (typeof text !== 'string')
    throw new CxValidationError(
      [{ path: [], code: 'invalid_type', message: 'Expected JSON text (a string)' }],
      {
        subject: SUBJECT,
      },
    );
  const { value, locate } = readJson(text, resolved, SUBJECT);
  return read(value, resolved, locate);
}

/**
 * Parses journey-map YAML text (one YAML 1.2 document, core schema; duplicate keys, unknown tags and non-string
 * keys rejected), the second text form of the format. Nesting and aliases are bounded before the document is
 * built, so "billion laughs" and deeply nested input stop with a {@link @cx/model!CxLimitError}.
 *
 * @param text - YAML text, e.g. from {@link serializeMapYaml}.
 * @param options - Work limits.
 * @returns The typed map in the current format version.
 * @throws {@link @cx/model!CxValidationError} for malformed YAML (`invalid_yaml`, with line and column) and
 * everything {@link parseMap} rejects.
 * @throws {@link @cx/model!CxLimitError} for text longer than `maxLength`, nesting deeper than `maxDepth` or more than
 * `maxAliases` aliases.
 * @example
 * ```ts
 * import { parseMapYaml } from '@cx/map';
 * const map = parseMapYaml(
 *   'formatVersion: 2\njourney:\n  id: shop\n  name: Shop\n  version: 1\n  stages:\n    - id: use\n      labels: { en: Use }\n',
 * );
 * console.log(map.journey.stages[0]?.id); // 'use'
 * ```
 * @category Parsing
 * @since 0.1.0
 */
export function parseMapYaml(text: string, options?: ParseMapOptions): JourneyMap {
  const { limits } = checkOptions(optionsSchema, options, 'parseMapYaml');
  const resolved = resolveLimits(limits);
  if (typeof text !== 'string')
    throw new CxValidationError(
      [{ path: [], code: 'invalid_type', message: 'Expected YAML text (a string)' }],
      {
        subject: SUBJECT,
      },
    );
  const { value, locate } = readYaml(text, resolved, SUBJECT);
  return read(value, resolved, locate);
}
