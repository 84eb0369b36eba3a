// The accessible wrapper of every chart: an <svg role="img"> named by its <title> and described by its <desc>
// (the chart's text alternative), sized by its viewBox so it fits its container and prints.
import { html, type SafeHtml } from '../html/html.js';

/** The parts of a chart's <svg> element. */
export interface SvgChart {
  /** Unique in the page; prefixes the ids of the title and description. */
  readonly id: string;
  readonly width: number;
  readonly height: number;
  /** The chart's name (its <title>). */
  readonly title: string;
  /** The chart's text alternative: what it shows, in words, with its main numbers (its <desc>). */
  readonly description: string;
  readonly body: SafeHtml | readonly SafeHtml[];
}

/** The chart as an inline <svg> element. */
export function svgChart({ id, width, height, title, description, body }: SvgChart): SafeHtml {
  return html`<svg xmlns="http://www.w3.org/2000/svg" class="cx-chart" id="${id}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" style="max-width: ${width}px" role="img" aria-labelledby="${id}-title ${id}-desc">
<title id="${id}-title">${title}</title>
<desc id="${id}-desc">${description}</desc>
${body}
</svg>`;
}
