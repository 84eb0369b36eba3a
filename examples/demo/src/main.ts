// npm run demo: the main job. Writes the report to out/ and prints a short summary.
import { resolve } from 'node:path';
import { runDemo } from './demo.js';
import { consoleProgress } from './progress.js';

const outDir = resolve(import.meta.dirname, '..', '..', '..', 'out');
const quiet = process.env.CX_EXAMPLE_QUIET === '1';
console.log('CX platform demo: a year of a sample shop, end to end\n');
const started = Date.now();
const { summary, files } = await runDemo({ outDir, progress: consoleProgress(quiet) });
console.log('');
console.table(summary);
console.log(
  `\nReport: ${files.report}\nMap:    ${files.mapJson}, ${files.mermaid}, ${files.svg}, ${files.html}`,
);
console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
