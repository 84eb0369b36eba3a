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
function charWidth(c: string): number {
  if (/[iljtf.,:;'|!\s()[\]]/.test(c)) return 0.32;
  if (/[mwMW@%]/.test(c)) return 0.9;
  if (/[A-Z]/.test(c)) return 0.7;
  if (/[0-9]/.test(c)) return 0.56;
  if (c.charCodeAt(0) > 0x2e7f) return 1;
  return 0.56;
}

/** Estimated width of text in px. @internal */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const c of text) em += charWidth(c);
  return em * fontSize;
}

/** Greedy word wrap to `width` px; words longer than a line are broken. @internal */
export function wrap(text: string, width: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (textWidth(candidate, fontSize) <= width) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    let rest = word;
    while (textWidth(rest, fontSize) > width) {
      let cut = 1;
      const chars = [...rest];
      while (cut < chars.length && textWidth(chars.slice(0, cut + 1).join(''), fontSize) <= width) cut++;
      lines.push(chars.slice(0, cut).join(''));
      rest = chars.slice(cut).join('');
    }
    line = rest;
  }
  if (line !== '') lines.push(line);
  return lines.length === 0 ? [''] : lines;
}

/** A number as short, stable SVG text: at most 2 decimals, no trailing zeros. @internal */
export const num = (n: number) => String(Math.round(n * 100) / 100);
