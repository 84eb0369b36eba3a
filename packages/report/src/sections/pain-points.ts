// Pain points: the signals measured at each stage (repeated failures, support contacts, negative feedback) beside
// the pain points the journey's designers wrote down.
import type { ReportContext } from '../context.js';
import { formatCount, formatPercent } from '../format.js';
import type { ReportInput } from '../input.js';
import type { Figure, Section } from '../section.js';

const KIND: Readonly<Record<string, string>> = {
  'repeated-failure': 'Repeated failed attempts',
  'support-contact': 'Contacted support',
  'negative-feedback': 'Negative feedback',
};
const SEVERITY: Readonly<Record<string, number>> = { critical: 0, high: 1, medium: 2, low: 3 };

/** The pain-point section, or `null` when there is neither a measured signal nor a designed pain point. */
export function painPointsSection(input: ReportInput, context: ReportContext, limit = 10): Section | null {
  const signals = (input.stageHealth?.health ?? [])
    .flatMap((stage) => stage.signals.map((signal) => ({ stage, signal })))
    .sort(
      (a, b) =>
        (b.signal.share ?? -1) - (a.signal.share ?? -1) ||
        b.signal.count - a.signal.count ||
        context.stageOrder(a.stage.stageId) - context.stageOrder(b.stage.stageId),
    )
    .slice(0, limit);
  const designed = [...(input.journeyMap?.journey.painPoints ?? [])].sort(
    (a, b) =>
      (SEVERITY[a.severity] ?? 9) - (SEVERITY[b.severity] ?? 9) ||
      context.stageOrder(a.stageId) - context.stageOrder(b.stageId),
  );
  const figures: Figure[] = [];
  if (signals.length > 0) {
    const top = signals[0];
    figures.push({
      chart: null,
      caption: `The ${signals.length} strongest signals measured at the journey's stages, by the share of people affected. The strongest: ${KIND[top?.signal.kind ?? ''] ?? top?.signal.kind} at ${top?.stage.label} (${formatPercent(top?.signal.share)}).`,
      table: {
        name: 'pain-signals',
        caption: 'Measured pain signals',
        columns: [
          { label: 'Signal', format: 'text' },
          { label: 'Stage', format: 'text' },
          { label: 'People', format: 'count' },
          { label: 'Share (%)', format: { digits: 1 } },
          { label: 'Evidence', format: 'text' },
        ],
        rows: signals.map(({ stage, signal }) => [
          KIND[signal.kind] ?? signal.kind,
          context.stageLabel(stage.stageId),
          signal.count,
          signal.share === null ? null : signal.share * 100,
          signal.evidence.description,
        ]),
      },
    });
  }
  if (designed.length > 0) {
    figures.push({
      chart: null,
      caption: `${formatCount(designed.length)} pain points written down in the journey map, most severe first.`,
      table: {
        name: 'designed-pain-points',
        caption: 'Pain points in the journey map',
        columns: [
          { label: 'Pain point', format: 'text' },
          { label: 'Severity', format: 'text' },
          { label: 'Stage', format: 'text' },
          { label: 'Owner', format: 'text' },
        ],
        rows: designed.map((p) => [
          p.description,
          p.severity,
          context.stageLabel(p.stageId),
          p.owner ?? 'no owner',
        ]),
      },
    });
  }
  if (figures.length === 0) return null;
  return {
    id: 'pain-points',
    title: 'Pain points',
    intro: [
      'Measured signals: people with repeated failed attempts at a stage, people who contacted support there, and negative survey answers or feedback about it, each as a share of the people (or answers) at that stage.',
    ],
    figures,
  };
}
