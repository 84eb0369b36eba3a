import { defineConfig } from 'tsup';
import { declarations } from '../../scripts/build/declarations.js';

export default defineConfig({
  // The root and one entry per area (package.json "exports": ".", "./survey", "./retention", "./lifetime",
  // "./journey"). Code splitting in both formats, so that a class reached through the root and through its subpath
  // is one class (instanceof holds across entries) and shared modules ship once.
  entry: {
    index: 'src/index.ts',
    survey: 'src/entries/survey.ts',
    retention: 'src/entries/retention.ts',
    lifetime: 'src/entries/lifetime.ts',
    journey: 'src/entries/journey.ts',
    // The worker of the parallel kernels (`churnSeries(…, { workers })`, `cohortRetention(…, { workers })`).
    'kernel-worker': 'src/parallel/kernel-worker.ts',
    // The chunk reducer of `cohortRetentionCsv(…, { workers })`, imported by `@cx/ingest`'s column workers.
    'retention-reducer': 'src/retention/chunk-reducer.ts',
  },
  format: ['esm', 'cjs'],
  splitting: true,
  dts: declarations({
    entry: {
      index: 'src/index.ts',
      survey: 'src/entries/survey.ts',
      retention: 'src/entries/retention.ts',
      lifetime: 'src/entries/lifetime.ts',
      journey: 'src/entries/journey.ts',
    },
    compilerOptions: { stripInternal: true },
  }),
  sourcemap: true,
  clean: true,
  target: 'node20',
  treeshake: true,
  // `import.meta.url` (the kernel worker's location) in the CommonJS build.
  shims: true,
});
