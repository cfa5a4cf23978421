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

/** Runs every registered test whose suite passes `filter`, one after another. */
export async function runRegistered(filter: (suite: string) => boolean, log: (line: string) => void): Promise<RunResult> {
  const started = Date.now();
  const failures: { test: string; error: string }[] = [];
  let passed = 0;
  const selected = registered.filter((candidate) => filter(candidate.suite));
  for (const entry of selected) {
    const title = `${entry.suite} › ${entry.name}`;
    const testStarted = Date.now();
    try {
      await entry.body();
      passed++;
      log(`  ✓ ${title} (${Date.now() - testStarted} ms)`);
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      failures.push({ test: title, error: message });
      log(`  ✗ ${title}\n${message.replace(/^/gm, '      ')}`);
    }
  }
  return { registered: selected.length, passed, failed: failures.length, failures, durationMs: Date.now() - started };
}
