// Generates the 100 M-interaction file of `CX_BENCH_100M=1` (bench/retention.ts, bench/journey.ts) ahead of the runs,
// outside the bench lock: the same seed, customers and columns as bench/retention.ts writes when the file is missing.
// Run: node --conditions=@cx/source --import tsx bench/generate-100m.ts
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSampleShop, writeCsv } from '@cx/sample-data';

const customers = 2_000_000;
const dataDir = join(dirname(fileURLToPath(import.meta.url)), '.data');
mkdirSync(dataDir, { recursive: true });
const file = join(dataDir, `interactions-${customers}.csv`);
if (existsSync(file)) {
  console.log(`${file} exists`);
} else {
  const t0 = performance.now();
  const shop = createSampleShop({ seed: 5, customers });
  await writeCsv(shop.interactions(), `${file}.tmp`, {
    columns: ['id', 'customerId', 'anonymousId', 'timestamp', 'name', 'channel', 'touchpointId', 'stageId'],
  });
  renameSync(`${file}.tmp`, file);
  console.log(`${file} written in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}
