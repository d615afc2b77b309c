import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    exclude: ['node_modules/**', 'tests/e2e/**'],
    testTimeout: 60_000,
  },
});
