import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**', '.cache/**'],
    // The doveconf differential suite runs the real binaries over the whole corpus.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
