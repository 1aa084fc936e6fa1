import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // A fresh embedded database takes a few seconds to start on two cores, more while other suites run.
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});
