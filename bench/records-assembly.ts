// The calling thread's share of a parallel records path, measured before building one: how much CPU it takes to make
// the validated `Interaction` records of a file from the compact columns workers would send (dictionary codes for
// the text fields, epoch milliseconds for the instant, the ids as UTF-8 bytes), against `readRecords(...).batches()`
// on one thread (the reference) for the same file, in the same run.
//
// Run: node --conditions=@cx/source --import tsx bench/records-assembly.ts [file]
// (default bench/.data/interactions-20000.csv, written by `CX_BENCH_CUSTOMERS=20000 node --import tsx bench/ingest.ts`).
// The columns are read beforehand with `readColumns` (not timed); the assembly then does per row what the calling
// thread would: decode the id, format the instant, take the dictionaries' strings (shared), allocate the record with
// a fresh `properties` object, and hand records out in batches of 2,048 `{ line, value }`.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineMapping, readColumns, readRecords } from '@cx/ingest';
import { InstantFormatter } from '../packages/ingest/src/mapping/instant-format.js';

const here = dirname(fileURLToPath(import.meta.url));
const file = process.argv[2] ?? join(here, '.data', 'interactions-20000.csv');
const bytes = statSync(file).size;
const load = () => readFileSync('/proc/loadavg', 'utf8').trim().split(' ').slice(0, 3).join(' ');
const TEXT = ['customerId', 'name', 'channel', 'touchpointId', 'stageId'] as const;
const mapping = defineMapping({
  kind: 'interaction',
  fields: {
    id: 'id',
    customerId: 'customerId',
    anonymousId: 'anonymousId',
    timestamp: 'timestamp',
    name: 'name',
    channel: 'channel',
    touchpointId: 'touchpointId',
    stageId: 'stageId',
  },
});

const cpu = (run: () => Promise<number> | number) => async (): Promise<{ rows: number; cpuMs: number }> => {
  const c0 = process.cpuUsage();
  const rows = await run();
  const c = process.cpuUsage(c0);
  return { rows, cpuMs: (c.user + c.system) / 1000 };
};

// Reference: the one-thread records path, by batch.
const reference = cpu(async () => {
  let rows = 0;
  for await (const batch of readRecords({ path: file }, { mapping, chunkBytes: 4 << 20 }).batches())
    rows += batch.length;
  return rows;
});

// The compact columns (not timed): codes and epoch ms from the column path, ids as one UTF-8 buffer with offsets.
const stream = readColumns(
  { path: file },
  { mapping, fields: ['id', ...TEXT, 'timestamp'], chunkBytes: 4 << 20 },
);
const codes: Record<string, number[]> = Object.fromEntries(['id', ...TEXT].map((f) => [f, []]));
const instants: number[] = [];
const lines: number[] = [];
for await (const batch of stream) {
  for (const f of ['id', ...TEXT]) for (const v of batch.columns[f] as Int32Array) codes[f]?.push(v);
  for (const v of batch.columns.timestamp as Float64Array) instants.push(v);
  for (const v of batch.line) lines.push(v);
}
const n = lines.length;
const encoder = new TextEncoder();
const idDictionary = stream.dictionary('id');
const idBytes = new Uint8Array(idDictionary.reduce((s, id) => s + encoder.encode(id).length, 0) * 2 + 16);
const idFrom = new Int32Array(n);
const idTo = new Int32Array(n);
let at = 0;
for (let i = 0; i < n; i++) {
  idFrom[i] = at;
  at += encoder.encodeInto(idDictionary[codes.id?.[i] as number] as string, idBytes.subarray(at)).written;
  idTo[i] = at;
}
const dictionaries = TEXT.map((f) => stream.dictionary(f));
const columns = TEXT.map((f) => Int32Array.from(codes[f] as number[]));
const ms = Float64Array.from(instants);
const line = Int32Array.from(lines);

const assembly = cpu(() => {
  const fatal = new TextDecoder('utf-8', { fatal: true });
  const format = new InstantFormatter();
  const [customer, name, channel, touchpoint, stage] = columns as [
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
  ];
  const [customers, names, channels, touchpoints, stages] = dictionaries as [
    readonly string[],
    readonly string[],
    readonly string[],
    readonly string[],
    readonly string[],
  ];
  let handed = 0;
  let batch: Array<{ line: number; value: object }> = [];
  for (let i = 0; i < n; i++) {
    const value = {
      id: fatal.decode(idBytes.subarray(idFrom[i], idTo[i])),
      customerId: customers[customer[i] as number],
      timestamp: format.format(ms[i] as number),
      name: names[name[i] as number],
      channel: channels[channel[i] as number],
      touchpointId: touchpoints[touchpoint[i] as number],
      stageId: stages[stage[i] as number],
      properties: {},
    };
    batch.push({ line: line[i] as number, value });
    if (batch.length === 2048) {
      handed += batch.length;
      batch = [];
    }
  }
  return handed + batch.length;
});

console.log(`${file}: ${(bytes / 1e6).toFixed(0)} MB, ${n.toLocaleString('en')} rows; load ${load()}`);
for (let round = 1; round <= 3; round++) {
  const r = await reference();
  const a = await assembly();
  if (r.rows !== n || a.rows !== n)
    throw new Error(`rows: reference ${r.rows}, assembly ${a.rows}, columns ${n}`);
  const mb = (m: { cpuMs: number }) => (bytes / 1e6 / (m.cpuMs / 1000)).toFixed(0);
  console.log(
    `round ${round}: readRecords batches (one thread) ${r.cpuMs.toFixed(0)} ms CPU (${mb(r)} MB/CPU-s); assembly from columns ${a.cpuMs.toFixed(0)} ms CPU (${mb(a)} MB/CPU-s); share ${(a.cpuMs / r.cpuMs).toFixed(2)}; load ${load()}`,
  );
}
