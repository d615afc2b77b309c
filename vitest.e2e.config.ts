import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: one Chromium, one file at a time (SwiftShader is slow; never parallel).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
