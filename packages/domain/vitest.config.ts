import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Some tests walk 100,000-row files or thousands of generated cases; on a busy two-core
    // machine that can pass the 5 s default without anything being wrong.
    testTimeout: 30_000,
  },
});
