import { defineConfig } from 'tsup';
import { declarations } from '../../scripts/build/declarations.js';

export default defineConfig({
  // The column worker is an entry of its own: `readColumns({ workers })` starts it from `dist/column-worker.js`.
  entry: ['src/index.ts', 'src/columns/column-worker.ts'],
  format: ['esm', 'cjs'],
  dts: declarations({ entry: 'src/index.ts' }),
  sourcemap: true,
  clean: true,
  target: 'node20',
  treeshake: true,
  // `import.meta.url` (the worker's location) in the CommonJS build.
  shims: true,
});
