// String grammars shared by the model's schemas and the map format of @cx/map: each is a pattern and a length in
// code points, so that a parser (zod) and a published JSON Schema (`pattern`, `maxLength`) accept exactly the same
// strings. zod's `.max()` counts UTF-16 code units; JSON Schema's `maxLength` counts code points.
import { z } from 'zod';
import { CxOptionsError } from './errors/options-error.js';
import { parseOptions } from './options/parse-options.js';

/**
 * The number of code points of a string, as JSON Schema's `maxLength` counts them (`😀` is one; a lone surrogate
 * counts as one).
 *
 * @param text - Any string.
 * @returns Its length in code points.
 * @example
 * ```ts
 * import { codePointLength } from '@cx/model';
 * console.log('😀'.length, codePointLength('😀')); // 2 1
 * ```
 * @category Primitives
 * @since 0.3.0
 */
export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

const boundedStringOptions = z.strictObject({
  pattern: z.instanceof(RegExp).optional(),
  message: z.string().min(1).optional(),
});

/**
 * Schema of a non-empty string of at most `max` code points, optionally matching a pattern; its JSON Schema carries
 * `maxLength` (and `pattern`), so parser and schema agree. A fresh schema per call (no shared instance, so a JSON
 * Schema does not factor it into `$defs`).
 *
 * @param max - Most code points allowed.
 * @param options - `pattern` the string must match, and the `message` when it does not.
 * @returns A zod string schema.
 * @throws {@link CxOptionsError} when `max` is not a positive integer, or for an unknown option key or a value of the
 *   wrong type.
 * @example
 * ```ts
 * import { boundedString } from '@cx/model';
 * const code = boundedString(3);
 * console.log(code.safeParse('😀😀😀').success, code.safeParse('abcd').success); // true false
 * ```
 * @category Primitives
 * @since 0.3.0
 */
export function boundedString(
  max: number,
  options: { readonly pattern?: RegExp; readonly message?: string } = {},
) {
  const o = parseOptions(boundedStringOptions, options, 'boundedString');
  if (!Number.isSafeInteger(max) || max < 1)
    throw new CxOptionsError('boundedString', [
      { path: ['max'], code: 'out_of_range', message: `Expected max to be a positive integer, got ${max}` },
    ]);
  let schema = z.string().min(1, { message: 'Expected a non-empty string' });
  if (o.pattern !== undefined)
    schema = schema.regex(o.pattern, o.message === undefined ? {} : { message: o.message });
  return schema
    .check(
      z.refine((s: string) => codePointLength(s) <= max, {
        message: `Expected at most ${max} characters`,
        abort: false,
      }),
    )
    .meta({ maxLength: max });
}

// An http(s) URL: scheme, an ASCII host name (IDNs in punycode) or IPv4 address, an optional port 0…65535, and an
// optional path, query and fragment made of RFC 3986 characters and %-escapes. Nothing else: no javascript:,
// data: or file: URLs, no spaces, no user info.
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const PORT = '(?:[0-9]|[1-9][0-9]{1,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])';
// The three character sets are disjoint at their delimiters (a path has no "?" or "#", a query no "#"), so the
// pattern is unambiguous and a regex engine runs it in linear time.
const PATH = "(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})";
const QUERY = "(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})";

/**
 * The grammar of an http(s) URL: `http://` or `https://`, an ASCII host (punycode for international names) or IPv4
 * address, an optional port 0–65535, a path, query and fragment of RFC 3986 characters and %-escapes. Other schemes
 * (`javascript:`, `data:`, `file:`), spaces and user info do not match. One definition for the model's URL fields and
 * the map format of `@cx/map`.
 *
 * @example
 * ```ts
 * import { HTTP_URL_PATTERN } from '@cx/model';
 * console.log(HTTP_URL_PATTERN.test('https://shop.example/p/1?x=2'), HTTP_URL_PATTERN.test('javascript:alert(1)')); // true false
 * ```
 * @category Primitives
 * @since 0.3.0
 */
export const HTTP_URL_PATTERN = new RegExp(
  `^[Hh][Tt][Tt][Pp][Ss]?://${LABEL}(?:\\.${LABEL})*(?::${PORT})?(?:/${PATH}*)?(?:\\?${QUERY}*)?(?:#${QUERY}*)?$`,
);

/**
 * Schema of an http(s) URL of at most 2,000 code points ({@link HTTP_URL_PATTERN}); a fresh schema per call.
 *
 * @returns A zod string schema.
 * @example
 * ```ts
 * import { httpUrlString } from '@cx/model';
 * console.log(httpUrlString().safeParse('javascript:alert(1)').success); // false
 * ```
 * @category Primitives
 * @since 0.3.0
 */
export function httpUrlString() {
  return boundedString(2000, {
    pattern: HTTP_URL_PATTERN,
    message:
      'Expected an http(s) URL: http:// or https://, an ASCII host (punycode for international names), optional port 0–65535, path without spaces (other schemes such as javascript: are rejected)',
  });
}
