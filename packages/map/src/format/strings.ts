// String grammars of the map format. Each is one regular expression (or a code-point length), used by the zod
// schema and written into the JSON Schema as `pattern` / `maxLength`, so that the parser and the published schema
// accept exactly the same strings. No JSON Schema `format` is used: validators disagree on what formats mean.
import { boundedString, HTTP_URL_PATTERN, httpUrlString, ID_PATTERN, SLUG_PATTERN } from '@cx/model';
import { z } from 'zod';

// The length in code points and the bounded-string builder are @cx/model's (one grammar for the model and the map).
/** A string of 1…`max` code points (`boundedString` of @cx/model). */
export const text = boundedString;

/** Longest free text of the format (a description, a thought): 10,000 code points. */
export const MAX_TEXT = 10_000;
/** Longest name or label: 500 code points. */
export const MAX_NAME = 500;

/** A free-text field: 1…10,000 code points. */
export const longText = () => text(MAX_TEXT);
/** A name or label: 1…500 code points. */
export const name = () => text(MAX_NAME);

// The id and slug grammars are @cx/model's; the map bounds their length in code points (see `text`).
export { ID_PATTERN, SLUG_PATTERN };
/** An id: 1…256 code points, no control characters. */
export const idString = () =>
  text(256, { pattern: ID_PATTERN, message: 'Expected an id without control characters' });

/** A slug: lower-case ASCII letters and digits in hyphen-separated groups, at most 64 characters. */
export const slugString = () =>
  text(64, {
    pattern: SLUG_PATTERN,
    message: 'Expected a slug: lower-case letters, digits and single hyphens',
  });

// A Gregorian calendar date YYYY-MM-DD, checked in the pattern itself (30 days in April, 29 February only in
// leap years: divisible by 4, centuries only when divisible by 400).
const DATE =
  '(?:\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))' +
  '|(?:\\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)';

/** A calendar date `YYYY-MM-DD` that exists. */
export const DATE_PATTERN = new RegExp(`^${DATE}$`);
/** A UTC instant `YYYY-MM-DDTHH:mm:ss[.fraction]Z` on a date that exists (no leap seconds, no offsets). */
export const INSTANT_PATTERN = new RegExp(`^${DATE}T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?Z$`);

/** */
export const calendarDate = () =>
  z.string().regex(DATE_PATTERN, { message: 'Expected a calendar date YYYY-MM-DD that exists' });
/** */
export const instant = () =>
  z.string().regex(INSTANT_PATTERN, {
    message:
      'Expected a UTC instant YYYY-MM-DDTHH:mm:ss[.fff]Z on a date that exists, e.g. 2026-03-01T09:30:00Z',
  });

// The http(s) URL grammar is @cx/model's.
export { HTTP_URL_PATTERN };
/** An http(s) URL of at most 2,000 characters (`httpUrlString` of @cx/model). */
export const httpUrl = httpUrlString;

/** A string key that orders instants of {@link INSTANT_PATTERN} by time, whatever their fraction digits. */
export function instantKey(instant: string): string {
  const fraction = instant.length > 20 ? instant.slice(20, -1) : '';
  // Without trailing zeros, comparing the digit strings compares the fractions: "5" < "51" and "123" = "1230".
  let end = fraction.length;
  while (end > 0 && fraction.charCodeAt(end - 1) === 48) end--;
  return `${instant.slice(0, 19)}.${fraction.slice(0, end)}`;
}
