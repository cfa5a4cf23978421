// Shared by the browser tests (Node host and web-worker host): how a step is run and reported,
// and how the extension is packaged as users install it.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Runs named steps, printing ✓ or ✗ with the error, and counts them in `result` (naming each that failed).
 * @param {{passed: number, failed: number, failures: string[]}} result
 * @returns {(name: string, body: () => Promise<void>) => Promise<boolean>}
 */
export function stepRunner(result) {
  return async (name, body) => {
    const started = Date.now();
    try {
      await body();
      result.passed++;
      console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
      return true;
    } catch (error) {
      result.failed++;
      result.failures.push(name);
      console.log(`  ✗ ${name}\n${String(error?.stack ?? error).replace(/^/gm, '      ')}`);
      return false;
    }
  };
}

/** Builds the production bundles and packs them as `dist/rapport-vscode.vsix`; returns its path. */
export function packageVsix(extension) {
  execFileSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: extension, stdio: 'inherit' });
  const vsix = join(extension, 'dist/rapport-vscode.vsix');
  execFileSync(join(extension, 'node_modules/.bin/vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--out', vsix], { cwd: extension, stdio: ['ignore', 'ignore', 'inherit'] });
  return vsix;
}
