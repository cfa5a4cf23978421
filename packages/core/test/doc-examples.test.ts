// The `@example` blocks of the doc comments type-check and run as written,
// against the built package (imported by its name, as a user would), and
// print what their `// →` comments say. TypeDoc shows them in the API reference.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
    expect(examples.map((example) => example.exported).sort()).toEqual(['NodeStore', 'addWorkingDays', 'advance', 'agenda', 'applyFix', 'booksMeetingOnly', 'changesMeetingDetailsOnly', 'contactSlug', 'createContact', 'editNote', 'loadSlugger', 'loadWorkspace', 'moveMeeting', 'readNote', 'renderLetter', 'repeatedStageProblem', 'setField', 'snoozeContact', 'unknownLetterProblem', 'updateMeeting']);
  });

  it('type-check as a consumer writes them (strict, nodenext)', () => {
    const folder = join(scratch, 'typed');
    mkdirSync(folder);
    for (const example of examples) writeFileSync(join(folder, `${example.exported}.mts`), example.code);
    writeFileSync(join(folder, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', skipLibCheck: true, types: ['node'] }, include: ['*.mts'] }));
    const tsc = spawnSync(process.execPath, [createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-p', folder], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
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
