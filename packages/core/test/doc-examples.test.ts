// The `@example` blocks of the doc comments run as written, against the built
// package (imported by its name, as a user would), and print what their
// `// →` comments say. TypeDoc shows them in the API reference.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const corePackage = fileURLToPath(new URL('..', import.meta.url));
const source = join(corePackage, 'src');
// Inside the package, so that `import '@rapport/core'` resolves to it by its own name.
const scratch = mkdtempSync(join(corePackage, '.doc-examples-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Example {
  readonly file: string;
  readonly exported: string;
  readonly code: string;
}

function examplesIn(file: string): Example[] {
  const text = readFileSync(file, 'utf8');
  const found: Example[] = [];
  for (const match of text.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*?)\*\/\s*export (?:async )?(?:function|class|const) (\w+)/g)) {
    const comment = match[1]!.split('\n').map((line) => line.replace(/^\s*\* ?/, '')).join('\n');
    const code = comment.match(/@example\n```ts\n([\s\S]*?)```/)?.[1];
    if (code) found.push({ file: relative(corePackage, file), exported: match[2]!, code });
  }
  return found;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'test-support' || entry.name === '__snapshots__' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const examples = sourceFiles(source).flatMap(examplesIn);

describe('doc comment examples', () => {
  it('are there for the main functions', () => {
    expect(examples.map((example) => example.exported).sort()).toEqual(['NodeStore', 'addWorkingDays', 'advance', 'agenda', 'createContact', 'editNote', 'loadWorkspace', 'readNote', 'renderLetter', 'setField']);
  });

  for (const example of examples.filter((candidate) => candidate.code.includes('// → '))) {
    it(`${example.exported} (${example.file}) prints what its example says`, () => {
      const expected = [...example.code.matchAll(/\/\/ → (.*)$/gm)].map((match) => match[1]);
      const script = join(scratch, `${example.exported}.mjs`);
      writeFileSync(script, example.code);
      const result = spawnSync(process.execPath, [script], { cwd: scratch, encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect(result.stdout.trimEnd().split('\n')).toEqual(expected);
    });
  }
});
