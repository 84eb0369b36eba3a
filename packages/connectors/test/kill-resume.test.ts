// Kill-and-resume with real processes: a child syncs a file into a sink and is killed with SIGKILL before,
// during or after a commit (or at a random instant); restarted, it must leave the sink equal to an
// uninterrupted run: every current version present, no record committed twice.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { build } from 'esbuild';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ndjsonSource } from '../src/files/ndjson-source.js';
import { fileStateStore } from '../src/sinks/file-state-store.js';
import { readNdjsonSink } from '../src/sinks/ndjson-sink.js';
import { sync } from '../src/sync/sync.js';
import { CommittingStore } from './helpers/store.js';

const PACKAGE = fileURLToPath(new URL('..', import.meta.url));
// The children run the package's sources bundled once by esbuild (what tsx would compile file by file at every start,
// about a second of CPU per child): about twenty children start in this file. The sync, its commits and the kill
// points are the same code; only the start-up before the sync is shorter, so the random instants below
// (200-2,500 ms) still cover the sync itself.
const BUNDLE = mkdtempSync(join(tmpdir(), 'cx-kill-bundle-'));
const CHILD = join(BUNDLE, 'sync-child.mjs');
const STATE_CHILD = join(BUNDLE, 'state-child.mjs');
const DUCKDB = createRequire(import.meta.url).resolve('@duckdb/node-api');

beforeAll(async () => {
  await build({
    entryPoints: {
      'sync-child': fileURLToPath(new URL('./fixtures/sync-child.ts', import.meta.url)),
      'state-child': fileURLToPath(new URL('./fixtures/state-child.ts', import.meta.url)),
    },
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@cx/source'],
    outdir: BUNDLE,
    logLevel: 'error',
    // DuckDB's native binding stays where it is installed (the bundle lives in a temporary folder).
    plugins: [
      {
        name: 'duckdb-in-place',
        setup(b) {
          b.onResolve({ filter: /^@duckdb\/node-api$/ }, () => ({ path: DUCKDB, external: true }));
        },
      },
    ],
    // Bundled CommonJS dependencies may call require.
    banner: {
      js: "import { createRequire as __cxRequire } from 'node:module'; const require = __cxRequire(import.meta.url);",
    },
  });
}, 60_000);
afterAll(() => rmSync(BUNDLE, { recursive: true, force: true }));
type SinkKind = 'ndjson' | 'duckdb';
type Kill =
  | { readonly commit: number; readonly phase: 'before' | 'during' | 'after' }
  | { readonly delayMs: number };

/** Runs the child; with a kill point, SIGKILLs it there (or after the delay). Resolves with its last output. */
function runChild(kind: SinkKind, dir: string, input: string, kill: Kill | null): Promise<string> {
  const args = [CHILD, kind, dir, input];
  if (kill !== null && 'commit' in kill) args.push(String(kill.commit), kill.phase);
  const child = spawn(process.execPath, args, { cwd: PACKAGE, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
    if (out.includes('PAUSED')) child.kill('SIGKILL');
  });
  child.stderr.on('data', (c: Buffer) => {
    err += c.toString();
  });
  const timer =
    kill !== null && 'delayMs' in kill ? setTimeout(() => child.kill('SIGKILL'), kill.delayMs) : null;
  return new Promise((resolve, reject) => {
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal === 'SIGKILL' || code === 0) resolve(out.trim());
      else reject(new Error(`child exited with ${code}: ${err}`));
    });
  });
}

interface Committed {
  /** `kind:id` → the current version's value. */
  readonly current: Array<[string, unknown]>;
  /** Keys found more than once. */
  readonly repeats: string[];
}

async function readSink(kind: SinkKind, dir: string): Promise<Committed> {
  const lines: Array<{ kind: string; id: string; key: string; ms: number; value: unknown }> = [];
  if (kind === 'ndjson') {
    for await (const r of readNdjsonSink(dir))
      lines.push({
        kind: r.kind,
        id: r.value.id,
        key: r.key,
        ms: Date.parse(r.position.time),
        value: r.value,
      });
  } else {
    const db = await DuckDBInstance.create(join(dir, 'cx.duckdb'));
    const connection = await db.connect();
    const reader = await connection.runAndReadAll(
      'SELECT kind, id, key, position_ms, value::VARCHAR FROM cx_records ORDER BY batch, seq',
    );
    for (const [k, id, key, ms, value] of reader.getRows())
      lines.push({
        kind: String(k),
        id: String(id),
        key: String(key),
        ms: Number(ms),
        value: JSON.parse(String(value)),
      });
    connection.closeSync();
    db.closeSync();
  }
  const current = new Map<string, { ms: number; value: unknown }>();
  const counts = new Map<string, number>();
  for (const line of lines) {
    const id = `${line.kind}:${line.id}`;
    const old = current.get(id);
    if (old === undefined || line.ms >= old.ms) current.set(id, { ms: line.ms, value: line.value });
    counts.set(line.key, (counts.get(line.key) ?? 0) + 1);
  }
  return {
    current: [...current]
      .map(([id, v]) => [id, v.value] as [string, unknown])
      .sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    repeats: [...counts].filter(([, n]) => n > 1).map(([k]) => k),
  };
}

