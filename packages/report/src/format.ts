// How the report writes numbers. Units are fixed across the page: shares (CSAT, conversion, churn, retention,
// sentiment) in percent, NPS in points from −100 to 100, CES as a mean on its own scale.

const MINUS = '\u2212';
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

function signed(text: string, value: number): string {
  return value < 0 ? `${MINUS}${text.slice(1)}` : text;
}

/** A count with thousands separators: `12,345`. */
export function formatCount(value: number): string {
  return integer.format(value);
}

/** A number with fixed decimals and a true minus sign; `–` for nothing. */
export function formatNumber(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const f = 10 ** digits;
  const rounded = Math.round(value * f) / f;
  return signed((Object.is(rounded, -0) ? 0 : rounded).toFixed(digits), rounded);
}

/** A share 0–1 in percent with one decimal: `72.4 %`; `–` for nothing. */
export function formatPercent(share: number | null | undefined, digits = 1): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '–';
  return `${formatNumber(share * 100, digits)}\u202F%`;
}

/** A share 0–1 in percent as a number (for tables and CSV): 0.724 → 72.4; `null` stays `null`. */
export function percentOf(share: number | null | undefined): number | null {
  return share === null || share === undefined || !Number.isFinite(share) ? null : share * 100;
}

/** An interval `a to b` with the same digits as its value. */
export function formatRange(
  lower: number | null | undefined,
  upper: number | null | undefined,
  format: (value: number) => string,
): string {
  if (lower === null || lower === undefined || upper === null || upper === undefined) return '–';
  return `${format(lower)} to ${format(upper)}`;
}

/** A confidence level 0.95 as `95 %`. */
export function formatLevel(level: number): string {
  return `${Math.round(level * 10_000) / 100}\u202F%`;
}
