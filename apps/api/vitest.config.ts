import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Each file starts its own database; an embedded one takes a few seconds on two cores.
    hookTimeout: 60_000,
    testTimeout: 60_000,
  },
});
