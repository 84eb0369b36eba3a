// Small helpers shared by the demo's SVG charts: escaping, number formatting, an accessible <svg> wrapper.

/** Escapes text for XML content and attribute values. */
export function esc(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`,
  );
}

/** Rounds to 2 decimals for compact, deterministic SVG coordinates. */
export function r(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** Formats a share 0…1 as a percentage with one decimal. */
export function pct(share: number | null | undefined): string {
  return share === null || share === undefined || Number.isNaN(share) ? '–' : `${(share * 100).toFixed(1)}%`;
}

/** Wraps chart content in an accessible, self-contained <svg> element. */
export function svgDocument(
  id: string,
  width: number,
  height: number,
  title: string,
  description: string,
  body: string,
): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="system-ui, sans-serif" font-size="12">`,
    `<title id="${id}-title">${esc(title)}</title>`,
    `<desc id="${id}-desc">${esc(description)}</desc>`,
    body,
    '</svg>',
  ].join('\n');
}

/** Linear scale from a domain to a range. */
export function scale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  return (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}
