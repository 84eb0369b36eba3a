import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    setupFiles: ['../../scripts/fast-check-setup.ts'],
    name: '@cx/example-demo',
    // One module graph per worker for all its files (see the root vitest.config.ts).
    isolate: false,
    include: ['src/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
