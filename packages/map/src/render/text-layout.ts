/** Escapes text for XML/HTML content and attributes; characters XML 1.0 forbids become U+FFFD. @internal */
export function escapeXml(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing the control characters XML 1.0 forbids
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
      .replaceAll('&', '&amp;')
      .replaceAll('<', '&lt;')
      .replaceAll('>', '&gt;')
      .replaceAll('"', '&quot;')
      .replaceAll("'", '&#39;')
  );
}

/**
 * Estimated advance width of a character in em for a Helvetica/Arial-like sans-serif font: no browser is needed,
 * and the estimate errs wide so that wrapped text stays inside its box.
 */
function charWidth(code: number): number {
  if (code > 0x2e7f) return 1;
  const c = String.fromCharCode(code);
  if ("iljtf.,:;'|!()[] ".includes(c)) return 0.32;
  if ('mwMW@%'.includes(c)) return 0.9;
  if (code >= 65 && code <= 90) return 0.7;
  return 0.56;
}

/** Estimated width of text in px. @internal */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const c of text) em += charWidth(c.codePointAt(0)!);
  return em * fontSize;
}

/**
 * Greedy word wrap to `width` px, in time linear in the text: words longer than a line are broken between
 * characters; a line always takes at least one character, so any width (even one narrower than a character)
 * terminates.
 *
 * @internal
 */
export function wrap(text: string, width: number, fontSize: number): string[] {
  const lines: string[] = [];
  const space = charWidth(32) * fontSize;
  let line = '';
  let lineWidth = 0;
  for (const word of text.split(/\s+/)) {
    if (word === '') continue;
    const w = textWidth(word, fontSize);
    if (line !== '' && lineWidth + space + w <= width) {
      line += ` ${word}`;
      lineWidth += space + w;
      continue;
    }
    if (line !== '') lines.push(line);
    if (w <= width) {
      line = word;
      lineWidth = w;
      continue;
    }
    // Break a long word between characters.
    line = '';
    lineWidth = 0;
    for (const c of word) {
      const cw = charWidth(c.codePointAt(0)!) * fontSize;
      if (line !== '' && lineWidth + cw > width) {
        lines.push(line);
        line = '';
        lineWidth = 0;
      }
      line += c;
      lineWidth += cw;
    }
  }
  if (line !== '') lines.push(line);
  return lines.length === 0 ? [''] : lines;
}

/** A number as short, stable SVG text: at most 2 decimals, no trailing zeros. @internal */
export const num = (n: number) => String(Math.round(n * 100) / 100);
