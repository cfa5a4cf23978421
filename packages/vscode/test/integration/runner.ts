/**
 * A tiny test runner for the extension host: `suite`/`test` register tests,
 * `runRegistered` runs them in order and reports. Small on purpose: the same
 * bundle runs under code-server and under @vscode/test-electron, with no
 * runner to install in either.
 */
type TestBody = () => Promise<void> | void;

interface RegisteredTest {
  readonly suite: string;
  readonly name: string;
  readonly body: TestBody;
}

export interface RunResult {
  /** Tests that passed the filter: the summary fails a window that ran fewer. */
  readonly registered: number;
  readonly passed: number;
  readonly failed: number;
  readonly failures: readonly { readonly test: string; readonly error: string }[];
  /** Tests that failed once and passed when run again: counted as passed, and named on CI's last lines. */
  readonly flaky: readonly { readonly test: string; readonly error: string }[];
  readonly durationMs: number;
}

const registered: RegisteredTest[] = [];
let currentSuite = '';

export function suite(name: string, define: () => void): void {
  const outer = currentSuite;
  currentSuite = outer ? `${outer} › ${name}` : name;
  try {
    define();
  } finally {
    currentSuite = outer;
  }
}

export function test(name: string, body: TestBody): void {
  registered.push({ suite: currentSuite, name, body });
}

/**
 * Runs every registered test whose suite passes `filter`, one after another.
 * A test that fails is run once more: a window of a real VS Code under a
 * loaded machine now and then misses a deadline. One that passes then counts
 * as passed but is reported as flaky, with its first error, so that it gets
 * mended rather than forgotten; one that fails twice fails.
 */
export async function runRegistered(filter: (suite: string) => boolean, log: (line: string) => void): Promise<RunResult> {
  const started = Date.now();
  const failures: { test: string; error: string }[] = [];
  const flaky: { test: string; error: string }[] = [];
  let passed = 0;
  const selected = registered.filter((candidate) => filter(candidate.suite));
  for (const entry of selected) {
    const title = `${entry.suite} › ${entry.name}`;
    const first = await attempt(entry.body);
    if (first.error === undefined) {
      passed++;
      log(`  ✓ ${title} (${first.ms} ms)`);
      continue;
    }
    log(`  ↻ ${title}: failed once, run again\n${indent(first.error)}`);
    const second = await attempt(entry.body);
    if (second.error === undefined) {
      passed++;
      flaky.push({ test: title, error: first.error });
      log(`  ✓ ${title} (${second.ms} ms, on its second run)`);
    } else {
      failures.push({ test: title, error: second.error });
      log(`  ✗ ${title}\n${indent(second.error)}`);
    }
  }
  return { registered: selected.length, passed, failed: failures.length, failures, flaky, durationMs: Date.now() - started };
}

async function attempt(body: TestBody): Promise<{ ms: number; error?: string }> {
  const started = Date.now();
  try {
    await body();
    return { ms: Date.now() - started };
  } catch (error) {
    return { ms: Date.now() - started, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

const indent = (text: string): string => text.replace(/^/gm, '      ');
