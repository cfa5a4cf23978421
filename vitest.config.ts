import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'scripts/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', 'packages/vscode/test/integration/**'],
    // A guard against hangs, not a speed check: CLI tests spawn many processes on a 2-core machine.
    testTimeout: 120_000,
    globalSetup: ['./vitest.cache-folder.ts'],
  },
});
