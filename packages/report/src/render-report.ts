import { parseOptions, validate } from '@cx/model';
import { z } from 'zod';
import { reportContext } from './context.js';
import type { ReportInput } from './input.js';
import { reportInputSchema } from './input-schema.js';
import { pageHtml } from './page.js';
import { type Section, sectionHtml } from './section.js';
import { churnSection } from './sections/churn.js';
import { dataQualitySection } from './sections/data-quality.js';
import { funnelSection } from './sections/funnel.js';
import { journeyMapSection } from './sections/journey-map.js';
import { kpis, kpisHtml } from './sections/kpis.js';
import { npsTrendSection } from './sections/nps-trend.js';
import { painPointsSection } from './sections/pain-points.js';
import { retentionSection } from './sections/retention.js';
import { satisfactionSection } from './sections/satisfaction.js';
import { stagesSection } from './sections/stages.js';
import { themesSection } from './sections/themes.js';
import { topicsSection } from './sections/topics.js';

/**
 * The sections of a report, in the order the page shows them (the key figures always come first).
 *
 * @example
 * ```ts
 * import { REPORT_SECTIONS } from '@cx/report';
 * console.log(REPORT_SECTIONS[0]); // 'nps-trend'
 * ```
 * @category Report
 * @since 0.1.0
 */
export const REPORT_SECTIONS = [
  'nps-trend',
  'journey-map',
  'funnel',
  'retention',
  'satisfaction-by-stage',
  'churn',
  'stages',
  'pain-points',
  'topics',
  'themes',
  'data-quality',
] as const;

/**
 * A section of the report: see {@link REPORT_SECTIONS}.
 *
 * @example
 * ```ts
 * import type { ReportSectionId } from '@cx/report';
 * const id: ReportSectionId = 'retention';
 * console.log(id);
 * ```
 * @category Report
 * @since 0.1.0
 */
export type ReportSectionId = (typeof REPORT_SECTIONS)[number];

/**
 * Options of {@link renderReport}.
 *
 * @example
 * ```ts
 * import type { RenderReportOptions } from '@cx/report';
 * const options: RenderReportOptions = { sections: ['nps-trend', 'churn'] };
 * console.log(options.sections?.length); // 2
 * ```
 * @category Report
 * @since 0.1.0
 */
export interface RenderReportOptions {
  /** The sections to show, in this order; default all of {@link REPORT_SECTIONS} (each only when it has data). */
  readonly sections?: readonly ReportSectionId[];
}

const optionsSchema = z.strictObject({
  sections: z
    .array(z.enum(REPORT_SECTIONS))
    .refine((list) => new Set(list).size === list.length, { error: 'Expected each section at most once' })
    .default([...REPORT_SECTIONS]),
});

/**
 * Renders the customer-experience report as one self-contained HTML page from metric results.
 *
 * The page loads nothing: styles are inline, charts are inline SVG, there are no scripts, fonts or images from
 * anywhere, and a Content-Security-Policy says so to the browser. Every chart has a text alternative (its SVG
 * `<desc>` and the figure's caption, in words, with its main numbers), the data table it was drawn from, and a link
 * that downloads that table as CSV from a `data:` URL. The page prints (print styles drop the navigation and keep
 * figures whole). Units are the same everywhere: shares in percent, NPS in points, CES as the mean on its scale.
 *
 * Each field of the input adds a section; a section without data is left out rather than drawn empty. Months not
 * over yet carry no rate (retention cells are hatched, churn periods are left out), so a partial period never reads
 * as customers leaving.
 *
 * @param input - Metric results and what to call things; checked before anything is drawn.
 * @param options - Which sections, in which order.
 * @returns The HTML document.
 * @throws {@link @cx/model!CxValidationError} when the input is malformed (a share above 1, a NaN, a negative
 *   count, an unknown time zone…), with the path of every issue.
 * @throws {@link @cx/model!CxOptionsError} for an unknown option or section.
 * @example
 * ```ts
 * import { nps, npsMetric, trend } from '@cx/metrics';
 * import { renderReport } from '@cx/report';
 * const responses = [
 *   { score: 10, respondedAt: '2026-01-10T09:00:00Z' },
 *   { score: 6, respondedAt: '2026-01-20T09:00:00Z' },
 *   { score: 9, respondedAt: '2026-02-03T09:00:00Z' },
 * ].map((r, i) => ({ id: `r${i}`, surveyId: 'nps', metric: 'nps' as const, scale: { min: 0, max: 10, direction: 'higher-is-better' as const, integral: true }, weight: 1, properties: {}, ...r }));
 * const page = renderReport({
 *   title: 'Winter report',
 *   timeZone: 'Europe/Warsaw',
 *   nps: nps(responses),
 *   npsTrend: trend(responses, npsMetric(), { interval: 'month', timeZone: 'Europe/Warsaw' }),
 * });
 * console.log(page.startsWith('<!doctype html>'), page.includes('id="chart-nps-trend"')); // true true
 * ```
 * @category Report
 * @since 0.1.0
 */
export function renderReport(input: ReportInput, options?: RenderReportOptions): string {
  const { sections: order } = parseOptions(optionsSchema, options, 'renderReport');
  validate(reportInputSchema, input, { subject: 'report input' });
  const context = reportContext(input);
  const build: Record<ReportSectionId, () => Section | null> = {
    'nps-trend': () =>
      input.npsTrend === undefined ? null : npsTrendSection(input.npsTrend, input.timeZone),
    'journey-map': () =>
      input.journeyMap === undefined ? null : journeyMapSection(input.journeyMap, context),
    funnel: () => (input.funnel === undefined ? null : funnelSection(input.funnel)),
    retention: () => (input.retention === undefined ? null : retentionSection(input.retention)),
    'satisfaction-by-stage': () => satisfactionSection(input.csatByStage, input.cesByStage, context),
    churn: () => (input.churn === undefined ? null : churnSection(input.churn, input.timeZone)),
    stages: () =>
      input.stageHealth === undefined ? null : stagesSection(input.stageHealth, input.csatByStage, context),
    'pain-points': () => painPointsSection(input, context),
    topics: () => (input.sentimentByTopic === undefined ? null : topicsSection(input.sentimentByTopic)),
    themes: () => (input.themes === undefined ? null : themesSection(input.themes)),
    'data-quality': () => (input.dataQuality === undefined ? null : dataQualitySection(input.dataQuality)),
  };
  const sections = order.map((id) => build[id]()).filter((s): s is Section => s !== null);
  const tiles = kpis(input);
  const facts = (input.facts ?? []).map(
    (f) => `${new Intl.NumberFormat('en-US').format(f.value)} ${f.label}`,
  );
  return pageHtml({
    title: input.title,
    subtitle: [input.subtitle, ...facts].filter((s) => s !== undefined).join(' · '),
    top: kpisHtml(tiles),
    sections:
      tiles.length === 0
        ? sections
        : [{ id: 'key-figures', title: 'Key figures', intro: [], figures: [] }, ...sections],
    body: sections.map(sectionHtml),
    footer: [
      `Calendar periods are in ${input.timeZone}. Shares are in percent, NPS in points (−100 to 100), CES as the mean on its scale. Intervals are confidence intervals at the level stated with each chart.`,
      ...(input.notes ?? []),
    ],
  }).toString();
}
