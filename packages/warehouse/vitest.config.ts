import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@cx/source'] },
  ssr: { resolve: { conditions: ['@cx/source'] } },
  test: {
    setupFiles: ['../../scripts/fast-check-setup.ts'],
    // Starts PostgreSQL 15 on a private port and data directory (as user postgres) and stops it afterwards.
    globalSetup: ['./test/postgres-setup.ts'],
    name: '@cx/warehouse',
    // One module graph per worker for all its files (see the root vitest.config.ts).
    isolate: false,
    // Engines run real queries; property tests run many of them on a loaded 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});
