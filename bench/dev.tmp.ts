import { statSync } from 'node:fs';
import { defineMapping, readColumns } from '@cx/ingest';
import { readInteractionColumnsCsv } from '@cx/metrics';
const path = 'bench/.data/interactions-20000.csv';
const size = statSync(path).size;
const mapping = defineMapping({ kind: 'interaction', fields: { id: { generate: 'line' }, customerId: 'customerId', anonymousId: 'anonymousId', timestamp: 'timestamp', name: 'name', channel: 'channel', touchpointId: 'touchpointId', stageId: 'stageId' } });
for (let run = 0; run < 3; run++) {
  let cpu = process.cpuUsage(); let t = performance.now();
  const s = readColumns({ path }, { mapping, chunkBytes: 1 << 22 });
  let rows = 0;
  for await (const b of s) rows += b.length;
  let ms = performance.now() - t;
  const c1 = process.cpuUsage(cpu); console.log("cpu", ((c1.user + c1.system) / 1000).toFixed(0), "ms"); console.log("readColumns", rows, `${ms.toFixed(0)} ms`, `${(size / 1e6 / (ms / 1000)).toFixed(0)} MB/s`, s.summary.rejected);
  t = performance.now();
  const c = await readInteractionColumnsCsv(path);
  ms = performance.now() - t;
  console.log('readInteractionColumnsCsv', c.length, `${ms.toFixed(0)} ms`, `${(size / 1e6 / (ms / 1000)).toFixed(0)} MB/s`);
}
console.log(await import('node:fs').then((f) => f.readFileSync('/proc/loadavg', 'utf8')));
