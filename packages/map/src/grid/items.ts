// The text grammar of one item in a cell of the spreadsheet layout (CSV, Markdown, the HTML table):
//   item  = body group*
//   group = " (" [key ": "] value ")"      value may hold balanced parentheses
// e.g. "[high] Shipping cost shown late (step: Pays by card) (owner: Checkout team)". Groups are read from the
// end, so reading is linear in the item's length; a writer checks that what it wrote reads back the same and
// reports a loss otherwise.

/** A parsed item: its body and its groups by key (`''` for the one bare group, e.g. a channel). @internal */
export interface ParsedItem {
  readonly body: string;
  readonly groups: ReadonlyMap<string, string>;
}

/** Writes an item: the body, then a bare group (if any), then keyed groups in the order given. @internal */
export function formatItem(
  body: string,
  groups: ReadonlyArray<readonly [string, string | undefined]>,
): string {
  let out = body;
  for (const [key, value] of groups)
    if (value !== undefined) out += key === '' ? ` (${value})` : ` (${key}: ${value})`;
  return out;
}

/**
 * Reads an item written by {@link formatItem}: keyed groups of `keys` from the end, then at most one bare group
 * when `bare` accepts its value. Each character is looked at a bounded number of times.
 *
 * @internal
 */
export function parseItem(
  text: string,
  keys: ReadonlySet<string>,
  bare?: (value: string) => boolean,
): ParsedItem {
  const groups = new Map<string, string>();
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 41 /* ) */) {
    let depth = 0;
    let open = -1;
    for (let k = end - 1; k >= 0; k--) {
      const c = text.charCodeAt(k);
      if (c === 41) depth++;
      else if (c === 40 /* ( */ && --depth === 0) {
        open = k;
        break;
      }
    }
    if (open < 1 || text.charCodeAt(open - 1) !== 32) break;
    const inner = text.slice(open + 1, end - 1);
    const colon = inner.indexOf(': ');
    const key = colon > 0 ? inner.slice(0, colon) : undefined;
    if (key !== undefined && keys.has(key) && !groups.has(key)) {
      groups.set(key, inner.slice(colon + 2));
    } else if (bare?.(inner)) {
      groups.set('', inner);
      end = open - 1;
      break;
    } else break;
    end = open - 1;
  }
  return { body: text.slice(0, end), groups };
}

/** Splits a list value `a, b, c`. @internal */
export const splitList = (value: string): string[] => value.split(', ');

/** Splits a cell into its items: one per line (LF, CRLF, a lone CR, U+2028 or U+2029 end a line). @internal */
export function cellItems(cell: string): string[] {
  return cell === '' ? [] : cell.split(/\r\n|[\n\r\u2028\u2029]/);
}

/** Whether text holds a line break of any kind. @internal */
export const hasLineBreak = (text: string): boolean => /[\n\r\u2028\u2029]/.test(text);
/** Text with every line break replaced by a space. @internal */
export const flatten = (text: string): string => text.replace(/\r\n|[\n\r\u2028\u2029]/g, ' ');
