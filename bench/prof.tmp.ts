import { defineMapping, readColumns } from '@cx/ingest';
const path = 'bench/.data/interactions-20000.csv';
const mapping = defineMapping({ kind: 'interaction', fields: { id: { generate: 'line' }, customerId: 'customerId', anonymousId: 'anonymousId', timestamp: 'timestamp', name: 'name', channel: 'channel', touchpointId: 'touchpointId', stageId: 'stageId' } });
for (let run = 0; run < 5; run++) {
  const s = readColumns({ path }, { mapping, chunkBytes: 1 << 22 });
  for await (const b of s) void b;
}
