import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@cx/source'] },
  ssr: { resolve: { conditions: ['@cx/source'] } },
  test: {
    setupFiles: ['../../scripts/fast-check-setup.ts'],
    name: '@cx/text',
    // One module graph per worker for all its files (see the root vitest.config.ts).
    isolate: false,
    // Property tests over long generated texts need headroom on a loaded 2-core machine.
    testTimeout: 30_000,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'eval/**/*.test.ts'],
  },
});
