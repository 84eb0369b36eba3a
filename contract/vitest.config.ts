import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@cx/source'] },
  ssr: { resolve: { conditions: ['@cx/source'] } },
  test: {
    setupFiles: ['../scripts/fast-check-setup.ts'],
    name: 'contract',
    // One module graph per worker for all its files (see the root vitest.config.ts).
    isolate: false,
    include: ['*.test.ts'],
    testTimeout: 60_000,
  },
});
