import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { mergeNotes, type LineMergeInput } from '@rapport/core';
import { printable } from '../io.js';
import { EXIT, FailureError, type RegisterCommand } from '../program.js';

/** What git runs to merge a note (git puts the files' names, quoted, in place of %O %A %B %P). */
export const MERGE_DRIVER_COMMAND = 'rapport merge-driver %O %A %B %P';

/**
 * The driver line `rapport init --git` writes into the repository's git config. Where git
 * cannot find `rapport` (another machine, a GUI whose PATH lacks it), git's own line merge
 * runs instead: the note gets conflict markers, which every command and `check` then
 * report, rather than silently keeping our side as a failed driver would.
 */
export const MERGE_DRIVER = `if command -v rapport >/dev/null 2>&1; then ${MERGE_DRIVER_COMMAND}; else git merge-file -L ours -L base -L theirs %A %O %B; fi`;

export const registerMergeDriver: RegisterCommand = (program, context, setExitCode) => {
  program
    .command('merge-driver')
    .description('git merge driver for notes: unites history entries both sides appended; set up by rapport init --git')
    .argument('<base>', 'the common ancestor (git’s %O)')
    .argument('<current>', 'our version, replaced by the result (git’s %A)')
    .argument('<other>', 'their version (git’s %B)')
    .argument('[path]', 'the note’s path, for messages (git’s %P)')
    .addHelpText(
      'after',
      [
        '',
        'Git runs it for every .md file when .gitattributes says `*.md merge=rapport` and the',
        `git config has merge.rapport.driver "${MERGE_DRIVER_COMMAND}" (rapport init --git sets both up,`,
        'with git merge-file for when git cannot find rapport).',
        'History entries appended on both sides are kept in date order, the later stage wins, and',
        'a field or the body changed on one side only takes that side. Anything else (a field changed',
        'two ways, both bodies changed) gets git’s usual conflict markers (git merge-file) around',
        'just that, with everything else merged; rapport check then reports them.',
        '',
        'Exit codes: 0 merged, 1 conflict markers left for you to resolve.',
        '',
      ].join('\n'),
    )
    .action(async (base: string, current: string, other: string, path: string | undefined) => {
      const ctx = context();
      const [baseText, currentText, otherText] = await Promise.all([base, current, other].map((file) => readFile(resolve(ctx.io.cwd, file), 'utf8')));
      const shown = printable(path ?? current);
      const merge = mergeNotes(baseText!, currentText!, otherText!);
      if (merge.merged) {
        await writeFile(resolve(ctx.io.cwd, current), merge.text, 'utf8');
        return;
      }
      // Git's own line merge, markers and all: it may still merge cleanly what the note merge would not.
      // Given the versions with everything else merged into each, its markers surround only what both sides changed.
      const conflicts = merge.forLineMerge ? await lineMergeInto(resolve(ctx.io.cwd, current), merge.forLineMerge, shown) : lineMerge(['-L', 'ours', '-L', 'base', '-L', 'theirs', current, base, other], ctx.io.cwd, shown).conflicts;
      if (conflicts === 0) return;
      const rest = merge.forLineMerge ? '; everything else merged, history entries from both sides included' : '';
      ctx.io.stderr.write(`rapport: ${shown}: ${merge.reason}; conflict markers left for you to resolve (rapport check shows where)${rest}\n`);
      setExitCode(EXIT.problems);
    });
};

/** Runs `git merge-file` with `args`: the number of conflicts it left (0 when the lines merged cleanly), and the merged text with `-p`. */
function lineMerge(args: readonly string[], cwd: string, shown: string): { conflicts: number; stdout: string } {
  const result = spawnSync('git', ['merge-file', ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.error || result.status === null || result.status < 0 || result.status > 127) {
    throw new FailureError(`cannot merge ${shown}: git merge-file failed (${result.error?.message ?? result.stderr.trim()})`);
  }
  return { conflicts: result.status, stdout: result.stdout };
}

/** Line-merges the three versions (through files of their own) into `current`, which is written only once git merged them. */
async function lineMergeInto(current: string, versions: LineMergeInput, shown: string): Promise<number> {
  const folder = await mkdtemp(join(tmpdir(), 'rapport-merge-'));
  try {
    const files = { ours: join(folder, 'ours'), base: join(folder, 'base'), theirs: join(folder, 'theirs') };
    await Promise.all((['ours', 'base', 'theirs'] as const).map((side) => writeFile(files[side], versions[side], 'utf8')));
    const merged = lineMerge(['-p', '-L', 'ours', '-L', 'base', '-L', 'theirs', files.ours, files.base, files.theirs], folder, shown);
    await writeFile(current, merged.stdout, 'utf8');
    return merged.conflicts;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
