import { CxValidationError } from '@cx/model';
import { limitError } from '../errors.js';
import type { LocatedIssue } from '../issues.js';
import type { MapReadLimits } from './limits.js';
import { checkLength } from './limits.js';
import { type Locate, positionFinder } from './position.js';

/** Parsed JSON text and a way to find where each value starts. @internal */
export interface LocatedJson {
  readonly value: unknown;
  readonly locate: Locate;
}

const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;

interface Frame {
  readonly container: Record<string, unknown> | unknown[];
  readonly isArray: boolean;
  key: string;
}

/**
 * Reads JSON text (RFC 8259) without recursion, in time linear in its length, and remembers where each value
 * starts so that later validation issues can name a line and column. Duplicate keys are an error (JSON.parse
 * would keep the last one silently); a `__proto__` key becomes an own property (and is then rejected by the
 * document check), never a prototype. Text longer than `maxLength` or nesting deeper than `maxDepth` is a
 * {@link @cx/model!CxLimitError}; everything else wrong is a {@link @cx/model!CxValidationError} with code `invalid_json`.
 *
 * @internal
 */
export function readJson(text: string, limits: Required<MapReadLimits>, subject: string): LocatedJson {
  checkLength(text, limits, subject);
  const position = positionFinder(text);
  const memberOffsets = new WeakMap<object, Map<string, number>>();
  const itemOffsets = new WeakMap<unknown[], number[]>();
  const stack: Frame[] = [];
  let root: unknown;
  let rootOffset = 0;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  // Each ancestor array already holds the child being read (its last item); the innermost one not yet.
  const pathHere = (): Array<string | number> =>
    stack.map((f, k) =>
      f.isArray ? (f.container as unknown[]).length - (k < stack.length - 1 ? 1 : 0) : f.key,
    );
  const fail = (message: string, at = i, path = pathHere()): never => {
    const { line, column } = position(at);
    const issue: LocatedIssue = {
      path,
      message,
      code: 'invalid_json',
      line,
      column,
    };
    throw new CxValidationError([issue], { subject });
  };
  const ws = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else return;
    }
  };
  const describe = () => (i >= text.length ? 'end of input' : `character ${JSON.stringify(text[i])}`);
  const string = (): string => {
    const start = i;
    i++;
    let out = '';
    let run = i;
    for (;;) {
      if (i >= text.length) fail('Unterminated string', start);
      const c = text.charCodeAt(i);
      if (c === 34) {
        out += text.slice(run, i);
        i++;
        return out;
      }
      if (c === 92) {
        out += text.slice(run, i);
        const e = text[i + 1];
        if (e === 'u') {
          HEX4.lastIndex = i + 2;
          if (!HEX4.test(text)) fail('Invalid \\u escape: expected four hexadecimal digits', i);
          out += String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else if (e !== undefined && Object.hasOwn(ESCAPES, e)) {
          out += ESCAPES[e];
          i += 2;
        } else fail('Invalid escape sequence', i);
        run = i;
      } else if (c < 0x20) fail('Unescaped control character in string', i);
      else i++;
    }
  };
  const attach = (value: unknown, offset: number) => {
    const top = stack.at(-1);
    if (top === undefined) {
      root = value;
      rootOffset = offset;
    } else if (top.isArray) {
      itemOffsets.get(top.container as unknown[])!.push(offset);
      (top.container as unknown[]).push(value);
    } else {
      memberOffsets.get(top.container)!.set(top.key, offset);
      Object.defineProperty(top.container, top.key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  };
  const primitive = (): unknown => {
    const c = text[i];
    if (c === '"') return string();
    if (text.startsWith('true', i)) {
      i += 4;
      return true;
    }
    if (text.startsWith('false', i)) {
      i += 5;
      return false;
    }
    if (text.startsWith('null', i)) {
      i += 4;
      return null;
    }
    NUMBER.lastIndex = i;
    const match = NUMBER.exec(text);
    if (match === null) return fail(`Unexpected ${describe()}: expected a JSON value`);
    // The token matched the JSON number grammar above; JSON.parse converts it exactly as any JSON reader would.
    const n = JSON.parse(match[0]) as number;
    if (!Number.isFinite(n)) fail(`Number ${match[0].slice(0, 40)} is outside the range of a double`);
    i += match[0].length;
    return n;
  };

  // States: 0 = a value is expected, 1 = a property name is expected, 2 = a value just ended.
  let state = 0;
  for (;;) {
    if (state === 0) {
      ws();
      const start = i;
      const c = text[i];
      if (c === '{' || c === '[') {
        if (stack.length + 1 > limits.maxDepth) {
          const path = pathHere();
          throw limitError({
            limit: 'maxDepth',
            max: limits.maxDepth,
            actual: stack.length + 1,
            subject,
            what: `nesting ${stack.length + 1} levels deep`,
            path,
            ...position(start),
          });
        }
        const isArray = c === '[';
        const container: Record<string, unknown> | unknown[] = isArray ? [] : {};
        if (isArray) itemOffsets.set(container as unknown[], []);
        else memberOffsets.set(container, new Map());
        attach(container, start);
        stack.push({ container, isArray, key: '' });
        i++;
        ws();
        if (text[i] === (isArray ? ']' : '}')) {
          i++;
          stack.pop();
          state = 2;
        } else state = isArray ? 0 : 1;
        continue;
      }
      attach(primitive(), start);
      state = 2;
      continue;
    }
    if (state === 1) {
      ws();
      if (text[i] !== '"') fail(`Expected a property name in double quotes but found ${describe()}`);
      const keyAt = i;
      const key = string();
      const top = stack.at(-1)!;
      if (Object.hasOwn(top.container, key))
        fail(`Duplicate key ${JSON.stringify(key)}`, keyAt, [...pathHere().slice(0, -1), key]);
      top.key = key;
      ws();
      if (text[i] !== ':') fail(`Expected ':' after a property name but found ${describe()}`);
      i++;
      state = 0;
      continue;
    }
    const top = stack.at(-1);
    if (top === undefined) break;
    ws();
    if (text[i] === ',') {
      i++;
      state = top.isArray ? 0 : 1;
    } else if (text[i] === (top.isArray ? ']' : '}')) {
      i++;
      stack.pop();
    } else fail(`Expected ',' or '${top.isArray ? ']' : '}'}' but found ${describe()}`);
  }
  ws();
  if (i < text.length) fail(`Unexpected ${describe()} after the JSON value`, i, []);

  const locate: Locate = (path) => {
    let node: unknown = root;
    let offset = rootOffset;
    for (const segment of path) {
      if (Array.isArray(node) && typeof segment === 'number') {
        const offsets = itemOffsets.get(node);
        if (offsets === undefined || segment >= offsets.length) break;
        offset = offsets[segment]!;
        node = node[segment];
      } else if (typeof node === 'object' && node !== null && typeof segment === 'string') {
        const offsets = memberOffsets.get(node);
        const at = offsets?.get(segment);
        if (at === undefined) break;
        offset = at;
        node = (node as Record<string, unknown>)[segment];
      } else break;
    }
    return position(offset);
  };
  return { value: root, locate };
}
