import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@cx/source'] },
  ssr: { resolve: { conditions: ['@cx/source'] } },
  test: {
    setupFiles: ['../../scripts/fast-check-setup.ts'],
    name: '@cx/connectors',
    // One module graph per worker for all its files (see the root vitest.config.ts).
    isolate: false,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // the machine running CI is shared: generous, so a loaded core does not fail a property run
    testTimeout: 30_000,
  },
});
