import { defineConfig } from 'tsup';
import { declarations } from '../../scripts/build/declarations.js';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: declarations({ compilerOptions: { stripInternal: true } }),
  sourcemap: true,
  clean: true,
  target: 'node20',
  treeshake: true,
});
