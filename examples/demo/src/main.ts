// npm run demo: the main job. The sample shop's exports go to a temporary folder (or to the folder named by
// CX_DEMO_DATA, kept with its cx.config.json), the `cx report` command line reads them and writes out/report.html.
import { resolve } from 'node:path';
import { runDemo } from './demo.js';

const keep = process.env.CX_DEMO_DATA;
const root = resolve(import.meta.dirname, '..', '..', '..');
const outDir = resolve(root, 'out');
const quiet = process.env.CX_EXAMPLE_QUIET === '1';
console.log('CX platform demo: a year of a sample shop, from its exports to the report\n');
const started = Date.now();
const result = await runDemo({
  outDir,
  ...(keep === undefined || keep === '' ? {} : { dataDir: resolve(keep) }),
  ...(quiet ? {} : { progress: (text: string) => process.stderr.write(text) }),
});
console.log('');
console.table(
  result.files.map((f) => ({ file: f.name, records: f.records, 'size (kB)': Math.round(f.bytes / 1024) })),
);
console.log(`\n${result.summary.trim()}`);
console.log(
  keep === undefined || keep === ''
    ? '(The exports were written to a temporary folder and removed; CX_DEMO_DATA=<folder> npm run demo keeps them with their cx.config.json.)'
    : `Exports and config: ${result.config}\nRun it again with: npx cx report --config ${result.config}`,
);
console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
