import { CxValidationError, formatIssuePath, safeValidate } from '@cx/model';
import { LineCounter, parseDocument } from 'yaml';
import { type JourneyMap, mapDocumentSchema } from './document.js';
import type { LocatedIssue } from './issues.js';
import { parseLocatedJson, type TextPosition } from './json-text.js';
import { migrateMapDocument } from './migrate.js';
import { mapReferenceIssues } from './references.js';

const SUBJECT = 'JourneyMap';

function checkCurrent(document: unknown): JourneyMap {
  const result = safeValidate(mapDocumentSchema, document, { subject: SUBJECT });
  if (!result.success) throw result.error;
  const issues = mapReferenceIssues(result.data);
  if (issues.length > 0) throw new CxValidationError(issues, { subject: SUBJECT });
  return result.data;
}

/**
 * Parses a journey-map document given as data: migrates older format versions, checks the structure and
 * every reference.
 *
 * @param input - Untrusted document data, e.g. the result of `JSON.parse`.
 * @returns The typed map in the current format version, every default filled in.
 * @throws {@link @cx/model!CxValidationError} naming each problem by path: unknown format version, wrong
 * types, emotions off the −2…+2 scale, duplicate ids, references to stages, steps or personas that do not exist.
 * @example
 * ```ts
 * import { parseMap } from '@cx/map';
 * const map = parseMap({
 *   formatVersion: 1,
 *   journey: { id: 'shop', name: 'Shop', version: 1, stages: [{ id: 'use', labels: { en: 'Use' } }] },
 * });
 * console.log(map.journey.status); // 'draft'
 * ```
 * @category Parsing
 * @since 0.1.0
 */
export function parseMap(input: unknown): JourneyMap {
  return checkCurrent(migrateMapDocument(input).document);
}

function locate(
  error: unknown,
  find: (path: ReadonlyArray<string | number>) => TextPosition | undefined,
): unknown {
  if (!(error instanceof CxValidationError)) return error;
  const issues: LocatedIssue[] = error.issues.map((issue) => {
    const existing = issue as LocatedIssue;
    if (existing.line !== undefined) return existing;
    for (let n = issue.path.length; n >= 0; n--) {
      const at = find(issue.path.slice(0, n));
      if (at) return { ...issue, message: `${issue.message} (line ${at.line}, column ${at.column})`, ...at };
    }
    return issue;
  });
  return new CxValidationError(issues, { subject: SUBJECT, cause: error.cause });
}

function parseLocated(
  value: unknown,
  find: (path: ReadonlyArray<string | number>) => TextPosition | undefined,
): JourneyMap {
  let migrated: ReturnType<typeof migrateMapDocument>;
  try {
    migrated = migrateMapDocument(value);
  } catch (error) {
    throw locate(error, find);
  }
  if (migrated.path.length > 1) return checkCurrent(migrated.document);
  try {
    return checkCurrent(migrated.document);
  } catch (error) {
    throw locate(error, find);
  }
}

/**
 * Parses journey-map JSON text. Every issue names its JSON pointer and the line and column in the text.
 *
 * @param text - JSON text (a UTF-8 byte-order mark is ignored).
 * @returns The typed map in the current format version.
 * @throws {@link @cx/model!CxValidationError} for malformed JSON (with line and column), duplicate keys, and
 * everything {@link parseMap} rejects (with line and column when the input was already in the current version).
 * @example
 * ```ts
 * import { parseMapJson } from '@cx/map';
 * try {
 *   parseMapJson('{"formatVersion": 1,\n "journey": }');
 * } catch (error) {
 *   console.log((error as Error).message.includes('line 2, column 13')); // true
 * }
 * ```
 * @category Parsing
 * @since 0.1.0
 */
export function parseMapJson(text: string): JourneyMap {
  const { value, offsets, position } = parseLocatedJson(text, SUBJECT);
  return parseLocated(value, (path) => {
    const offset = offsets.get(formatIssuePath(path));
    return offset === undefined ? undefined : position(offset);
  });
}

/**
 * Parses journey-map YAML text (YAML 1.2, duplicate keys rejected), the second text form of the format.
 *
 * @param text - YAML text, e.g. from {@link serializeMapYaml}.
 * @returns The typed map in the current format version.
 * @throws {@link @cx/model!CxValidationError} for malformed YAML (with line and column) and everything
 * {@link parseMap} rejects (with line and column).
 * @example
 * ```ts
 * import { parseMapYaml } from '@cx/map';
 * const map = parseMapYaml(
 *   'formatVersion: 1\njourney:\n  id: shop\n  name: Shop\n  version: 1\n  stages:\n    - id: use\n      labels: { en: Use }\n',
 * );
 * console.log(map.journey.stages[0]?.id); // 'use'
 * ```
 * @category Parsing
 * @since 0.1.0
 */
export function parseMapYaml(text: string): JourneyMap {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, version: '1.2' });
  if (doc.errors.length > 0) {
    const issues: LocatedIssue[] = doc.errors.map((e) => {
      const { line, col } = lineCounter.linePos(e.pos[0]);
      return {
        path: [],
        message: `${e.message.split('\n')[0]} at line ${line}, column ${col}`,
        code: 'invalid_yaml',
        line,
        column: col,
      };
    });
    throw new CxValidationError(issues, { subject: SUBJECT });
  }
  const value: unknown = doc.toJS({ maxAliasCount: 100 });
  return parseLocated(value, (path) => {
    const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    const start = node?.range?.[0];
    if (start === undefined) return undefined;
    const { line, col } = lineCounter.linePos(start);
    return { line, column: col };
  });
}
