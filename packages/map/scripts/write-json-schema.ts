// Writes the published JSON Schema of the journey-map format to docs/schemas/journey-map.v<N>.json.
// Run: npm run schema -w @cx/map
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAP_FORMAT_VERSION, mapJsonSchema } from '../src/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const file = join(root, 'docs', 'schemas', `journey-map.v${MAP_FORMAT_VERSION}.json`);
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, `${JSON.stringify(mapJsonSchema(), null, 2)}\n`);
console.log(`wrote ${file}`);
