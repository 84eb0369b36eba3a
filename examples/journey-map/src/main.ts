// Exports the example journey map (map.json) to every @cx/map format, into out/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  diffMaps,
  formatChangelog,
  parseMapJson,
  renderHtml,
  renderSvg,
  reviewMap,
  scenarioView,
  serializeMap,
  serializeMapYaml,
  toCsv,
  toMarkdownTable,
  toMermaid,
} from '@cx/map';
import { measureMapFromSampleShop } from './measure.js';

const here = dirname(dirname(fileURLToPath(import.meta.url)));
const out = join(here, 'out');
mkdirSync(out, { recursive: true });
const quiet = process.env.CX_EXAMPLE_QUIET === '1';
const log = (line: string) => {
  if (!quiet) console.log(line);
};
const write = (name: string, text: string) => {
  writeFileSync(join(out, name), text);
  log(`  out/${name} (${Buffer.byteLength(text)} bytes)`);
};

const source = readFileSync(join(here, 'map.json'), 'utf8');
const map = parseMapJson(source);
if (serializeMap(map) !== source)
  throw new Error('map.json is not in canonical form: run serializeMap on it');
log(
  `${map.journey.name}: ${map.journey.stages.length} stages, ${map.journey.steps.length} steps, ${map.personas.length} personas`,
);

write('map.json', serializeMap(map));
write('map.yaml', serializeMapYaml(map));
// Lossy forms: each export returns { value, losses }, the losses found by reading the export back.
const mermaid = toMermaid(map);
write('journey.mmd', mermaid.value);
write('journey.mmd.losses.json', `${JSON.stringify(mermaid.losses, null, 2)}\n`);
const csv = toCsv(map);
write('map.csv', csv.value);
write('map.csv.losses.json', `${JSON.stringify(csv.losses, null, 2)}\n`);
write('map.md', toMarkdownTable(map).value);

// The map measures itself: every KPI with a metric definition is computed from a year of a sample shop's
// interactions, survey answers and feedback, for the year and for each quarter.
const measured = measureMapFromSampleShop(map);
write('map.measured.json', serializeMap(measured));
write('map.svg', renderSvg(measured, { idPrefix: 'running-map' }));
write('map.html', renderHtml(measured, { maxWidth: 1400 }));
// As-is and to-be: one document, two views, and what changes between them.
for (const scenario of ['as-is', 'to-be'] as const) {
  write(`map.${scenario}.svg`, renderSvg(measured, { scenario, idPrefix: `map-${scenario}` }));
  write(`map.${scenario}.html`, renderHtml(measured, { scenario, maxWidth: 1400 }));
}
write('as-is-to-be.md', formatChangelog(diffMaps(scenarioView(map, 'as-is'), scenarioView(map, 'to-be'))));

// Review as of a fixed day, so that the output is reproducible.
const findings = reviewMap(map, { asOf: '2026-08-01T08:00:00Z', timeZone: 'Europe/Warsaw' });
write('review.txt', `${findings.map((f) => `${f.kind}: ${f.message}`).join('\n')}\n`);

// The next version: the exchange flow shipped and a step moved.
const next = structuredClone(map);
next.journey.version += 1;
next.journey.improvementActions.find((a) => a.id === 'ia-exchange')!.status = 'done';
const use = next.journey.steps.findIndex((s) => s.id === 'exchange');
next.journey.steps.splice(use - 1, 0, ...next.journey.steps.splice(use, 1));
write('changelog.md', formatChangelog(diffMaps(map, next)));
log(
  `Mermaid export lost ${mermaid.losses.length} things, CSV ${csv.losses.length}; review found ${findings.length}; ` +
    `${measured.measurements.length} measurements.`,
);
