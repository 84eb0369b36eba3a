import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'architecture',
    // One module graph per worker for all its files (see the root vitest.config.ts).
    isolate: false,
    include: ['*.test.ts'],
    testTimeout: 180_000,
  },
});
