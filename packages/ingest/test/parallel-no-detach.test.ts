// The worker path never detaches an ArrayBuffer, in any thread. The first detach in a thread makes V8 drop its
// "ArrayBufferDetaching" protector for good, and every typed-array access of that thread's optimized code then pays
// a check: measured on the column reader, about a sixth more CPU per byte (see src/columns/array-pool.ts). So a
// worker shares its batches' storage instead of transferring it, and the calling thread copies them out. V8 says
// when the protector goes (`--trace-protector-invalidation`, printed by whichever thread detaches first): a read with
// two workers, in a process of its own, must not make it say so.
//
// The process runs the package bundled as the build lays it out (the index, and the worker beside it in
// `columns/`), not the sources through tsx: tsx's loader detaches buffers of its own while it loads them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'cx-ingest-detach-'));

beforeAll(async () => {
  await build({
    entryPoints: {
      index: join(root, 'src/index.ts'),
      'columns/column-worker': join(root, 'src/columns/column-worker.ts'),
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@cx/source'],
    outdir: join(dir, 'bundle'),
    logLevel: 'error',
    // Bundled CommonJS dependencies may call require.
    banner: {
      js: "import { createRequire as __cxRequire } from 'node:module'; const require = __cxRequire(import.meta.url);",
    },
  });
}, 60_000);

/**
 * Runs `code` (an ES module, from a file: workers inherit the process's flags, and `--input-type` would fail them)
 * with V8's protector trace; its output.
 */
function traced(code: string): string {
  const script = join(dir, `script-${scripts++}.mjs`);
  writeFileSync(script, code);
  return execFileSync(process.execPath, ['--trace-protector-invalidation', script], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
let scripts = 0;

describe('the worker path and V8', () => {
  it('detaches no buffer in the workers or the calling thread (with and without reuseBatches)', () => {
    const path = join(dir, 'f.csv');
    const rows = Array.from({ length: 3_000 }, (_, i) => `c${i % 50},2024-01-0${1 + (i % 9)}T10:00:00Z,${i}`);
    writeFileSync(path, `who,at,n\n${rows.join('\n')}\n`);
    const index = pathToFileURL(join(dir, 'bundle', 'index.js')).href;
    const read = (options: string) => `
      const { defineMapping, readColumns } = await import(${JSON.stringify(index)});
      const mapping = defineMapping({ kind: 'interaction', fields: { id: { generate: 'line' }, customerId: 'who', timestamp: 'at', name: { value: 'x' }, channel: { value: 'web' } }, numbers: { n: 'n' } });
      // Chunks read by a worker reach the calling thread through the test hook (a worker that failed to start
      // would leave the read to the calling thread, and this test without its subject).
      let chunks = 0;
      globalThis[Symbol.for('@cx/ingest.columnsTestHook')] = () => { chunks++; };
      let rows = 0;
      for await (const b of readColumns({ path: ${JSON.stringify(path)} }, { mapping, chunkBytes: 1024, workers: 2, ${options} })) rows += b.length;
      console.log('rows', rows, 'chunks from workers', chunks);`;
    for (const options of ['', 'reuseBatches: true']) {
      const out = traced(read(options));
      expect(out).toMatch(/rows 3000 chunks from workers (\d\d+)/);
      expect(out).not.toContain('ArrayBufferDetaching');
    }
    // A process started with `--input-type=module -e` (the flag used to reach the workers, which Node refuses there:
    // none started, and the read went to the calling thread without a word) reads with its workers too.
    // With a V8 flag beside it too, which Node refuses among a worker's explicit flags.
    for (const flags of [[], ['--max-old-space-size=512']]) {
      const evaluated = execFileSync(process.execPath, [...flags, '--input-type=module', '-e', read('')], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      expect(evaluated).toMatch(/rows 3000 chunks from workers (\d\d+)/);
    }
    // The probe itself: a transfer in the same setting is reported.
    expect(
      traced(`const b = new ArrayBuffer(8); structuredClone(b, { transfer: [b] }); console.log('done');`),
    ).toContain('Invalidating protector cell ArrayBufferDetaching');
  }, 120_000);
});
