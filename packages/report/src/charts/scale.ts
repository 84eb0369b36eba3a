// Linear scales and "nice" axis ticks (1, 2, 2.5 or 5 times a power of ten), and compact SVG coordinates.

/** A linear map from a domain to a range. */
export function linearScale(
  [d0, d1]: readonly [number, number],
  [r0, r1]: readonly [number, number],
): (value: number) => number {
  const span = d1 - d0;
  return (value) => (span === 0 ? r0 : r0 + ((value - d0) / span) * (r1 - r0));
}

/** A tick step near `span / target` from 1, 2, 2.5, 5 × 10ⁿ. */
export function niceStep(span: number, target: number): number {
  // Below 1e-9 the steps would be lost to rounding: the axis then steps by 1e-9.
  const raw = Math.max(1e-9, span / Math.max(1, target));
  if (!Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** The domain widened to whole steps, and the ticks in it (at most `target` + 2 of them); `integer` for counts. */
export function niceDomain(
  min: number,
  max: number,
  target = 5,
  integer = false,
): { readonly domain: readonly [number, number]; readonly ticks: readonly number[] } {
  const lo = Math.min(min, max);
  const hi = Math.max(min, max);
  // Counts step by whole numbers: an axis of people never reads 0.5.
  const raw = niceStep(hi - lo || Math.abs(hi) || 1, target);
  const step = integer ? Math.max(1, Math.round(raw)) : raw;
  let start = Math.floor(lo / step) * step;
  // lo / step can underflow to −0 for a tiny negative lo: step down once more.
  if (start > lo) start -= step;
  let end = Math.max(Math.ceil(hi / step) * step, start + step);
  if (end < hi) end += step;
  const ticks: number[] = [];
  for (let k = 0; start + k * step <= end + step * 1e-9; k++) ticks.push(round(start + k * step, 10));
  return { domain: [start, end], ticks };
}

/** A coordinate rounded to 0.01, as SVG text. */
export function coord(value: number): string {
  return String(round(value, 2));
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  const r = Math.round(value * f) / f;
  return Object.is(r, -0) ? 0 : r;
}
