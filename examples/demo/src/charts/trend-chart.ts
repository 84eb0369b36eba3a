import { esc, r, scale, svgDocument } from './svg.js';

/** One bucket of a trend: its value and interval, or null when the bucket has no data. */
export interface TrendPoint {
  readonly label: string;
  readonly value: number | null;
  readonly low: number | null;
  readonly high: number | null;
  readonly n: number;
  readonly smallSample?: boolean;
  readonly significantChange?: boolean;
}

/** Options of {@link trendChart}. */
export interface TrendChartOptions {
  readonly id: string;
  readonly title: string;
  readonly points: readonly TrendPoint[];
  readonly domain: readonly [number, number];
  readonly unit?: string;
}

/**
 * A line chart with its confidence band: the value per bucket as a line, the interval as a shaded band, small
 * samples drawn hollow, and significant changes from the previous bucket marked with a ring.
 */
export function trendChart({ id, title, points, domain, unit = '' }: TrendChartOptions): string {
  const width = 760;
  const height = 300;
  const left = 48;
  const right = 40;
  const top = 20;
  const bottom = 56;
  const x = (i: number) =>
    left + (points.length <= 1 ? 0 : (i / (points.length - 1)) * (width - left - right));
  const y = scale(domain[0], domain[1], height - bottom, top);
  const parts: string[] = [];
  for (const tick of ticks(domain)) {
    parts.push(
      `<line x1="${left}" x2="${width - right}" y1="${r(y(tick))}" y2="${r(y(tick))}" stroke="#e5e7eb"/>`,
    );
    parts.push(
      `<text x="${left - 6}" y="${r(y(tick) + 4)}" text-anchor="end" fill="#4b5563">${tick}${esc(unit)}</text>`,
    );
  }
  const withData = points
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => p.value !== null && p.low !== null && p.high !== null);
  if (withData.length > 0) {
    const upper = withData.map(({ p, i }) => `${r(x(i))},${r(y(p.high as number))}`);
    const lower = withData.map(({ p, i }) => `${r(x(i))},${r(y(p.low as number))}`).reverse();
    parts.push(
      `<polygon points="${[...upper, ...lower].join(' ')}" fill="#2563eb" fill-opacity="0.15" stroke="none"><title>Confidence band</title></polygon>`,
    );
    parts.push(
      `<polyline points="${withData.map(({ p, i }) => `${r(x(i))},${r(y(p.value as number))}`).join(' ')}" fill="none" stroke="#2563eb" stroke-width="2"/>`,
    );
  }
  points.forEach((p, i) => {
    parts.push(
      `<text x="${r(x(i))}" y="${height - bottom + 16}" text-anchor="middle" fill="#4b5563">${esc(p.label)}</text>`,
    );
    parts.push(
      `<text x="${r(x(i))}" y="${height - bottom + 30}" text-anchor="middle" fill="#9ca3af" font-size="10">n=${p.n}</text>`,
    );
    if (p.value === null) return;
    const label = `${p.label}: ${p.value.toFixed(1)}${unit} (${p.low?.toFixed(1)} to ${p.high?.toFixed(1)}), n=${p.n}${p.smallSample ? ', small sample' : ''}${p.significantChange ? ', significant change' : ''}`;
    const fill = p.smallSample ? '#ffffff' : '#2563eb';
    parts.push(
      `<circle cx="${r(x(i))}" cy="${r(y(p.value))}" r="4" fill="${fill}" stroke="#2563eb" stroke-width="2"><title>${esc(label)}</title></circle>`,
    );
    if (p.significantChange)
      parts.push(
        `<circle cx="${r(x(i))}" cy="${r(y(p.value))}" r="8" fill="none" stroke="#dc2626" stroke-width="1.5"/>`,
      );
  });
  parts.push(
    `<text x="${left}" y="${height - 8}" fill="#4b5563" font-size="11">Shaded: confidence interval · hollow dot: small sample · red ring: significant change from the previous bucket</text>`,
  );
  return svgDocument(id, width, height, title, `${title}, ${points.length} buckets`, parts.join('\n'));
}

function ticks([lo, hi]: readonly [number, number]): number[] {
  const step = (hi - lo) / 4;
  return [0, 1, 2, 3, 4].map((k) => Math.round(lo + k * step));
}
