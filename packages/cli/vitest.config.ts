import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@cx/source'] },
  ssr: { resolve: { conditions: ['@cx/source'] } },
  test: {
    setupFiles: ['../../scripts/fast-check-setup.ts'],
    name: '@cx/cli',
    // One module graph per worker for all its files (see the root vitest.config.ts).
    isolate: false,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Reading files and driving Chromium on a loaded machine takes longer than vitest's 5 s default.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
