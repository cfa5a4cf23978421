import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The `rapport` processes the tests start keep their compiled code (the CLI's code cache,
 * packages/cli/src/code-cache.ts) in a folder of this run, not in the user's ~/.cache.
 * Set before the workers start, which pass it on to every process they spawn.
 */
export default function setup(): () => void {
  const folder = mkdtempSync(join(tmpdir(), 'rapport-test-cache-'));
  process.env.XDG_CACHE_HOME = folder;
  return () => rmSync(folder, { recursive: true, force: true });
}
