import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@cx/source'] },
  ssr: { resolve: { conditions: ['@cx/source'] } },
  test: {
    setupFiles: ['../../scripts/fast-check-setup.ts'],
    name: '@cx/example-journey-map',
    // One module graph per worker for all its files (see the root vitest.config.ts).
    isolate: false,
    // Property, fuzz and browser tests on a shared two-core machine: no test relies on its own speed.
    testTimeout: 60_000,
    include: ['src/**/*.test.ts'],
  },
});
