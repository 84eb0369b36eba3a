import { defineConfig } from 'vitest/config';

/** Root test config: one vitest run over every package and example project. */
export default defineConfig({
  test: {
    projects: ['packages/*', 'examples/*', 'scripts/doctest'],
  },
});
