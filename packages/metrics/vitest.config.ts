import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@cx/source'] },
  ssr: { resolve: { conditions: ['@cx/source'] } },
  test: {
    setupFiles: ['../../scripts/fast-check-setup.ts'],
    name: '@cx/metrics',
    // One module graph per worker for all its files (see the root vitest.config.ts).
    isolate: false,
    // Model fits on CDNOW (Pareto/NBD ~2.5 s idle) and large property tests need headroom on a loaded 2-core machine.
    testTimeout: 30_000,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});
