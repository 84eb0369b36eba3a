// Writes the JSON Schema of every @cx/model document to docs/schemas/<Name>.json (run after `npm run build`).
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MODEL_SCHEMAS, modelJsonSchema } from '@cx/model';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'docs', 'schemas');
await mkdir(out, { recursive: true });
for (const name of Object.keys(MODEL_SCHEMAS)) {
  await writeFile(join(out, `${name}.json`), `${JSON.stringify(modelJsonSchema(name), null, 2)}\n`);
}
console.log(`wrote ${Object.keys(MODEL_SCHEMAS).length} JSON Schemas to docs/schemas/`);
