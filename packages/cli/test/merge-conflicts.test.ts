import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleCopy, gitEnvironmentWithRapport, rapport } from './support/run-cli.js';

const hasGit = spawnSync('git', ['--version']).status === 0;

/** Real git, with the built CLI on the PATH as `rapport` for the merge driver. */
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  env = gitEnvironmentWithRapport();
});

function git(folder: string, ...args: string[]) {
  return gitWith({ ...process.env, ...env }, folder, ...args);
}

function gitWith(environment: NodeJS.ProcessEnv, folder: string, ...args: string[]) {
  const result = spawnSync('git', args, { cwd: folder, encoding: 'utf8', env: environment });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** The example folder as a git repository set up by `rapport init --git`, on branch `trunk`, plus a branch `other`. */
function repository(): string {
  const folder = exampleCopy();
  const init = rapport(['init', folder, '--git'], { env });
  expect(init.code, init.stderr).toBe(0);
  expect(init.stdout).toContain('git: merges of notes use "rapport merge-driver %O %A %B %P" (set in .git/config)');
  // The pre-commit hook is offered, not installed (it needs rapport on the PATH).
  expect(init.stdout).toContain('To refuse commits of a broken note: rapport init --git --hook (a pre-commit hook that runs rapport check --staged).\n');
  expect(existsSync(join(folder, '.git', 'hooks', 'pre-commit'))).toBe(false);
  expect(readFileSync(join(folder, '.gitattributes'), 'utf8')).toBe('# Merges of notes unite their history entries (rapport merge-driver)\n*.md merge=rapport\n');
  expect(git(folder, 'config', 'merge.rapport.driver').stdout).toBe('if command -v rapport >/dev/null 2>&1; then rapport merge-driver %O %A %B %P; else git merge-file -L ours -L base -L theirs %A %O %B; fi\n');
  git(folder, 'checkout', '-q', '-b', 'trunk');
  git(folder, 'add', '-A');
  expect(git(folder, 'commit', '-q', '-m', 'notes').code).toBe(0);
  git(folder, 'branch', 'other');
  // Running init again changes nothing.
  expect(rapport(['init', folder, '--git'], { env }).stdout).toContain('kept    .gitattributes (already there)');
  expect(git(folder, 'status', '--porcelain').stdout).toBe('');
  return folder;
}

function commitAll(folder: string, message: string): void {
  git(folder, 'add', '-A');
  expect(git(folder, 'commit', '-q', '-m', message).code).toBe(0);
}

/** `repository()` where `other` sent Owen Park a follow-up on 2026-11-25 and `trunk` then scheduled a meeting with him on 2026-11-27; on `trunk`. */
function divergedRepository(): string {
  const folder = repository();
  git(folder, 'checkout', '-q', 'other');
  expect(rapport(['advance', 'owen-park', 'followed-up', '--date', '2026-11-25', '--via', 'email', '--dir', folder], { env }).code).toBe(0);
  commitAll(folder, 'follow-up');
  git(folder, 'checkout', '-q', 'trunk');
  expect(rapport(['advance', 'owen-park', 'scheduled', '--date', '2026-11-27', '--at', '2026-12-01T10:00', '--dir', folder], { env }).code).toBe(0);
  commitAll(folder, 'scheduled');
  return folder;
}

describe.skipIf(!hasGit)('git merges of notes (real git, the driver run through the built CLI)', () => {
  it('init --git adds its line to a .gitattributes already there, and says it updated it', () => {
    const folder = exampleCopy();
    writeFileSync(join(folder, '.gitattributes'), '*.png binary');
    const init = rapport(['init', folder, '--git'], { env });
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('\nupdated .gitattributes (added *.md merge=rapport)\n');
    expect(init.stdout).not.toContain('created .gitattributes');
    expect(readFileSync(join(folder, '.gitattributes'), 'utf8')).toBe('*.png binary\n# Merges of notes unite their history entries (rapport merge-driver)\n*.md merge=rapport\n');
  });

  it('unite the history entries two branches appended, in date order, and the later stage wins', () => {
    const folder = divergedRepository();
    const before = readFileSync(join(folder, 'owen-park.md'), 'utf8');

    const merge = git(folder, 'merge', '--no-edit', 'other');
    expect(merge.code, merge.stdout + merge.stderr).toBe(0);
    const merged = readFileSync(join(folder, 'owen-park.md'), 'utf8');
    expect(merged).toBe(before.replace('  - date: 2026-11-27\n    stage: scheduled\n', '  - date: 2026-11-25\n    stage: followed-up\n    via: email\n  - date: 2026-11-27\n    stage: scheduled\n'));
    expect(merged).toContain('stage: scheduled\n');
    expect(rapport(['check', '--dir', folder], { env })).toMatchObject({ code: 0 });
  });

  it('unite both branches\' new history entries in date order around a comment inside `history` that neither changed', () => {
    // sam-whitaker.md has `# going back a step: he had to move our call` between two entries.
    const folder = repository();
    const note = join(folder, 'sam-whitaker.md');
    const scheduled = '    note: Rescheduled by Sam (a summative study ran over); new time Dec 1\n';
    git(folder, 'checkout', '-q', 'other');
    expect(rapport(['advance', 'sam-whitaker', 'prepared', '--today', '2026-11-30', '--dir', folder], { env }).code).toBe(0);
    commitAll(folder, 'laptop: prepared');
    git(folder, 'checkout', '-q', 'trunk');
    expect(rapport(['advance', 'sam-whitaker', 'held', '--today', '2026-12-01', '--dir', folder], { env }).code).toBe(0);
    expect(rapport(['advance', 'sam-whitaker', 'thanked', '--via', 'email', '--letter', 'thank-you', '--today', '2026-12-01', '--dir', folder], { env }).code).toBe(0);
    const desktop = readFileSync(note, 'utf8');
    expect(desktop).toContain(scheduled + '  - date: 2026-12-01\n    stage: held\n  - date: 2026-12-01\n    stage: thanked\n    via: email\n    letter: thank-you\nmeeting:');
    commitAll(folder, 'desktop: held, thanked');

    const merge = git(folder, 'merge', '--no-edit', 'other');
    expect(merge.code, merge.stdout + merge.stderr).toBe(0);
    const merged = readFileSync(note, 'utf8');
    expect(merged).toBe(desktop.replace(scheduled, scheduled + '  - date: 2026-11-30\n    stage: prepared\n'));
    expect(merged).toContain('stage: thanked\nrole:');
    expect(merged).toContain('    stage: prepared\n  # going back a step: he had to move our call\n  - date: 2026-11-18\n');
    expect(rapport(['check', '--dir', folder], { env })).toMatchObject({ code: 0 });
  });

  it('keep comments a branch wrote while the other logged a touch, through a merge and through git stash', () => {
    const folder = repository();
    const note = join(folder, 'owen-park.md');
    const original = readFileSync(note, 'utf8');
    const commented = original.replace('organization: Lumen Diagnostics\n', 'organization: Lumen Diagnostics   # moving to Ardent in January\n# Try again in March if he is quiet\n');
    git(folder, 'checkout', '-q', 'other');
    writeFileSync(note, commented);
    commitAll(folder, 'comments');
    git(folder, 'checkout', '-q', 'trunk');
    expect(rapport(['log', 'owen-park', '--note', 'called his desk', '--via', 'phone', '--date', '2026-11-24', '--dir', folder], { env }).code).toBe(0);
    const logged = readFileSync(note, 'utf8');
    commitAll(folder, 'touch');

    const merge = git(folder, 'merge', '--no-edit', 'other');
    expect(merge.code, merge.stdout + merge.stderr).toBe(0);
    expect(readFileSync(note, 'utf8')).toBe(logged.replace('organization: Lumen Diagnostics\n', 'organization: Lumen Diagnostics   # moving to Ardent in January\n# Try again in March if he is quiet\n'));

    // A comment changed in the working tree, stashed while a touch is committed, then popped.
    writeFileSync(note, readFileSync(note, 'utf8').replace('# Try again in March if he is quiet', '# Try again in April'));
    const edited = readFileSync(note, 'utf8');
    expect(git(folder, 'stash').code).toBe(0);
    expect(rapport(['log', 'owen-park', '--note', 'sent the article', '--via', 'email', '--date', '2026-11-26', '--dir', folder], { env }).code).toBe(0);
    const touched = readFileSync(note, 'utf8');
    commitAll(folder, 'another touch');
    const pop = git(folder, 'stash', 'pop');
    expect(pop.code, pop.stdout + pop.stderr).toBe(0);
    expect(readFileSync(note, 'utf8')).toBe(touched.replace('# Try again in March if he is quiet', '# Try again in April'));
    expect(edited).toContain('# Try again in April');
  });

  it('merge a body both branches changed in different places line by line, with the history united', () => {
    const folder = divergedRepository();
    const note = join(folder, 'owen-park.md');
    git(folder, 'checkout', '-q', 'other');
    writeFileSync(note, readFileSync(note, 'utf8').replace('## Notes\n', '## Notes\n\n- Replied from his phone: busy until the 10th.\n'));
    commitAll(folder, 'a note');
    git(folder, 'checkout', '-q', 'trunk');
    writeFileSync(note, readFileSync(note, 'utf8').replace('## Questions\n', '## Questions\n\n- How did you move from device design into research?\n'));
    commitAll(folder, 'a question');
    const before = readFileSync(note, 'utf8');

    const merge = git(folder, 'merge', '--no-edit', 'other');
    expect(merge.code, merge.stdout + merge.stderr).toBe(0);
    expect(readFileSync(note, 'utf8')).toBe(
      before
        .replace('  - date: 2026-11-27\n    stage: scheduled\n', '  - date: 2026-11-25\n    stage: followed-up\n    via: email\n  - date: 2026-11-27\n    stage: scheduled\n')
        .replace('## Notes\n', '## Notes\n\n- Replied from his phone: busy until the 10th.\n'),
    );
    expect(rapport(['check', '--dir', folder], { env })).toMatchObject({ code: 0 });
  });

  it('mark only a field changed two ways, uniting the history around it; check reports it and every command respects it', () => {
    // As the trial found it: each branch logged a touch and corrected Owen's role, each its own way.
    const folder = divergedRepository();
    const note = join(folder, 'owen-park.md');
    git(folder, 'checkout', '-q', 'other');
    writeFileSync(note, readFileSync(note, 'utf8').replace(/^role: .*$/m, 'role: Research Manager'));
    commitAll(folder, 'role one way');
    git(folder, 'checkout', '-q', 'trunk');
    writeFileSync(note, readFileSync(note, 'utf8').replace(/^role: .*$/m, 'role: Research Director'));
    commitAll(folder, 'role the other way');
    const before = readFileSync(note, 'utf8');

    const merge = git(folder, 'merge', '--no-edit', 'other');
    expect(merge.code).toBe(1);
    expect(merge.stderr + merge.stdout).toContain('owen-park.md: both sides changed `role`; conflict markers left for you to resolve (rapport check shows where); everything else merged, history entries from both sides included');
    const conflicted = readFileSync(note, 'utf8');
    expect(conflicted).toBe(
      before
        .replace('role: Research Director\n', '<<<<<<< ours\nrole: Research Director\n=======\nrole: Research Manager\n>>>>>>> theirs\n')
        .replace('  - date: 2026-11-27\n    stage: scheduled\n', '  - date: 2026-11-25\n    stage: followed-up\n    via: email\n  - date: 2026-11-27\n    stage: scheduled\n'),
    );
    expect(conflicted.split('\n').slice(0, 6)).toEqual(['---', 'type: contact', 'name: Owen Park', 'stage: scheduled', '<<<<<<< ours', 'role: Research Director']);
    const line = 5;

    const check = rapport(['check', '--json', '--dir', folder], { env });
    expect(check.code).toBe(1);
    // The marker `<<<<<<<` (7 characters) on line 5; its `>>>>>>>` on line 9.
    expect(JSON.parse(check.stdout)).toEqual([
      {
        file: 'owen-park.md',
        line,
        column: 1,
        endLine: line,
        endColumn: 8,
        severity: 'error',
        rule: 'merge-conflict',
        message: 'Merge conflict: resolve it, keep the side you want',
        hint: "Keep one side's lines between <<<<<<< and >>>>>>> (line 9), or combine them, and delete the marker lines",
      },
    ]);

    const warning = `rapport: warning: owen-park.md:${line} has an unresolved merge conflict: the contact is left out until it is resolved (rapport check lists every conflict)\n`;
    for (const args of [['list'], ['agenda', '--today', '2026-11-23'], ['export', 'csv'], ['report']]) {
      const result = rapport([...args, '--dir', folder], { env });
      expect(result.code, args[0]).toBe(0);
      expect(result.stderr, args[0]).toContain(warning);
    }
    expect(rapport(['advance', 'owen-park.md', 'followed-up', '--dir', folder], { env }).code).not.toBe(0);
    expect(rapport(['new', 'Owen Park', '--org', 'Lumen Diagnostics', '--dir', folder], { env })).toMatchObject({
      code: 3,
      stderr: expect.stringContaining('rapport: owen-park.md has an unresolved merge conflict and may already be about Owen Park: resolve it first (nothing was created)'),
    });
    expect(readFileSync(note, 'utf8')).toBe(conflicted);
    expect(git(folder, 'status', '--porcelain').stdout).toBe('UU owen-park.md\n');

    // Resolved by keeping their role: nothing else to mend, both history entries are there.
    writeFileSync(note, conflicted.replace('<<<<<<< ours\nrole: Research Director\n=======\nrole: Research Manager\n>>>>>>> theirs\n', 'role: Research Manager\n'));
    expect(rapport(['check', '--dir', folder], { env })).toMatchObject({ code: 0 });
    const list = rapport(['list', '--json', '--dir', folder], { env });
    expect(JSON.parse(list.stdout).find((row: { name: string }) => row.name === 'Owen Park')).toMatchObject({ stage: 'scheduled' });
    commitAll(folder, 'merged');
  });

  it('leave conflict markers, not our side alone, when git cannot find rapport on its PATH', () => {
    const folder = divergedRepository();
    const note = join(folder, 'owen-park.md');

    // The PATH without the folder that holds `rapport`: as on a machine or in a GUI where it is not installed.
    const withoutRapport = { ...process.env, ...env, PATH: process.env.PATH };
    expect(spawnSync('sh', ['-c', 'command -v rapport'], { env: withoutRapport }).status).not.toBe(0);
    const merge = gitWith(withoutRapport, folder, 'merge', '--no-edit', 'other');
    expect(merge.code).toBe(1);
    expect(merge.stdout).toContain('CONFLICT (content): Merge conflict in owen-park.md');
    const conflicted = readFileSync(note, 'utf8');
    expect(conflicted).toContain('<<<<<<< ours\n');
    expect(conflicted).toContain('    stage: followed-up\n');
    expect(conflicted).toContain('    stage: scheduled\n');
    const check = rapport(['check', '--json', '--dir', folder], { env });
    expect(check.code).toBe(1);
    expect(JSON.parse(check.stdout).map((problem: { rule: string }) => problem.rule)).toContain('merge-conflict');
  });

  it('two clones that recorded different steps the same day: the stage resolved by hand, check names the entries out of order and check --fix moves one', () => {
    const desktop = repository();
    const laptop = join(mkdtempSync(join(tmpdir(), 'rapport-laptop-')), 'notes');
    expect(git(desktop, 'clone', '-q', desktop, laptop).code).toBe(0);
    expect(rapport(['advance', 'owen-park', 'followed-up', '--today', '2026-12-07', '--dir', laptop], { env }).code).toBe(0);
    commitAll(laptop, 'follow-up');
    expect(rapport(['advance', 'owen-park', 'scheduled', '--at', '2026-12-10T10:00', '--today', '2026-12-07', '--dir', desktop], { env }).code).toBe(0);
    commitAll(desktop, 'scheduled');
    const note = join(desktop, 'owen-park.md');
    const scheduled = readFileSync(note, 'utf8');

    expect(git(desktop, 'pull', '-q', '--no-rebase', '--no-edit', laptop, 'trunk').code).toBe(1);
    const conflicted = readFileSync(note, 'utf8');
    expect(conflicted).toContain('<<<<<<< ours\nstage: scheduled\n=======\nstage: followed-up\n>>>>>>> theirs\n');
    // Resolved by hand: the meeting was booked after the follow-up went out.
    writeFileSync(note, conflicted.replace('<<<<<<< ours\nstage: scheduled\n=======\nstage: followed-up\n>>>>>>> theirs\n', 'stage: scheduled\n'));
    commitAll(desktop, 'merge');
    // Both entries of 2026-12-07, desktop's first (lines 25-26), then laptop's (27-28).
    const merged = scheduled.replace('  - date: 2026-12-07\n    stage: scheduled\n', '  - date: 2026-12-07\n    stage: scheduled\n  - date: 2026-12-07\n    stage: followed-up\n');
    expect(readFileSync(note, 'utf8')).toBe(merged);

    expect(rapport(['check', '--dir', desktop], { env })).toEqual({
      code: 0,
      stdout:
        'owen-park.md:4:8 warning Stage is "scheduled" but the last history entry (2026-12-07) says "followed-up" [stage-history-mismatch]\n' +
        '    hint: Two entries of 2026-12-07 look out of order (a merge of two copies can leave them so): move the "scheduled" entry (line 25) below the "followed-up" entry (line 27), or fix the stage\n' +
        '17 contacts checked: 0 errors, 1 warning\n',
      stderr: '',
    });
    expect(rapport(['check', '--fix', '--dir', desktop], { env })).toEqual({
      code: 0,
      stdout: 'fixed owen-park.md:4: Move the "scheduled" entry of 2026-12-07 below the "followed-up" one\n17 contacts checked: 0 errors, 0 warnings\n',
      stderr: '',
    });
    // The history field alone changed: the two entries of the day swapped, each as written. (Line 2, `index …`, names the blobs.)
    const diff = git(desktop, 'diff').stdout.split('\n');
    expect(diff[0]).toBe('diff --git a/owen-park.md b/owen-park.md');
    expect(diff.slice(2).join('\n')).toBe(
      [
        '--- a/owen-park.md',
        '+++ b/owen-park.md',
        '@@ -22,10 +22,10 @@ history:',
        '     via: email',
        '     letter: cold-letter',
        '     note: Mentioned my Philadelphia dates in December',
        '-  - date: 2026-12-07',
        '-    stage: scheduled',
        '   - date: 2026-12-07',
        '     stage: followed-up',
        '+  - date: 2026-12-07',
        '+    stage: scheduled',
        ' meeting:',
        '   at: 2026-12-10T10:00',
        '   minutes: 30',
        '',
      ].join('\n'),
    );
  });

  it('a conflict in the body only: the contact is listed, but writing commands refuse the note', () => {
    const folder = exampleCopy();
    const note = join(folder, 'owen-park.md');
    const text = readFileSync(note, 'utf8');
    const lines = text.split('\n');
    const bodyLine = lines.findIndex((line, index) => index > 3 && line.startsWith('## '));
    lines.splice(bodyLine, 0, '<<<<<<< ours', 'One thing.', '=======', 'Another.', '>>>>>>> theirs');
    writeFileSync(note, lines.join('\n'));
    const list = rapport(['list', '--dir', folder], { env });
    expect(list.stdout).toContain('Owen Park');
    expect(list.stderr).toBe(`rapport: warning: owen-park.md:${bodyLine + 1} has an unresolved merge conflict: resolve it before editing the note (rapport check lists every conflict)\n`);
    for (const args of [['advance', 'owen-park', 'followed-up'], ['questions', '--into', 'owen-park'], ['letter', 'follow-up', 'owen-park', '--sent']]) {
      const result = rapport([...args, '--dir', folder], { env });
      expect(result.code, args.join(' ')).toBe(3);
      expect(result.stderr, args.join(' ')).toContain(`owen-park.md cannot be edited: it has an unresolved merge conflict at line ${bodyLine + 1}; resolve it first, keeping both sides' history entries`);
    }
    expect(readFileSync(note, 'utf8')).toBe(lines.join('\n'));
  });
});
