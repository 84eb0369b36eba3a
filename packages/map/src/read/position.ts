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

/** Finds the value at a path in a source document, for error messages. @internal */
export type Locate = (path: ReadonlyArray<string | number>) => TextPosition | undefined;

/**
 * Converts offsets to line/column positions in `text`. Lines end at LF, CRLF or a lone CR (as YAML and Mermaid
 * count them). Built once in O(n); each lookup is a binary search.
 *
 * @internal
 */
export function positionFinder(text: string): (offset: number) => TextPosition {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
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
