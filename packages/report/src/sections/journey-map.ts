// The journey map with its measured KPIs, drawn by @cx/map's renderer (its styles are scoped to the map's root),
// with the measurements as a table.
import { type JourneyMap, renderSvg } from '@cx/map';
import type { ReportContext } from '../context.js';
import { formatCount } from '../format.js';
import { html, rawHtml } from '../html/html.js';
import type { Section } from '../section.js';

/** The journey-map section. */
export function journeyMapSection(map: JourneyMap, context: ReportContext): Section {
  // The report's main column is 1,056 px inside its padding: stage columns narrow to fit it (the map scrolls in its
  // section when even the narrowest columns do not fit).
  const svg = renderSvg(map, { idPrefix: 'cx-map', maxWidth: 1056 });
  const measurements = [...map.measurements].sort(
    (a, b) =>
      context.stageOrder(a.stageId ?? null) - context.stageOrder(b.stageId ?? null) ||
      (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0),
  );
  const stages = map.journey.stages.length;
  const caption = `The journey map of ${map.journey.name}: ${stages} stages with their steps, touchpoints, pain points and emotion curves, and ${formatCount(measurements.length)} measured KPIs in its KPI lane (listed in the table).`;
  return {
    id: 'journey-map',
    title: 'Journey map with measured KPIs',
    intro: [
      'The designed journey: stages, steps, pain points and emotion curves, with the KPIs measured at each stage in its KPI lane.',
    ],
    figures: [
      {
        chart: html`<div class="cx-map">${rawHtml(svg)}</div>`,
        caption,
        table: {
          name: 'journey-map-kpis',
          caption: 'Measured KPIs of the journey map',
          columns: [
            { label: 'Stage', format: 'text' },
            { label: 'KPI', format: 'text' },
            { label: 'Value', format: { digits: 1 } },
            { label: 'Unit', format: 'text' },
            { label: 'Lower bound', format: { digits: 1 } },
            { label: 'Upper bound', format: { digits: 1 } },
            { label: 'n', format: 'count' },
          ],
          rows: measurements.map((m) => {
            // Conversion and drop-off are shares 0–1 in the map's format: in percent here, as everywhere in the report.
            const share = m.metric === 'conversion' || m.metric === 'drop-off';
            const scale = (v: number | null | undefined) =>
              v === null || v === undefined ? null : share ? v * 100 : v;
            return [
              context.stageLabel(m.stageId ?? null),
              m.metric,
              scale(m.value),
              share ? '%' : (m.unit ?? null),
              scale(m.confidenceInterval?.lower),
              scale(m.confidenceInterval?.upper),
              m.n,
            ];
          }),
        },
      },
    ],
  };
}
