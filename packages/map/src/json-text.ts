import { CxValidationError, formatIssuePath } from '@cx/model';
import type { LocatedIssue } from './issues.js';

/**
 * A place in a text: 1-based line and column (columns count UTF-16 code units).
 *
 * @category Parsing
 * @since 0.1.0
 */
export interface TextPosition {
  /** 1-based line number. */
  readonly line: number;
  /** 1-based column number. */
  readonly column: number;
}

/** Parsed JSON text plus where each value starts, by JSON pointer. @internal */
export interface LocatedJson {
  readonly value: unknown;
  readonly offsets: ReadonlyMap<string, number>;
  readonly position: (offset: number) => TextPosition;
}

/** Converts offsets to line/column positions in `text`. @internal */
export function positionFinder(text: string): (offset: number) => TextPosition {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
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

/**
 * Parses JSON text (RFC 8259) and records the offset of every value by JSON pointer, so that later
 * validation issues can name a line and column. Duplicate keys are an error (JSON.parse would keep the last).
 *
 * @internal
 */
export function parseLocatedJson(text: string, subject = 'JSON'): LocatedJson {
  const position = positionFinder(text);
  const offsets = new Map<string, number>();
  let i = 0;
  const fail = (message: string, at = i, path: Array<string | number> = []): never => {
    const { line, column } = position(at);
    const issue: LocatedIssue = {
      path,
      message: `${message} at line ${line}, column ${column}`,
      code: 'invalid_json',
      line,
      column,
    };
    throw new CxValidationError([issue], { subject });
  };
  const ws = () => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const describe = () => (i >= text.length ? 'end of input' : `character ${JSON.stringify(text[i])}`);
  const string = (): string => {
    const start = i;
    i++;
    let out = '';
    for (;;) {
      if (i >= text.length) fail('Unterminated string', start);
      const c = text[i]!;
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('Invalid \\u escape', i);
          out += String.fromCharCode(Number.parseInt(hex, 16));
          i += 6;
        } else if (e !== undefined && ESCAPES[e] !== undefined) {
          out += ESCAPES[e];
          i += 2;
        } else fail('Invalid escape sequence', i);
      } else if (c.charCodeAt(0) < 0x20) fail('Unescaped control character in string', i);
      else {
        out += c;
        i++;
      }
    }
  };
  const value = (path: Array<string | number>): unknown => {
    ws();
    offsets.set(formatIssuePath(path), i);
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      ws();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[i] !== '"')
          fail(`Expected a property name in double quotes but found ${describe()}`, i, path);
        const keyAt = i;
        const key = string();
        if (Object.hasOwn(obj, key)) fail(`Duplicate key ${JSON.stringify(key)}`, keyAt, [...path, key]);
        ws();
        if (text[i] !== ':') fail(`Expected ':' after a property name but found ${describe()}`, i, path);
        i++;
        Object.defineProperty(obj, key, {
          value: value([...path, key]),
          enumerable: true,
          writable: true,
          configurable: true,
        });
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return obj;
        } else fail(`Expected ',' or '}' but found ${describe()}`, i, path);
      }
    }
    if (c === '[') {
      i++;
      const arr: unknown[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value([...path, arr.length]));
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return arr;
        } else fail(`Expected ',' or ']' but found ${describe()}`, i, path);
      }
    }
    if (c === '"') return string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
      text.slice(i, i + 400),
    );
    if (literal) {
      i += literal[0].length;
      return literal[0] === 'true'
        ? true
        : literal[0] === 'false'
          ? false
          : literal[0] === 'null'
            ? null
            : Number(literal[0]);
    }
    return fail(`Unexpected ${describe()}: expected a JSON value`, i, path);
  };
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  const result = value([]);
  ws();
  if (i < text.length) fail(`Unexpected ${describe()} after the JSON value`);
  return { value: result, offsets, position };
}
