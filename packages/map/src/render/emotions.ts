import type { JourneyMap, Lane } from '../format/document.js';
import type { Layout } from './options.js';
import { escapeXml, num, wrap } from './text-layout.js';

const PAD = 10;
const MIN_HEIGHT = 160;
/** Width the axis labels (−2 … +2) take at the right end of the label column. */
const AXIS = 34;

/**
 * Colours of the persona curves, in persona order (colour-blind-safe Okabe–Ito palette).
 *
 * @example
 * ```ts
 * import { PERSONA_COLOURS } from '@cx/map';
 * console.log(PERSONA_COLOURS[0]); // '#0072B2'
 * ```
 * @category Rendering
 * @since 0.1.0
 */
export const PERSONA_COLOURS: readonly string[] = Object.freeze([
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#000000',
]);

/**
 * The emotion lane: one chart across all stages with the expected emotion (dashed) and one curve per persona
 * (and scenario), a legend in the label column kept clear of the axis labels (names wrap before the axis).
 *
 * @internal
 */
export function emotionLane(map: JourneyMap, lane: Lane, y: number, g: Layout, out: string[]): number {
  const { lw, sw, fs, lh } = g;
  const stages = map.journey.stages;
  const width = lw + sw * stages.length;
  const personaIndex = new Map(map.personas.map((p, i) => [p.id, i]));
  const legendWidth = lw - PAD - 24 - AXIS;
  const legends = map.emotionCurves.map((c) => {
    const name = map.personas[personaIndex.get(c.personaId)!]!.name;
    return wrap(c.scenario ? `${name} (${c.scenario})` : name, legendWidth, fs - 1);
  });
  const labelLines = wrap(lane.label ?? 'Emotion', lw - PAD - AXIS, fs);
  const legendLines = legends.reduce((n, l) => n + l.length, 0);
  const expectedLines = wrap('- - expected', lw - PAD - AXIS, fs - 2).length;
  const height = Math.max(
    MIN_HEIGHT,
    (labelLines.length + expectedLines + legendLines) * lh + 2 * PAD + legends.length * 4,
  );
  const top = y + 18;
  const bottom = y + height - 18;
  const yOf = (e: number) => bottom - ((e + 2) / 4) * (bottom - top);
  const xOf = new Map<string, number>();
  stages.forEach((s, i) => {
    const steps = map.journey.steps.filter((step) => step.stageId === s.id);
    steps.forEach((step, k) => {
      xOf.set(step.id, lw + i * sw + ((k + 0.5) * sw) / steps.length);
    });
  });
  out.push(`<g class="lane lane-emotions" data-lane="${escapeXml(lane.id)}">`);
  out.push(`<rect x="0" y="${num(y)}" width="${width}" height="${num(height)}" class="lane-bg"/>`);
  let ly = y + PAD;
  for (const line of labelLines) {
    ly += lh;
    out.push(`<text x="${PAD}" y="${num(ly - 0.2 * lh)}" class="lane-label">${escapeXml(line)}</text>`);
  }
  for (const e of [-2, -1, 0, 1, 2]) {
    out.push(
      `<line x1="${lw}" y1="${num(yOf(e))}" x2="${width}" y2="${num(yOf(e))}" class="${e === 0 ? 'zero' : 'grid'}"/>`,
    );
    out.push(
      `<text x="${lw - 6}" y="${num(yOf(e) + 4)}" text-anchor="end" class="axis">${e > 0 ? `+${e}` : e}</text>`,
    );
  }
  const curve = (points: Array<[number, number, string]>, cls: string, colour?: string, label?: string) => {
    if (points.length === 0) return;
    const d = points.map(([px, py], k) => `${k === 0 ? 'M' : 'L'}${num(px)} ${num(py)}`).join(' ');
    out.push(
      `<path class="${cls}"${colour ? ` stroke="${colour}"` : ''} d="${d}">${label ? `<title>${escapeXml(label)}</title>` : ''}</path>`,
    );
    if (colour)
      for (const [px, py, tip] of points)
        out.push(
          `<circle cx="${num(px)}" cy="${num(py)}" r="4" fill="${colour}"><title>${escapeXml(tip)}</title></circle>`,
        );
  };
  const expected = map.journey.steps.flatMap((s) =>
    s.expectedEmotion === undefined
      ? []
      : [[xOf.get(s.id)!, yOf(s.expectedEmotion), ''] as [number, number, string]],
  );
  curve(expected, 'expected', undefined, 'Expected emotion');
  for (const line of wrap('- - expected', lw - PAD - AXIS, fs - 2)) {
    ly += lh;
    out.push(`<text x="${PAD}" y="${num(ly - 0.2 * lh)}" class="axis">${escapeXml(line)}</text>`);
  }
  const order = new Map(map.journey.steps.map((s, i) => [s.id, i]));
  const stageOrder = new Map(stages.map((s, i) => [s.id, i]));
  const stageOf = new Map(map.journey.steps.map((s) => [s.id, stageOrder.get(s.stageId)!]));
  const stepName = new Map(map.journey.steps.map((s) => [s.id, s.name]));
  map.emotionCurves.forEach((c, k) => {
    const colour = PERSONA_COLOURS[personaIndex.get(c.personaId)! % PERSONA_COLOURS.length]!;
    const name = legends[k]!.join(' ');
    const pts = c.points
      .filter((p) => p.emotion !== undefined)
      .sort(
        (a, b) =>
          stageOf.get(a.stepId)! - stageOf.get(b.stepId)! || order.get(a.stepId)! - order.get(b.stepId)!,
      )
      .map((p): [number, number, string] => [
        xOf.get(p.stepId)!,
        yOf(p.emotion!),
        `${name} at "${stepName.get(p.stepId)}": ${p.emotion! > 0 ? '+' : ''}${p.emotion}${p.words.length > 0 ? ` (${p.words.join(', ')})` : ''}`,
      ]);
    curve(pts, c.scenario === 'to-be' ? 'curve to-be-curve' : 'curve', colour, name);
    ly += 4;
    legends[k]!.forEach((line, i) => {
      ly += lh;
      if (i === 0)
        out.push(
          `<line x1="${PAD}" y1="${num(ly - 0.2 * lh - 4)}" x2="${PAD + 18}" y2="${num(ly - 0.2 * lh - 4)}" stroke="${colour}" stroke-width="3"${c.scenario === 'to-be' ? ' stroke-dasharray="5 3"' : ''}/>`,
        );
      out.push(`<text x="${PAD + 24}" y="${num(ly - 0.2 * lh)}" class="legend">${escapeXml(line)}</text>`);
    });
  });
  out.push('</g>');
  return y + height;
}