/** The rows as an NDJSON file: ids repeat (new versions) and rows repeat exactly (duplicates). */
function writeInput(rows: ReadonlyArray<{ id: number; second: number; plan: string }>): string {
  const file = join(mkdtempSync(join(tmpdir(), 'cx-kill-in-')), 'events.ndjson');
  writeFileSync(
    file,
    `${rows.map((r) => JSON.stringify({ id: `e${r.id}`, anon: 'a', ts: 1717236000 + r.second, event: 'view', plan: r.plan })).join('\n')}\n`,
  );
  return file;
}

async function reference(file: string): Promise<Committed> {
  const store = new CommittingStore();
  const source = ndjsonSource({
    input: () => Readable.from([readFileSync(file, 'utf8')]),
    mapping: {
      kind: 'interaction',
      fields: {
        id: 'id',
        anonymousId: 'anon',
        timestamp: { column: 'ts', epoch: 's' },
        name: 'event',
        channel: { value: 'web' },
      },
      properties: 'rest',
    },
    checkpointEvery: 3,
  });
  for await (const item of sync(source)) store.accept(item);
  return { current: store.snapshot(), repeats: store.repeats() };
}

async function killThenFinish(kind: SinkKind, file: string, kills: readonly Kill[]): Promise<Committed> {
  const dir = mkdtempSync(join(tmpdir(), `cx-kill-${kind}-`));
  for (const kill of kills) await runChild(kind, dir, file, kill);
  const last = await runChild(kind, dir, file, null);
  expect(last).toMatch(/DONE \d+/);
  return readSink(kind, dir);
}

const rowsArb = fc.array(
  fc.record({
    id: fc.integer({ min: 1, max: 12 }),
    second: fc.integer({ min: 0, max: 40 }),
    plan: fc.constantFrom('free', 'pro'),
  }),
  { minLength: 4, maxLength: 24 },
);

describe('SIGKILL of a syncing child process', () => {
  const fixed = [
    { id: 1, second: 5, plan: 'free' },
    { id: 2, second: 1, plan: 'free' },
    { id: 1, second: 5, plan: 'free' }, // an exact repeat
    { id: 3, second: 9, plan: 'pro' },
    { id: 2, second: 1, plan: 'pro' }, // a corrected row: same id and time, new content
    { id: 4, second: 2, plan: 'free' },
    { id: 5, second: 7, plan: 'pro' },
    { id: 1, second: 8, plan: 'pro' }, // a newer version
  ];
  for (const kind of ['ndjson', 'duckdb'] as const) {
    for (const phase of ['before', 'during', 'after'] as const) {
      it(`${kind} sink: killed ${phase} the second commit, resumed, equals an uninterrupted run`, async () => {
        const file = writeInput(fixed);
        const got = await killThenFinish(kind, file, [{ commit: 2, phase }]);
        expect(got).toEqual(await reference(file));
        expect(got.repeats).toEqual([]);
      });
    }
  }

  it('killed at random commits, phases and instants, the union equals an uninterrupted run (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<SinkKind>('ndjson', 'duckdb'),
        rowsArb,
        fc.array(
          fc.oneof(
            fc.record({
              commit: fc.integer({ min: 1, max: 6 }),
              phase: fc.constantFrom('before', 'during', 'after'),
            }),
            fc.record({ delayMs: fc.integer({ min: 200, max: 2500 }) }),
          ),
          { minLength: 1, maxLength: 2 },
        ),
        async (kind, rows, kills) => {
          const file = writeInput(rows);
          const got = await killThenFinish(kind, file, kills as Kill[]);
          expect(got).toEqual(await reference(file));
          expect(got.repeats).toEqual([]);
        },
      ),
      { numRuns: 4 },
    );
  }, 600_000);
});

describe('SIGKILL during atomic state saves', () => {
  it('leaves the last saved state or the one being saved, never a torn file', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cx-kill-state-')), 'state.json');
    for (const delayMs of [1500, 2500]) {
      const child = spawn(process.execPath, [STATE_CHILD, path], {
        cwd: PACKAGE,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
      });
      // kill once saves are under way, at an instant unrelated to them
      await new Promise<void>((resolve) => {
        const started = setInterval(() => {
          if (out.includes('\n')) {
            clearInterval(started);
            setTimeout(() => child.kill('SIGKILL'), delayMs % 97);
          }
        }, 5);
        child.on('close', () => {
          clearInterval(started);
          resolve();
        });
      });
      const confirmed = Number(out.trim().split('\n').at(-1));
      const state = await fileStateStore(path).load();
      const saved = Number(state?.cursor?.id);
      // the file holds the last confirmed save or the next one (killed between its rename and the print)
      expect([confirmed, confirmed + 1]).toContain(saved);
      expect(state?.seen).toHaveLength(200);
    }
  }, 120_000);
});
