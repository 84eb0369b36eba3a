import { CxLimitError, CxValidationError, type ValidationIssueCode } from '@cx/model';
import { Composer, type CST, type Document, isScalar, LineCounter, Parser, visit } from 'yaml';
import { limitError } from '../errors.js';
import type { LocatedIssue } from '../issues.js';
import type { MapReadLimits } from './limits.js';
import { checkLength } from './limits.js';
import type { Locate } from './position.js';

/** Parsed YAML text and a way to find where each value starts. @internal */
export interface LocatedYaml {
  readonly value: unknown;
  readonly locate: Locate;
}

/**
 * Walks the concrete syntax tree (which the `yaml` package builds without recursion) before the document is
 * composed, so that nesting deeper than `maxDepth` and more than `maxAliases` aliases are refused before the
 * `yaml` composer (which recurses) sees them.
 */
function checkTree(
  tokens: readonly CST.Token[],
  limits: Required<MapReadLimits>,
  subject: string,
  lines: LineCounter,
): void {
  const stack: Array<[CST.Token, number]> = tokens.map((t) => [t, 0]);
  let aliases = 0;
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    const at = () => {
      const { line, col } = lines.linePos(token.offset);
      return { line, column: col };
    };
    if (token.type === 'alias' && ++aliases > limits.maxAliases)
      throw limitError({
        limit: 'maxAliases',
        max: limits.maxAliases,
        actual: aliases,
        subject,
        what: `more than ${limits.maxAliases} aliases`,
        ...at(),
      });
    if (token.type === 'document') {
      if (token.value !== undefined) stack.push([token.value, depth]);
      continue;
    }
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection')
      continue;
    if (depth + 1 > limits.maxDepth)
      throw limitError({
        limit: 'maxDepth',
        max: limits.maxDepth,
        actual: depth + 1,
        subject,
        what: `nesting ${depth + 1} levels deep`,
        ...at(),
      });
    for (const item of token.items as CST.CollectionItem[]) {
      if (item.key) stack.push([item.key, depth + 1]);
      if (item.value) stack.push([item.value, depth + 1]);
    }
  }
}

function located(
  lines: LineCounter,
  offset: number,
  message: string,
  code: ValidationIssueCode,
): LocatedIssue {
  const { line, col } = lines.linePos(offset);
  return {
    path: [],
    line,
    column: col,
    code,
    message: message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
  };
}

/**
 * Reads one YAML 1.2 document (core schema, no YAML 1.1 tags) with the `yaml` package: duplicate keys, unknown
 * tags, keys that are not strings and several documents in one text are errors, not warnings. Depth and aliases
 * are checked on the syntax tree first; any error the `yaml` package throws is reported as a
 * {@link @cx/model!CxValidationError} (`invalid_yaml`) or a {@link @cx/model!CxLimitError}, never passed through.
 *
 * @internal
 */
export function readYaml(text: string, limits: Required<MapReadLimits>, subject: string): LocatedYaml {
  checkLength(text, limits, subject);
  const lines = new LineCounter();
  let doc: Document.Parsed;
  try {
    const tokens = [...new Parser(lines.addNewLine).parse(text)];
    checkTree(tokens, limits, subject, lines);
    const docs = [
      ...new Composer({
        version: '1.2',
        schema: 'core',
        resolveKnownTags: false,
        uniqueKeys: true,
        prettyErrors: false,
      }).compose(tokens, true, text.length),
    ];
    if (docs.length > 1)
      throw new CxValidationError(
        [located(lines, docs[1]!.range[0], 'Expected one YAML document, found several', 'invalid_yaml')],
        { subject },
      );
    doc = docs[0]!;
  } catch (error) {
    if (error instanceof CxValidationError || error instanceof CxLimitError) throw error;
    throw new CxValidationError(
      [{ path: [], code: 'invalid_yaml', message: `Unreadable YAML: ${String(error)}` }],
      {
        subject,
        cause: error,
      },
    );
  }
  const issues: LocatedIssue[] = [...doc.errors, ...doc.warnings].map((e) =>
    located(lines, e.pos[0], e.message, 'invalid_yaml'),
  );
  visit(doc, {
    Pair(_, pair) {
      const key = pair.key;
      if (!isScalar(key) || typeof key.value !== 'string') {
        const offset = (key as { range?: [number, number, number] } | null)?.range?.[0] ?? 0;
        issues.push(
          located(
            lines,
            offset,
            'Expected a string key (quote keys such as 1 or true, and do not use lists or maps as keys)',
            'invalid_yaml',
          ),
        );
      }
    },
  });
  if (issues.length > 0) throw new CxValidationError(issues, { subject });
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: limits.maxAliases });
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message))
      throw limitError({
        limit: 'maxAliases',
        max: limits.maxAliases,
        actual: limits.maxAliases + 1,
        subject,
        what: 'the expansion of aliases',
        cause: error,
      });
    throw new CxValidationError(
      [{ path: [], code: 'invalid_yaml', message: `Unreadable YAML: ${String(error)}` }],
      {
        subject,
        cause: error,
      },
    );
  }
  const locate: Locate = (path) => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      const start = node?.range?.[0];
      if (start !== undefined) {
        const { line, col } = lines.linePos(start);
        return { line, column: col };
      }
    }
    return undefined;
  };
  return { value, locate };
}
