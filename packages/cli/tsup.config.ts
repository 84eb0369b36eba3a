import { defineConfig } from 'tsup';
import { declarations } from '../../scripts/build/declarations.js';

export default defineConfig([
  {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: declarations({ compilerOptions: { stripInternal: true } }),
    sourcemap: true,
    clean: ['index.*'],
    target: 'node20',
    treeshake: true,
  },
  {
    // The `cx` command's code, started by bin/cx.mjs (package.json "bin").
    entry: { cli: 'src/bin.ts' },
    format: ['esm'],
    sourcemap: true,
    clean: ['cli.*'],
    target: 'node20',
  },
]);
