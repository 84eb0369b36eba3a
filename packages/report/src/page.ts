// The page around the sections: one inline stylesheet (no fonts, images or scripts from anywhere), styles for
// print, and a skip link and a table of contents for keyboard and screen-reader users.
import { html, rawHtml, type SafeHtml } from './html/html.js';
import type { Section } from './section.js';

/** The report's stylesheet. Every rule is under `.cx-report`, so the page can be embedded in another one. */
export const REPORT_CSS = `
.cx-report { --cx-ink: #111827; --cx-muted: #4b5563; --cx-line: #e5e7eb; --cx-accent: #1d4ed8; --cx-band: rgba(29, 78, 216, 0.16);
  --cx-bar: #2563eb; --cx-negative: #c2410c; --cx-neutral: #9ca3af; --cx-positive: #1d4ed8;
  margin: 0; color: var(--cx-ink); background: #f9fafb; font: 15px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
.cx-report .cx-skip { position: absolute; left: -999px; }
.cx-report .cx-skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px 8px; z-index: 1; }
.cx-report header.cx-header { background: #1e3a8a; color: #fff; padding: 24px 32px; }
.cx-report header.cx-header h1 { margin: 0; font-size: 26px; }
.cx-report header.cx-header p { margin: 4px 0 0; color: #dbeafe; }
.cx-report main { padding: 8px 32px 48px; max-width: 1120px; }
.cx-report nav.cx-toc ol { display: flex; flex-wrap: wrap; gap: 4px 16px; padding: 0; margin: 16px 0 0; list-style: none; }
.cx-report a { color: var(--cx-accent); }
.cx-report .cx-section { background: #fff; border: 1px solid var(--cx-line); border-radius: 8px; padding: 16px 20px; margin: 16px 0; }
.cx-report h2 { font-size: 19px; margin: 0 0 8px; }
.cx-report .cx-intro { margin: 0 0 8px; color: var(--cx-muted); max-width: 80ch; }
.cx-report figure.cx-figure { margin: 16px 0 0; }
.cx-report figcaption { margin: 8px 0; max-width: 80ch; }
.cx-report .cx-chart-wrap, .cx-report .cx-map, .cx-report .cx-table-wrap { overflow-x: auto; }
.cx-report .cx-table-wrap { max-height: 28em; overflow-y: auto; border: 1px solid var(--cx-line); border-radius: 4px; }
.cx-report svg.cx-chart { display: block; width: 100%; height: auto; font: 12px -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
.cx-report svg.cx-chart text { fill: var(--cx-ink); stroke: none; }
.cx-report svg.cx-chart .cx-tick, .cx-report svg.cx-chart .cx-legend, .cx-report svg.cx-chart .cx-note, .cx-report svg.cx-chart .cx-axis-title { fill: var(--cx-muted); }
.cx-report svg.cx-chart .cx-legend { font-size: 11px; }
.cx-report svg.cx-chart .cx-grid { stroke: var(--cx-line); }
.cx-report svg.cx-chart .cx-zero { stroke: #9ca3af; }
.cx-report svg.cx-chart .cx-tickmark { stroke: #9ca3af; }
.cx-report svg.cx-chart .cx-band { fill: var(--cx-band); stroke: none; }
.cx-report svg.cx-chart .cx-line { fill: none; stroke: var(--cx-accent); stroke-width: 2; }
.cx-report svg.cx-chart .cx-point { fill: var(--cx-accent); stroke: var(--cx-accent); stroke-width: 2; }
.cx-report svg.cx-chart .cx-point.cx-hollow { fill: #fff; }
.cx-report svg.cx-chart .cx-ring { fill: none; stroke: #b91c1c; stroke-width: 1.5; }
.cx-report svg.cx-chart .cx-whisker, .cx-report svg.cx-chart .cx-whisker line { stroke: var(--cx-ink); stroke-width: 1.5; }
.cx-report svg.cx-chart .cx-whisker-label { font-size: 10px; fill: var(--cx-muted); }
.cx-report svg.cx-chart .cx-bar { fill: var(--cx-bar); fill-opacity: 0.8; }
.cx-report svg.cx-chart .cx-cell-text { font-size: 11px; fill: var(--cx-ink); }
.cx-report svg.cx-chart .cx-cell-text.cx-on-dark { fill: #fff; }
.cx-report svg.cx-chart .cx-strong { font-weight: 600; }
.cx-report svg.cx-chart .cx-hatch-bg { fill: #f3f4f6; }
.cx-report svg.cx-chart .cx-hatch { stroke: #9ca3af; stroke-width: 2; }
.cx-report svg.cx-chart .cx-seg-negative { fill: var(--cx-negative); }
.cx-report svg.cx-chart .cx-seg-neutral { fill: var(--cx-neutral); }
.cx-report svg.cx-chart .cx-seg-positive { fill: var(--cx-positive); }
.cx-report svg.cx-chart .cx-seg-text { font-size: 11px; fill: #fff; }
.cx-report svg.cx-chart .cx-seg-text-neutral { fill: var(--cx-ink); }
.cx-report dl.cx-kpis { display: flex; flex-wrap: wrap; gap: 12px; margin: 0; }
.cx-report .cx-kpi { border: 1px solid var(--cx-line); border-radius: 8px; padding: 10px 14px; min-width: 180px; flex: 1 1 180px; }
.cx-report .cx-kpi dt { font-size: 12px; color: var(--cx-muted); text-transform: uppercase; letter-spacing: 0.04em; }
.cx-report .cx-kpi dd { margin: 0; }
.cx-report .cx-kpi-value { font-size: 26px; font-weight: 600; font-variant-numeric: tabular-nums; }
.cx-report .cx-kpi-detail { font-size: 12px; color: var(--cx-muted); }
.cx-report table.cx-data { border-collapse: collapse; width: 100%; font-size: 13px; }
.cx-report table.cx-data caption { text-align: left; font-weight: 600; padding: 6px 8px; }
.cx-report table.cx-data th, .cx-report table.cx-data td { border-bottom: 1px solid var(--cx-line); padding: 4px 8px; text-align: left; vertical-align: top; }
.cx-report table.cx-data thead th { background: #f3f4f6; position: sticky; top: 0; }
.cx-report table.cx-data tbody th { font-weight: normal; }
.cx-report table.cx-data .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.cx-report .cx-download { margin: 6px 0 0; font-size: 13px; }
.cx-report footer.cx-footer { color: var(--cx-muted); font-size: 13px; max-width: 80ch; }
@media print {
  .cx-report { background: #fff; font-size: 11pt; }
  .cx-report header.cx-header { background: none; color: #000; padding: 0 0 8pt; border-bottom: 2pt solid #000; }
  .cx-report header.cx-header p { color: #000; }
  .cx-report main { padding: 0; max-width: none; }
  .cx-report nav.cx-toc, .cx-report .cx-download, .cx-report .cx-skip { display: none; }
  .cx-report .cx-section { border: none; padding: 0; margin: 12pt 0; break-inside: auto; }
  .cx-report figure.cx-figure, .cx-report .cx-kpi { break-inside: avoid; }
  .cx-report .cx-table-wrap { max-height: none; overflow: visible; border: none; }
  .cx-report .cx-chart-wrap, .cx-report .cx-map { overflow: visible; }
  .cx-report table.cx-data thead th { position: static; }
}
`;

/** The whole page. */
export function pageHtml(parts: {
  readonly title: string;
  readonly subtitle: string;
  readonly top: SafeHtml;
  readonly sections: readonly Section[];
  readonly body: readonly SafeHtml[];
  readonly footer: readonly string[];
}): SafeHtml {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${parts.title}</title>
<style>${rawHtml(REPORT_CSS)}</style>
</head>
<body class="cx-report">
<a class="cx-skip" href="#main">Skip to the report</a>
<header class="cx-header">
<h1>${parts.title}</h1>
<p>${parts.subtitle}</p>
</header>
<main id="main">
<nav class="cx-toc" aria-label="Sections"><ol>${parts.sections.map((s) => html`<li><a href="#${s.id}">${s.title}</a></li>`)}</ol></nav>
${parts.top}
${parts.body}
<footer class="cx-footer">
${parts.footer.map((p) => html`<p>${p}</p>\n`)}</footer>
</main>
</body>
</html>
`;
}
