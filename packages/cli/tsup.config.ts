import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: { compilerOptions: { stripInternal: true } },
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
