// Assembles the frozen splits from raw/*.jsonl and the held-out sets from raw-test-2/*.jsonl, and writes
// MANIFEST.json.
//   npx tsx packages/text/eval/split.ts            write the files (refuses to change a frozen test or held-out file)
//   npx tsx packages/text/eval/split.ts --check    exit 1 if the committed files differ from the raw batches
// See README.md ("Splits", "Held-out set test-2") for the procedure. The test split and the held-out sets are
// frozen: never pass --allow-test-change once they have been committed.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildOutputs, EVAL_DIR, FROZEN_FILES, type Manifest, readAllHeldOut, readRaw } from './assemble';

const args = new Set(process.argv.slice(2));
const unknown = [...args].filter((arg) => arg !== '--check' && arg !== '--allow-test-change');
if (unknown.length > 0) {
  console.error(`Unknown argument ${unknown.join(', ')}; expected --check or --allow-test-change`);
  process.exit(2);
}

const { files, manifest } = buildOutputs(readRaw(), readAllHeldOut());
const manifestPath = join(EVAL_DIR, 'MANIFEST.json');
const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
const read = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);

if (args.has('--check')) {
  const stale = [...files]
    .filter(([path, content]) => read(join(EVAL_DIR, path)) !== content)
    .map(([p]) => p);
  const committed = read(manifestPath);
  if (committed === undefined || JSON.stringify(JSON.parse(committed)) !== JSON.stringify(manifest)) {
    stale.push('MANIFEST.json');
  }
  if (stale.length > 0) {
    console.error(`Out of date with the raw batches: ${stale.join(', ')}`);
    process.exit(1);
  }
  console.log('Splits, held-out sets and MANIFEST.json match the raw batches.');
  process.exit(0);
}

const previous = read(manifestPath);
if (previous !== undefined && !args.has('--allow-test-change')) {
  const frozen = (JSON.parse(previous) as Manifest).files;
  for (const [path, content] of files) {
    const recorded = frozen[path]?.sha256;
    if (FROZEN_FILES.includes(path) && recorded !== undefined && recorded !== manifest.files[path]?.sha256) {
      console.error(
        `${path} is frozen (sha256 ${recorded}); the raw batches would change it. Nothing written.`,
      );
      process.exit(1);
    }
    void content;
  }
}
for (const [path, content] of files) {
  mkdirSync(dirname(join(EVAL_DIR, path)), { recursive: true });
  writeFileSync(join(EVAL_DIR, path), content);
}
writeFileSync(manifestPath, manifestText);
for (const [path, { texts }] of Object.entries(manifest.files)) console.log(`${path}: ${texts} texts`);
