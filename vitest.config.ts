import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'e2e/**/*.test.ts', 'bench/**/*.test.ts'],
    globalSetup: ['test-support/globalSetup.ts'],
    setupFiles: ['test-support/fastCheckSeed.ts'],
    // Generous: on a 2-core CI machine running three files at once, loading the whole demo (three years of generated
    // crime, the plan and its evidence) or starting Chromium can take minutes; a slow machine is not a failing test.
    testTimeout: 120_000,
    hookTimeout: 240_000,
    pool: 'forks',
    // Most test files wait on a database, an HTTP server, a child process or Chromium rather than compute: one more
    // file at a time than there are cores keeps the cores busy (CI took 18 minutes on 2 cores with 2).
    maxWorkers: Math.max(2, availableParallelism() + 1),
  },
});
