import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@cx/source'] },
  ssr: { resolve: { conditions: ['@cx/source'] } },
  test: {
    setupFiles: ['../../scripts/fast-check-setup.ts'],
    name: '@cx/report',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});
