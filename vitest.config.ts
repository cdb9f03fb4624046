import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'e2e/**/*.test.ts', 'bench/**/*.test.ts'],
    globalSetup: ['test-support/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Most test files wait on a database, an HTTP server, a child process or Chromium rather than compute: one more
    // file at a time than there are cores keeps the cores busy (CI took 18 minutes on 2 cores with 2).
    maxWorkers: Math.max(2, availableParallelism() + 1),
  },
});
