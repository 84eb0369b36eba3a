import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@cx/source'] },
  ssr: { resolve: { conditions: ['@cx/source'] } },
  test: {
    setupFiles: ['../../scripts/fast-check-setup.ts'],
    name: '@cx/example-replay-servers',
    // One module graph per worker for all its files (see the root vitest.config.ts).
    isolate: false,
    include: ['src/**/*.test.ts'],
    testTimeout: 60000,
  },
});
