import { defineConfig } from 'vitest/config';

/** Root test config: one vitest run over every package and example project. */
export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      'examples/*/vitest.config.ts',
      'scripts/doctest/vitest.config.ts',
      'scripts/architecture/vitest.config.ts',
      'contract/vitest.config.ts',
    ],
  },
});
