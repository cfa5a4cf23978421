import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { gitEnvironmentWithRapport, rapport } from './support/run-cli.js';

/** Real git, with the built CLI on the PATH as `rapport` for the pre-commit hook. */
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  env = { ...process.env, ...gitEnvironmentWithRapport() };
});

function git(folder: string, ...args: string[]) {
  const result = spawnSync('git', args, { cwd: folder, encoding: 'utf8', env });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A contact note in `stage`, its history saying so; a mistyped stage (`contactd`) makes it an error. */
const note = (name: string, stage: string) => `---\ntype: contact\nname: ${name}\nstage: ${stage}\nhistory:\n  - date: 2026-11-02\n    stage: ${stage === 'contactd' ? 'identified' : stage}\n---\n\n# ${name}\n`;

/** A repository whose notes folder is `notes/` (not its top), with two contacts committed. */
function repository(): { repo: string; notes: string } {
  const repo = mkdtempSync(join(tmpdir(), 'rapport-staged-'));
  const notes = join(repo, 'notes');
  mkdirSync(join(notes, '.rapport'), { recursive: true });
  writeFileSync(join(notes, '.rapport', 'config.yaml'), 'timezone: UTC\n');
  writeFileSync(join(notes, 'ana-ruiz.md'), note('Ana Ruiz', 'identified'));
  writeFileSync(join(notes, 'José Núñez.md'), note('José Núñez', 'identified'));
  git(repo, 'init', '-q');
  git(repo, 'add', '-A');
  expect(git(repo, 'commit', '-q', '-m', 'notes').code).toBe(0);
  return { repo, notes };
}

describe('rapport check --staged (real git)', () => {
  it('checks what the next commit holds: a typo not yet added passes, a typo added and fixed only on disk does not', () => {
    const { repo, notes } = repository();
    // A good change added; a typo made after it, not added.
    writeFileSync(join(notes, 'José Núñez.md'), note('José Núñez', 'contacted'));
    git(repo, 'add', 'notes/José Núñez.md');
    writeFileSync(join(notes, 'José Núñez.md'), note('José Núñez', 'contactd'));
    // A broken note never added is not part of the commit.
    writeFileSync(join(notes, 'draft.md'), '---\ntype: contact\nname: Draft\nstage: nope\n---\n');
    expect(rapport(['check', '--staged', '--dir', notes])).toEqual({ code: 0, stdout: '2 contacts checked: 0 errors, 0 warnings\n', stderr: '' });
    expect(rapport(['check', '--dir', notes]).code).toBe(1);

    // The typo added; fixed on disk afterwards, but not added again.
    git(repo, 'add', 'notes/José Núñez.md');
    writeFileSync(join(notes, 'José Núñez.md'), note('José Núñez', 'contacted'));
    const staged = rapport(['check', '--staged', '--dir', notes]);
    expect(staged.code).toBe(1);
    expect(staged.stdout).toBe(
      [
        'José Núñez.md:4:8 error Unknown stage "contactd" [unknown-stage]',
        '    hint: Did you mean "contacted"? Use one of: identified, contacted, followed-up, scheduled, prepared, held, thanked, nurturing, declined, no-response, archived',
        '2 contacts checked: 1 error, 0 warnings',
        'These are the notes as staged for the next commit: fix them (rapport check --fix), then git add them again.',
        '',
      ].join('\n'),
    );
  });

  it('as the pre-commit hook, refuses a commit of a broken note and lets the fixed one through', () => {
    const { repo, notes } = repository();
    writeFileSync(join(repo, '.git', 'hooks', 'pre-commit'), '#!/bin/sh\nexec rapport check --staged --dir "$(git rev-parse --show-toplevel)/notes"\n');
    chmodSync(join(repo, '.git', 'hooks', 'pre-commit'), 0o755);
    const head = git(repo, 'rev-parse', 'HEAD').stdout;
    writeFileSync(join(notes, 'ana-ruiz.md'), note('Ana Ruiz', 'contactd'));
    git(repo, 'add', '-A');
    const refused = git(repo, 'commit', '-q', '-m', 'typo');
    expect(refused.code).toBe(1);
    // Git shows a hook's output on its stderr.
    expect(refused.stderr).toContain('ana-ruiz.md:4:8 error Unknown stage "contactd" [unknown-stage]');
    expect(git(repo, 'rev-parse', 'HEAD').stdout).toBe(head);
    writeFileSync(join(notes, 'ana-ruiz.md'), note('Ana Ruiz', 'contacted'));
    git(repo, 'add', '-A');
    expect(git(repo, 'commit', '-q', '-m', 'fixed').code).toBe(0);
    expect(git(repo, 'show', 'HEAD:notes/ana-ruiz.md').stdout).toBe(note('Ana Ruiz', 'contacted'));
  });

  it('outside a git repository, says so and exits 3', () => {
    const folder = mkdtempSync(join(tmpdir(), 'rapport-not-git-'));
    writeFileSync(join(folder, 'ana-ruiz.md'), note('Ana Ruiz', 'identified'));
    const result = rapport(['check', '--staged', '--dir', folder], { env: { GIT_CEILING_DIRECTORIES: tmpdir() } });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(new RegExp(`^rapport: --staged: ${folder.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not in a git repository with an index to read \\(fatal: not a git repository`));
  });
});

describe('rapport init --git --hook (real git)', () => {
  it('installs the pre-commit hook: a commit holding a broken note is refused, the fixed one goes through', () => {
    const folder = mkdtempSync(join(tmpdir(), 'rapport-hook-'));
    const init = rapport(['init', folder, '--git', '--hook', '--timezone', 'UTC', '--today', '2026-12-07'], { env });
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('created .git/hooks/pre-commit\n');
    expect(init.stdout).not.toContain('To refuse commits of a broken note');
    expect(statSync(join(folder, '.git', 'hooks', 'pre-commit')).mode & 0o111).toBe(0o111);
    // Run again, init finds its own hook: kept, nothing to add.
    const again = rapport(['init', folder, '--git', '--hook'], { env });
    expect(again.stdout).toContain('kept    .git/hooks/pre-commit (already there)\n');
    expect(again.stderr).toBe('');
    writeFileSync(join(folder, 'ana-ruiz.md'), note('Ana Ruiz', 'contactd'));
    git(folder, 'add', '-A');
    const refused = git(folder, 'commit', '-q', '-m', 'typo');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('ana-ruiz.md:4:8 error Unknown stage "contactd" [unknown-stage]');
    writeFileSync(join(folder, 'ana-ruiz.md'), note('Ana Ruiz', 'contacted'));
    git(folder, 'add', '-A');
    expect(git(folder, 'commit', '-q', '-m', 'fixed').code).toBe(0);
    expect(git(folder, 'show', 'HEAD:ana-ruiz.md').stdout).toBe(note('Ana Ruiz', 'contacted'));
  });

  it('for a notes folder inside a repository, the hook checks that folder; without rapport on the PATH it lets the commit through and says so', () => {
    const { repo, notes } = repository();
    expect(rapport(['init', notes, '--git', '--hook'], { env }).code).toBe(0);
    expect(readFileSync(join(repo, '.git', 'hooks', 'pre-commit'), 'utf8')).toContain('exec rapport check --staged --dir "$(git rev-parse --show-toplevel)/notes"\n');
    writeFileSync(join(notes, 'ana-ruiz.md'), note('Ana Ruiz', 'contactd'));
    git(repo, 'add', '-A');
    expect(git(repo, 'commit', '-q', '-m', 'typo').code).toBe(1);
    // git finds sh, but no rapport.
    const withoutRapport = spawnSync('git', ['commit', '-q', '-m', 'typo'], { cwd: repo, encoding: 'utf8', env: { ...env, PATH: '/usr/bin:/bin' } });
    expect(withoutRapport.status).toBe(0);
    expect(withoutRapport.stderr).toBe('rapport is not on the PATH: the notes in this commit were not checked\n');
  });

  it('keeps a pre-commit hook already there and prints the line to add to it; --hook without --git is refused', () => {
    const { repo, notes } = repository();
    writeFileSync(join(repo, '.git', 'hooks', 'pre-commit'), '#!/bin/sh\nnpm test\n');
    const init = rapport(['init', notes, '--git', '--hook'], { env });
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('kept    ../.git/hooks/pre-commit (already there)\n');
    expect(init.stderr).toBe('rapport: warning: ../.git/hooks/pre-commit was there already and is left as it is: to check the notes in it too, add the line\n  rapport check --staged --dir "$(git rev-parse --show-toplevel)/notes" || exit 1\n');
    expect(readFileSync(join(repo, '.git', 'hooks', 'pre-commit'), 'utf8')).toBe('#!/bin/sh\nnpm test\n');
    // A hook that checks another notes folder of the repository is not this folder's.
    writeFileSync(join(repo, '.git', 'hooks', 'pre-commit'), '#!/bin/sh\nrapport check --staged --dir "$(git rev-parse --show-toplevel)/work" || exit 1\n');
    expect(rapport(['init', notes, '--git', '--hook'], { env }).stderr).toBe('rapport: warning: ../.git/hooks/pre-commit was there already and is left as it is: to check the notes in it too, add the line\n  rapport check --staged --dir "$(git rev-parse --show-toplevel)/notes" || exit 1\n');
    const alone = rapport(['init', notes, '--hook'], { env });
    expect(alone).toEqual({ code: 2, stdout: '', stderr: 'rapport: --hook goes with --git (the hook is installed in the git repository --git sets up)\n' });
  });

  it('warns, staged, of a note added beside one whose path differs only in letter case (one file on a Mac)', () => {
    const { repo, notes } = repository();
    writeFileSync(join(notes, 'Ana-Ruiz.md'), note('Ana Ruiz', 'contacted'));
    git(repo, 'add', 'notes/Ana-Ruiz.md');
    expect(rapport(['check', '--staged', '--dir', notes])).toEqual({
      code: 0,
      stdout: [
        "ana-ruiz.md:1:1 warning This note's path differs from Ana-Ruiz.md only in letter case: on macOS and Windows they are one file, and a clone there keeps only one of them [case-only-paths]",
        '    hint: Rename one of them (git mv), or merge the two notes into one',
        "Ana-Ruiz.md:1:1 warning This note's path differs from ana-ruiz.md only in letter case: on macOS and Windows they are one file, and a clone there keeps only one of them [case-only-paths]",
        '    hint: Rename one of them (git mv), or merge the two notes into one',
        '3 contacts checked: 0 errors, 2 warnings',
        '',
      ].join('\n'),
      stderr: '',
    });
  });
});
