/**
 * `node:assert/strict` for the web test bundle: the checks the suites use,
 * with Node's semantics (Object.is, deep equality of plain data, a RegExp
 * tested against `String(error)`).
 */
import { dequal } from 'dequal';

export class AssertionError extends Error {
  override name = 'AssertionError';
}

const show = (value: unknown) => {
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
};

function fail(message: string | Error | undefined, fallback: string): never {
  if (message instanceof Error) throw message;
  throw new AssertionError(message ?? fallback);
}

function ok(value: unknown, message?: string | Error): asserts value {
  if (!value) fail(message, `expected a truthy value, got ${show(value)}`);
}

function equal<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!Object.is(actual, expected)) fail(message, `expected ${show(expected)}\n     got ${show(actual)}`);
}

function notEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (Object.is(actual, expected)) fail(message, `expected anything but ${show(expected)}`);
}

function deepEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!dequal(actual, expected)) fail(message, `expected ${show(expected)}\n     got ${show(actual)}`);
}

function match(actual: string, pattern: RegExp, message?: string | Error): void {
  if (typeof actual !== 'string' || !pattern.test(actual)) fail(message, `expected ${show(actual)} to match ${pattern}`);
}

async function rejects(promise: Promise<unknown> | (() => Promise<unknown>), expected?: RegExp, message?: string | Error): Promise<void> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    if (expected !== undefined && !expected.test(String(error))) fail(message, `expected the rejection to match ${expected}, got ${show(String(error))}`);
    return;
  }
  fail(message, 'Missing expected rejection.');
}

const assert = Object.assign(ok, { ok, equal, notEqual, deepEqual, match, rejects, AssertionError });
export default assert;
