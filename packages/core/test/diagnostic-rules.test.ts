import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_RULES } from '../src/index.js';

const packages = fileURLToPath(new URL('../../', import.meta.url));

/** Every non-test TypeScript source of core, the CLI and the extension. */
function sources(): { path: string; text: string }[] {
  const found: { path: string; text: string }[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts')) found.push({ path, text: readFileSync(path, 'utf8') });
    }
  };
  for (const name of ['core', 'cli', 'vscode']) walk(join(packages, name, 'src'));
  return found;
}

/**
 * Rule ids written as literals where a diagnostic is made: `rule: 'x'`, a
 * severity followed by a rule (`report(at, n, 'warning', 'x', …)`,
 * `inputProblem(file, line, 'error', 'x', …)`), a rule first or second in
 * core's reporters (`report('x', …)`, `fileDiagnostic(file, 'x', …)`) and the
 * members of a `…Rule` union type. `Diagnostic.rule` is a plain string, so
 * tsc alone does not catch a rule missing from the list.
 */
function emittedRules(): Map<string, Set<string>> {
  const rules = new Map<string, Set<string>>();
  const add = (rule: string, path: string) => rules.set(rule, (rules.get(rule) ?? new Set()).add(path.slice(packages.length)));
  for (const { path, text } of sources()) {
    for (const match of text.matchAll(/\brule:\s*'([a-z0-9-]+)'/g)) add(match[1]!, path);
    for (const match of text.matchAll(/'(?:error|warning|info)',\s*'([a-z0-9-]+)'/g)) add(match[1]!, path);
    for (const match of text.matchAll(/\b(?:report|problem|fileDiagnostic)\((?:\w+,\s*)?'([a-z0-9-]+)'/g)) add(match[1]!, path);
    for (const union of text.matchAll(/export type \w*Rule\s*=([^;]+);/g)) for (const match of union[1]!.matchAll(/'([a-z0-9-]+)'/g)) add(match[1]!, path);
  }
  return rules;
}

describe('DIAGNOSTIC_RULES', () => {
  it('finds the rules the sources emit (the scan itself works)', () => {
    const rules = emittedRules();
    for (const rule of ['yaml-syntax', 'unreadable-file', 'duplicate-id', 'invalid-config', 'unresolved-link']) expect([...rules.keys()]).toContain(rule);
  });

  it('lists every rule id a diagnostic is emitted with', () => {
    const missing = [...emittedRules()]
      .filter(([rule]) => !(rule in DIAGNOSTIC_RULES))
      .map(([rule, files]) => `${rule} (${[...files].sort().join(', ')})`)
      .sort();
    expect(missing, `rules emitted but missing from DIAGNOSTIC_RULES:\n  ${missing.join('\n  ')}`).toEqual([]);
  });
});
