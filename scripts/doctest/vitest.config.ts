import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@cx/source'] },
  ssr: { resolve: { conditions: ['@cx/source'] } },
  test: {
    setupFiles: ['../fast-check-setup.ts'],
    name: 'doctest',
    include: ['*.test.ts'],
    testTimeout: 120_000,
  },
});
