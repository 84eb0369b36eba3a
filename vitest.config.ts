import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/** Root test config: one vitest run over every package and example project. */
export default defineConfig({
  test: {
    // One test file per core. Vitest's default (cores - 1) leaves one worker on a two-core machine, where the
    // main process (transforms, reporting) uses about a third of the other core: two workers took the metrics
    // project from 93 s to 65 s of wall time for the same CPU time. Files that share an outside resource keep apart
    // on their own (the warehouse tests use one PostgreSQL database per worker: packages/warehouse/test/engines.ts).
    maxWorkers: availableParallelism(),
    // Every project also sets `isolate: false` (vitest does not pass it down from here): a worker imports the sources
    // once for all the files it runs instead of once per file (the import phase was 216 s of the 757 s test step). No
    // test mocks a module, stubs a global or changes process.env; the few spies (console, Calendar.prototype) are
    // restored by their own tests. The metrics project: 63 s isolated, 38 s not, with two workers.
    projects: [
      'packages/*/vitest.config.ts',
      'examples/*/vitest.config.ts',
      'scripts/doctest/vitest.config.ts',
      'scripts/architecture/vitest.config.ts',
      'contract/vitest.config.ts',
    ],
  },
});
