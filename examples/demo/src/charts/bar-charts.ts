import { esc, pct, r, svgDocument } from './svg.js';

/** A step of a funnel chart. */
export interface FunnelBar {
  readonly label: string;
  readonly count: number;
  readonly fromStart: number;
  readonly fromPrevious: number;
}

/** A horizontal funnel: one bar per step, its count, conversion from the first and from the previous step. */
export function funnelChart(id: string, title: string, steps: readonly FunnelBar[]): string {
  const left = 170;
  const barMax = 460;
  const rowHeight = 40;
  const width = left + barMax + 190;
  const height = steps.length * rowHeight + 20;
  const max = Math.max(1, ...steps.map((s) => s.count));
  const parts = steps.map((s, i) => {
    const y = 10 + i * rowHeight;
    const w = (s.count / max) * barMax;
    return [
      `<text x="${left - 10}" y="${y + 20}" text-anchor="end" fill="#111827">${esc(s.label)}</text>`,
      `<rect x="${left}" y="${y + 4}" width="${r(Math.max(1, w))}" height="${rowHeight - 12}" fill="#0d9488" rx="3"><title>${esc(`${s.label}: ${s.count} (${pct(s.fromStart)} of the first step, ${pct(s.fromPrevious)} of the previous)`)}</title></rect>`,
      `<text x="${r(left + w + 8)}" y="${y + 20}" fill="#111827">${s.count.toLocaleString('en-US')} · ${pct(s.fromStart)}${i > 0 ? ` · step ${pct(s.fromPrevious)}` : ''}</text>`,
    ].join('\n');
  });
  return svgDocument(id, width, height, title, `${title}: ${steps.length} steps`, parts.join('\n'));
}

/** A bar with an optional interval (e.g. CSAT of a stage with its Wilson interval). */
export interface IntervalBar {
  readonly label: string;
  readonly value: number | null;
  readonly low?: number | null;
  readonly high?: number | null;
  readonly n: number;
}

/** Horizontal bars of shares 0…1 with interval whiskers and n. */
export function intervalBars(id: string, title: string, bars: readonly IntervalBar[]): string {
  const left = 150;
  const barMax = 420;
  const rowHeight = 28;
  const width = left + barMax + 150;
  const height = bars.length * rowHeight + 20;
  const parts = bars.map((b, i) => {
    const y = 10 + i * rowHeight;
    const items = [
      `<text x="${left - 10}" y="${y + 16}" text-anchor="end" fill="#111827">${esc(b.label)}</text>`,
    ];
    if (b.value !== null) {
      items.push(
        `<rect x="${left}" y="${y + 4}" width="${r(Math.max(1, b.value * barMax))}" height="${rowHeight - 10}" fill="#7c3aed" fill-opacity="0.75"><title>${esc(`${b.label}: ${pct(b.value)} (${pct(b.low)} to ${pct(b.high)}), n=${b.n}`)}</title></rect>`,
      );
      if (b.low !== null && b.low !== undefined && b.high !== null && b.high !== undefined) {
        const yy = y + 4 + (rowHeight - 10) / 2;
        items.push(
          `<line x1="${r(left + b.low * barMax)}" x2="${r(left + b.high * barMax)}" y1="${r(yy)}" y2="${r(yy)}" stroke="#111827" stroke-width="1.5"/>`,
        );
      }
    }
    items.push(
      `<text x="${left + barMax + 10}" y="${y + 16}" fill="#111827">${pct(b.value)} (n=${b.n})</text>`,
    );
    return items.join('\n');
  });
  return svgDocument(id, width, height, title, `${title}: ${bars.length} bars`, parts.join('\n'));
}
