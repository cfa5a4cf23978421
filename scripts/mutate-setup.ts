import { vi } from 'vitest';

/**
 * Vitest setup of mutation runs only (vitest.mutate.config.ts). Property tests
 * run hundreds to thousands of examples and shrink a failure to its smallest
 * case; against a mutant the first failing example is enough, and most fail
 * within a few dozen. Capping the examples and skipping the shrinking cuts a
 * run of note/ several-fold; a mutant only a rarer example would catch counts
 * as surviving, so the score stays a lower bound.
 */
const MUTATION_RUNS = 50;

vi.mock('fast-check', async (importOriginal) => {
  const real = await importOriginal<typeof import('fast-check')>();
  type Assert = typeof real.assert;
  const assert = ((property: Parameters<Assert>[0], parameters?: Parameters<Assert>[1]) =>
    real.assert(property, { ...parameters, numRuns: Math.min(parameters?.numRuns ?? MUTATION_RUNS, MUTATION_RUNS), endOnFailure: true })) as Assert;
  return { ...real, assert, default: { ...real, assert } };
});

/** Read by tests whose inputs are sized for a timing bound, which a mutation run (every statement instrumented, at low priority) cannot keep. */
process.env.RAPPORT_MUTATION_RUN = '1';
