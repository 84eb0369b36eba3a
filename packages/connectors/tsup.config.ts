import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', 'duckdb/index': 'src/duckdb/index.ts' },
  format: ['esm', 'cjs'],
  dts: { compilerOptions: { stripInternal: true } },
  sourcemap: true,
  clean: true,
  target: 'node20',
  treeshake: true,
});
