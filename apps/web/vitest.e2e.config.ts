import { defineConfig } from 'vitest/config';

// The browser test starts the real API and Chromium: slow, so it runs on its own, after `vite build`.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
