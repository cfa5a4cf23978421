import { defineConfig } from 'vitest/config';

/**
 * The tests Stryker runs against each mutant (see stryker.config.mjs). The CLI
 * and built-dist tests never see a mutant. scripts/mutate.sh sets
 * RAPPORT_MUTATE_FOLDER so that only that folder's own unit tests run: on a
 * shared 2-core machine the whole core suite does not fit Stryker's time
 * limits, and the score is then a lower bound (a mutant that only another
 * folder's tests would kill counts as surviving).
 */
const folder = process.env.RAPPORT_MUTATE_FOLDER;

export default defineConfig({
  test: {
    include: folder ? [`packages/core/src/${folder}/**/*.test.ts`] : ['packages/core/src/**/*.test.ts', 'packages/core/test/**/*.test.ts'],
    // Left out: the built-dist workers, and the scan of the CLI's and extension's sources (not in the sandbox).
    exclude: ['**/node_modules/**', '**/dist/**', 'packages/core/test/concurrency.test.ts', 'packages/core/test/diagnostic-rules.test.ts'],
    testTimeout: 120_000,
    setupFiles: ['scripts/mutate-setup.ts'],
  },
});
