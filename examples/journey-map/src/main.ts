// Exports the example journey map (map.json) to every @cx/map format, into out/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  attachMeasurements,
  diffMaps,
  formatChangelog,
  parseMap,
  parseMapJson,
  renderHtml,
  renderSvg,
  reviewMap,
  serializeMap,
  serializeMapYaml,
  toCsv,
  toMarkdownTable,
  toMermaid,
} from '@cx/map';

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
const mermaid = toMermaid(map);
write('journey.mmd', mermaid.text);
write('journey.mmd.losses.json', `${JSON.stringify(mermaid.losses, null, 2)}\n`);
const csv = toCsv(map);
write('map.csv', csv.text);
write('map.csv.losses.json', `${JSON.stringify(csv.losses, null, 2)}\n`);
write('map.md', toMarkdownTable(map));
write('map.svg', renderSvg(map));
write('map.html', renderHtml(map));

// Review as of a fixed day, so that the output is reproducible.
const findings = reviewMap(map, { asOf: '2026-08-01T08:00:00Z', timeZone: 'Europe/Warsaw' });
write('review.txt', `${findings.map((f) => `${f.kind}: ${f.message}`).join('\n')}\n`);

// The next version: the exchange flow shipped, July data arrived, a step moved.
const next = structuredClone(map);
next.journey.version += 1;
next.journey.improvementActions.find((a) => a.id === 'ia-exchange')!.status = 'done';
const use = next.journey.steps.findIndex((s) => s.id === 'exchange');
next.journey.steps.splice(use - 1, 0, ...next.journey.steps.splice(use, 1));
const measured = attachMeasurements(parseMap(next), [
  {
    id: 'm-checkout-jul',
    metric: 'conversion',
    value: 0.61,
    n: 3310,
    kpiId: 'kpi-checkout',
    touchpointId: 'checkout',
    window: { from: '2026-07-01T00:00:00Z', to: '2026-08-01T00:00:00Z' },
  },
]);
write('changelog.md', formatChangelog(diffMaps(map, measured)));
log(
  `Mermaid export lost ${mermaid.losses.length} things, CSV ${csv.losses.length}; review found ${findings.length}.`,
);
