// Scaling of the @cx/map importers: each reads inputs of n, 2n and 4n units of the same shape (the shapes that were
// quadratic or recursive in format 1), and the script prints the time per unit and the ratio t(2n)/t(n) — about 2
// for a linear importer, about 4 for a quadratic one. JSON is also timed against JSON.parse on the same text.
// Run: npm run map-importers -w @cx/bench
import { readFileSync } from 'node:fs';
import { fromCsv, fromMermaid, parseMapJson, parseMapYaml, serializeMap, serializeMapYaml } from '@cx/map';

const load = readFileSync('/proc/loadavg', 'utf8').trim();

function time(fn: () => unknown): number {
  const runs: number[] = [];
  for (let k = 0; k < 6; k++) {
    const started = performance.now();
    try {
      fn();
    } catch {
      // Rejections are part of the work measured.
    }
    if (k > 0) runs.push(performance.now() - started); // the first run warms up
  }
  return Math.min(...runs);
}

const stages = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `s${i}`, labels: { en: `Stage ${i}` } }));
const bigMap = (n: number) => ({
  formatVersion: 2 as const,
  journey: {
    id: 'j',
    name: 'J',
    version: 1,
    stages: stages(10),
    steps: Array.from({ length: n }, (_, i) => ({ id: `t${i}`, stageId: `s${i % 10}`, name: 'Pays' })),
  },
});

const cases: Array<[string, (n: number) => string, (text: string) => unknown, number]> = [
  ['JSON map, n steps', (n) => serializeMap(bigMap(n)), (t) => parseMapJson(t), 5_000],
  [
    'JSON nesting n deep (rejected at maxDepth)',
    (n) => `${'['.repeat(n)}${']'.repeat(n)}`,
    (t) => parseMapJson(t),
    2_000_000,
  ],
  ['YAML map, n steps', (n) => serializeMapYaml(bigMap(n)), (t) => parseMapYaml(t), 2_000],
  [
    'YAML nesting n deep (rejected at maxDepth)',
    (n) => `${'['.repeat(n)}${']'.repeat(n)}`,
    (t) => parseMapYaml(t),
    20_000,
  ],
  [
    'Mermaid, n identical task lines',
    (n) => `journey\n  section S\n${'    Pays: 3: Anna, Piotr\n'.repeat(n)}`,
    (t) => fromMermaid(t),
    5_000,
  ],
  [
    'CSV, n identical steps in one cell',
    (n) => `Lane,A\r\nSteps,"${Array(n).fill('Pays').join('\n')}"\r\n`,
    (t) => fromCsv(t),
    5_000,
  ],
  [
    'CSV, pain point of n words (old regex backtracked)',
    (n) => `Lane,A\r\nPain points,[high] ${'a '.repeat(n)}(owner: x\r\n`,
    (t) => fromCsv(t),
    400_000,
  ],
];

console.log(`load average: ${load}`);
console.log('| input | n | t(n) | t(2n) / t(n) | t(4n) / t(2n) | t(4n) / t(n) |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const [name, make, read, n] of cases) {
  const [a, b, c] = [n, 2 * n, 4 * n].map((k) => time(() => read(make(k))));
  console.log(
    `| ${name} | ${n} | ${a!.toFixed(1)} ms | ${(b! / a!).toFixed(2)} | ${(c! / b!).toFixed(2)} | ${(c! / a!).toFixed(1)} |`,
  );
}
const text = serializeMap(bigMap(20_000));
const ours = time(() => parseMapJson(text));
const native = time(() => JSON.parse(text));
console.log(
  `\nparseMapJson vs JSON.parse on the same ${(text.length / 1e6).toFixed(1)} MB map (reading, locating, validating): ${(ours / native).toFixed(1)}×`,
);
console.log(`load average after: ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
