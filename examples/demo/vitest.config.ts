import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    setupFiles: ['../../scripts/fast-check-setup.ts'],
    name: '@cx/example-demo',
    include: ['src/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
