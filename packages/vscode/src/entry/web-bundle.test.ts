import { builtinModules } from 'node:module';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
// @ts-expect-error the build script is plain JavaScript
import { web } from '../../esbuild.mjs';

/**
 * Every Node built-in, with and without `node:`, kept external so that any
 * import of one shows in the metafile instead of failing the build. Bare
 * `buffer` is left to resolve: in a browser build it is the npm polyfill
 * (src/platform/web-globals.ts), which is the point.
 */
const NODE_BUILTINS = [...builtinModules.filter((name) => name !== 'buffer'), ...builtinModules.map((name) => `node:${name}`)];

async function buildWeb() {
  const result = await build({ ...web, external: ['vscode', ...NODE_BUILTINS], write: false, metafile: true, sourcemap: false, logLevel: 'silent' });
  // Injected globals show as external imports of their own file: only modules by name count.
  const imports = Object.entries(result.metafile!.inputs).flatMap(([input, { imports }]) => imports.filter((entry) => entry.external && !entry.path.startsWith('/')).map((entry) => `${entry.path} (from ${input})`));
  const code = result.outputFiles!.find((file) => file.path.endsWith('extension.js'))!.text;
  return { imports, inputs: Object.keys(result.metafile!.inputs), code };
}

/** Whatever loading the bundle reads of `vscode` (enum members, classes to extend): every name the bundle uses, each answering anything. */
function vscodeStub(code: string): Record<string, unknown> {
  const anything: unknown = new Proxy(function () {}, { get: (_target, key) => (key === Symbol.toPrimitive ? () => 0 : anything) });
  const names = new Set([...code.matchAll(/\bvscode\d*\.([A-Za-z_$][\w$]*)/g)].map((match) => match[1]!));
  return Object.fromEntries([...names].map((name) => [name, anything]));
}

describe('the browser entry (dist/web/extension.js)', () => {
  it('requires nothing but vscode: no Node built-in is left in the bundle', async () => {
    const { imports, inputs } = await buildWeb();
    expect(imports.filter((entry) => !entry.startsWith('vscode '))).toEqual([]);
    // Core's Node half (NodeStore, NodeIndexCache, proper-lockfile) stays out entirely.
    expect(inputs.filter((input) => /core\/(dist|src)\/node\/|proper-lockfile|graceful-fs|[\\/]src[\\/]platform[\\/]node\.ts$/.test(input))).toEqual([]);
  }, 60_000);

  it('loads where only a web worker’s globals exist, and exports activate', async () => {
    const { code } = await buildWeb();
    const module = { exports: {} as Record<string, unknown> };
    const required: string[] = [];
    const require = (name: string) => {
      required.push(name);
      if (name === 'vscode') return vscodeStub(code);
      throw new Error(`the browser bundle required ${name}`);
    };
    // No process, Buffer, setImmediate, __dirname or global: what the web-worker host gives an extension.
    const sandbox = { module, exports: module.exports, require, console, TextEncoder, TextDecoder, URL, setTimeout, clearTimeout, queueMicrotask, performance, Intl };
    runInNewContext(code, sandbox);
    expect(typeof module.exports.activate).toBe('function');
    expect([...new Set(required)]).toEqual(['vscode']);
  }, 60_000);
});
