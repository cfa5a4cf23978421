import { describe, expect, it } from 'vitest';
import { runRegistered, suite, test } from './integration/runner.js';

describe('the runner of the VS Code integration tests', () => {
  it('runs a failed test once more: passing then, it counts as passed and is named as flaky with its first error; failing again, it fails', async () => {
    let tries = 0;
    suite('Retries', () => {
      test('passes', () => undefined);
      test('misses a deadline once', () => {
        tries++;
        if (tries === 1) throw new Error('timed out waiting for the tree');
      });
      test('always fails', () => {
        throw new Error('wrong stage');
      });
    });
    const lines: string[] = [];
    const result = await runRegistered((name) => name === 'Retries', (line) => lines.push(line));
    expect(tries).toBe(2);
    expect(result).toMatchObject({ registered: 3, passed: 2, failed: 1 });
    expect(result.failures.map((failure) => failure.test)).toEqual(['Retries › always fails']);
    expect(result.failures[0]?.error).toContain('Error: wrong stage');
    expect(result.flaky.map((failure) => failure.test)).toEqual(['Retries › misses a deadline once']);
    expect(result.flaky[0]?.error).toContain('Error: timed out waiting for the tree');
    expect(lines.map((line) => line.split('\n')[0]!.replace(/\(\d+ ms/, '(N ms'))).toEqual([
      '  ✓ Retries › passes (N ms)',
      '  ↻ Retries › misses a deadline once: failed once, run again',
      '  ✓ Retries › misses a deadline once (N ms, on its second run)',
      '  ↻ Retries › always fails: failed once, run again',
      '  ✗ Retries › always fails',
    ]);
  });
});
