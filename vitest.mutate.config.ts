import { defineConfig } from 'vitest/config';

/** The core tests that exercise the mutated source (see stryker.config.mjs); the CLI and built-dist tests never see a mutant. */
export default defineConfig({
  test: {
    include: ['packages/core/src/**/*.test.ts', 'packages/core/test/**/*.test.ts'],
    // Left out: the built-dist workers, and the scan of the CLI's and extension's sources (not in the sandbox).
    exclude: ['**/node_modules/**', '**/dist/**', 'packages/core/test/concurrency.test.ts', 'packages/core/test/diagnostic-rules.test.ts'],
    testTimeout: 120_000,
  },
});
