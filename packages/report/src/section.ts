// A section of the report: a heading, a short introduction in words, and figures. A figure is a chart (inline
// SVG), its text alternative, the data table it was drawn from, and a link that downloads that table as CSV.
import { html, type SafeHtml } from './html/html.js';
import { csvLink, type DataTable, tableHtml } from './table.js';

/** A chart with its text alternative and its data. */
export interface Figure {
  /** The chart; `null` for a table-only figure. */
  readonly chart: SafeHtml | null;
  /** What the chart shows, in words: its <figcaption>. */
  readonly caption: string;
  readonly table: DataTable;
}

/** A section of the page. */
export interface Section {
  /** The section's id (anchor), e.g. `nps-trend`. */
  readonly id: string;
  readonly title: string;
  /** Paragraphs before the figures: what is measured and how. */
  readonly intro: readonly (string | SafeHtml)[];
  readonly figures: readonly Figure[];
  /** Markup after the figures. */
  readonly extra?: SafeHtml;
}

function figureHtml(figure: Figure): SafeHtml {
  return html`<figure class="cx-figure">
${figure.chart === null ? '' : html`<div class="cx-chart-wrap">${figure.chart}</div>`}
<figcaption>${figure.caption}</figcaption>
<div class="cx-table-wrap">${tableHtml(figure.table)}</div>
<p class="cx-download">${csvLink(figure.table)}</p>
</figure>`;
}

/** The section as markup. */
export function sectionHtml(section: Section): SafeHtml {
  return html`<section class="cx-section" id="${section.id}" aria-labelledby="${section.id}-heading">
<h2 id="${section.id}-heading">${section.title}</h2>
${section.intro.map((p) => html`<p class="cx-intro">${p}</p>\n`)}${section.figures.map(figureHtml)}${section.extra ?? ''}
</section>`;
}
