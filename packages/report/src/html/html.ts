// Escaped-by-default markup: a tagged template whose interpolations are escaped unless they are already markup.
// Every page, table and chart of the report is built with it, so data never reaches the page unescaped.

/** A piece of markup that is safe to insert: made by `html` or `rawHtml`, never from plain text. */
export class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML and SVG content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

/** A value that may be interpolated into `html`. */
export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (value === null || value === undefined || value === false) return '';
  if (typeof value === 'number') return escapeHtml(String(value));
  if (typeof value === 'string') return escapeHtml(value);
  return value.map(render).join('');
}

/**
 * Markup from a template: strings and numbers are escaped, `SafeHtml` is inserted as it is, arrays are joined, and
 * `null`, `undefined` and `false` give nothing.
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0] as string;
  for (let i = 0; i < values.length; i++) out += render(values[i] as HtmlValue) + (strings[i + 1] as string);
  return new SafeHtml(out);
}

/** Marks markup made by a trusted renderer (e.g. `@cx/map`'s SVG) as safe. Never pass text that came from data. */
export function rawHtml(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
