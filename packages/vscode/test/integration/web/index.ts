/**
 * The integration suite in the browser's web-worker extension host
 * (test/run-all.mjs --only integration-web: code-server runs Rapport's
 * browser entry there). Bundled for the browser with Node's `fs`, `os`,
 * `path` and `assert` replaced (see esbuild.mjs and bridge.ts).
 *
 * Left out, as they test what only the Node host has:
 * - cache.suite (with its Restricted Mode test): the index cache in
 *   `.rapport/cache/index.jsonl`, which
 *   the browser never writes (its cache is in the extension's workspace
 *   storage: src/platform/storage-cache.test.ts).
 * - malformed.suite: symbolic links (loops, links to nothing, links out
 *   of the folder), which only the Node host lists and reads as links;
 *   `workspace.fs` follows them, or reports them as unreadable files.
 */
import '../suites.js';
import { runSuites } from '../run-suites.js';

/** Where the launcher reads the results: out/test/web on the test machine, set at build time. */
declare const RESULTS_FOLDER: string;

export async function run(): Promise<void> {
  await runSuites(RESULTS_FOLDER, 'web');
}
