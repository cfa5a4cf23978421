// Mutation testing of core's logic (issue 18). Run with `pnpm mutate [folder…]` (scripts/mutate.sh);
// the HTML report goes to .mutation/. Kept out of CI: a full run takes hours on a 2-core machine (docs/mutation.md).
// scripts/mutate.sh points the reports of one folder at .mutation/<folder>/.
const reportDir = process.env.RAPPORT_MUTATE_REPORT_DIR ?? '.mutation';
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'pnpm',
  // Named, because pnpm's strict node_modules hides them from Stryker's own lookup.
  plugins: ['@stryker-mutator/vitest-runner', '@stryker-mutator/typescript-checker'],
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  // Off by default: mutants that do not compile mostly fail their tests anyway, and type-checking
  // each one doubles a run here. RAPPORT_MUTATE_TYPECHECK=1 turns it on (they then count as compile errors, not in the score).
  checkers: process.env.RAPPORT_MUTATE_TYPECHECK === '1' ? ['typescript'] : [],
  tsconfigFile: 'packages/core/tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  // Mutants in module-level constants (templates, tables) re-run every test file; they are listed as ignored.
  ignoreStatic: true,
  mutate: ['packages/core/src/{note,lifecycle,letters,import,export}/**/*.ts', '!packages/core/src/**/*.test.ts'],
  // Only what the core tests need goes into the sandbox.
  ignorePatterns: ['/packages/cli', '/packages/vscode', '/bench', '/docs', '/.mutation', '/.bench', '/.test-results', 'dist'],
  concurrency: 2,
  // Added to 1.5 × a mutant's tests' own time: a mutant that loops is given up on after a few seconds.
  timeoutMS: 5_000,
  dryRunTimeoutMinutes: 30,
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: `${reportDir}/index.html` },
  jsonReporter: { fileName: `${reportDir}/report.json` },
  incremental: true,
  incrementalFile: '.mutation/incremental.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 85, low: 75, break: null },
};
