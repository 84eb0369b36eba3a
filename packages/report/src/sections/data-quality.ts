// What reading each source gave: rows in = rows out + rejected + skipped, rejected rows counted per reason, and the
// first rejected rows with their line numbers. Nothing is dropped without being counted here.
import { formatCount } from '../format.js';
import { html } from '../html/html.js';
import type { SourceQuality } from '../input.js';
import type { Figure, Section } from '../section.js';

/** The data-quality section, or `null` without sources. */
export function dataQualitySection(sources: readonly SourceQuality[]): Section | null {
  if (sources.length === 0) return null;
  const rejected = sources.reduce((s, q) => s + q.rejected, 0);
  const figures: Figure[] = [
    {
      chart: null,
      caption:
        rejected === 0
          ? `${sources.length} sources read; every row was accepted (or skipped on purpose).`
          : `${sources.length} sources read; ${formatCount(rejected)} rows rejected in all, each written to its source's dead-letter file with the reason.`,
      table: {
        name: 'sources',
        caption: 'Rows read per source',
        columns: [
          { label: 'Source', format: 'text' },
          { label: 'Records', format: 'text' },
          { label: 'Rows in', format: 'count' },
          { label: 'Accepted', format: 'count' },
          { label: 'Rejected', format: 'count' },
          { label: 'Skipped', format: 'count' },
          { label: 'Reasons', format: 'text' },
          { label: 'Dead letters', format: 'text' },
        ],
        rows: sources.map((q) => [
          q.source,
          q.kind,
          q.rowsIn,
          q.rowsOut,
          q.rejected,
          q.skipped,
          q.reasons.length === 0
            ? null
            : q.reasons.map((r) => `${r.code} (${formatCount(r.count)})`).join(', '),
          q.deadLetters ?? null,
        ]),
      },
    },
  ];
  const examples = sources.flatMap((q) => q.examples.map((e) => ({ source: q.source, ...e })));
  if (examples.length > 0) {
    figures.push({
      chart: null,
      caption: `The first rejected rows of each source (${examples.length} shown), with where they are and why they were rejected.`,
      table: {
        name: 'rejected-rows',
        caption: 'First rejected rows',
        columns: [
          { label: 'Source', format: 'text' },
          { label: 'Line', format: 'count' },
          { label: 'Column', format: 'count' },
          { label: 'Field', format: 'text' },
          { label: 'Value', format: 'text' },
          { label: 'Reason', format: 'text' },
        ],
        rows: examples.map((e) => [
          e.source,
          e.line,
          e.column ?? null,
          e.field ?? null,
          e.raw ?? null,
          e.reason,
        ]),
      },
    });
  }
  return {
    id: 'data-quality',
    title: 'Data read',
    intro: [
      html`Every row of every source is either a record or a <em>dead letter</em> that says where it was and why it was rejected: rows in = accepted + rejected + skipped.`,
    ],
    figures,
  };
}
