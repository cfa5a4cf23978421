import { realpathSync } from 'node:fs';
import { relative } from 'node:path';
import { MemoryStore } from '@rapport/core';
import { FailureError } from './errors.js';

/** Git's mode for a symbolic link: its blob is the path it leads to, not a note. */
const SYMLINK_MODE = '120000';

/**
 * The notes folder as the next commit will hold it: every file of `root`
 * staged in git's index, with its staged text. A pre-commit hook checks this,
 * not the working tree, where an edit not yet added (or one fixed but not
 * added) would make it pass a broken note or refuse a good one.
 */
export async function stagedStore(root: string): Promise<MemoryStore> {
  // Loaded here, not at the start: every `rapport check` would pay for it.
  const { spawnSync } = await import('node:child_process');
  const git = gitRunner(spawnSync);
  const top = git(root, ['rev-parse', '--show-toplevel'], undefined, `${root} is not in a git repository with an index to read`).toString('utf8').trim();
  // Git names the top folder by its real path: so must the notes folder be, to find its place in it.
  const prefix = relative(top, realpathSync.native(root)).split('\\').join('/');
  // `-z`: paths as they are, whatever characters they hold; `--stage`: mode, blob and merge stage of each.
  const listing = git(top, ['ls-files', '-z', '--stage', '--', prefix === '' ? '.' : prefix]).toString('utf8');
  const entries: { path: string; blob: string }[] = [];
  for (const line of listing.split('\0')) {
    const match = /^(\d+) ([0-9a-f]+) (\d)\t(.*)$/s.exec(line);
    // Stage 0 only: a path still in a merge conflict has stages 1 to 3, and git refuses to commit it anyway.
    if (!match || match[3] !== '0' || match[1] === SYMLINK_MODE) continue;
    entries.push({ path: prefix === '' ? match[4]! : match[4]!.slice(prefix.length + 1), blob: match[2]! });
  }
  const files: Record<string, string> = {};
  const texts = readBlobs(git, top, entries.map((entry) => entry.blob));
  entries.forEach((entry, index) => {
    files[entry.path] = texts[index]!;
  });
  return new MemoryStore(files);
}

/** The texts of these blobs, in order, read by one `git cat-file --batch`. */
function readBlobs(git: Git, top: string, blobs: readonly string[]): string[] {
  if (blobs.length === 0) return [];
  const output = git(top, ['cat-file', '--batch'], blobs.join('\n') + '\n');
  const texts: string[] = [];
  let at = 0;
  for (let index = 0; index < blobs.length; index++) {
    const headerEnd = output.indexOf(0x0a, at);
    const size = Number(/ (\d+)$/.exec(output.toString('utf8', at, headerEnd))?.[1]);
    if (!Number.isSafeInteger(size)) throw new FailureError(`git cat-file could not read the staged file ${blobs[index]}`);
    texts.push(output.toString('utf8', headerEnd + 1, headerEnd + 1 + size));
    // Each blob's text is followed by a line break.
    at = headerEnd + 1 + size + 1;
  }
  return texts;
}

type Git = (cwd: string, args: readonly string[], input?: string, failure?: string) => Buffer;

function gitRunner(spawnSync: typeof import('node:child_process').spawnSync): Git {
  return (cwd, args, input, failure = `git ${args[0]} failed in ${cwd}`) => {
    const result = spawnSync('git', args, { cwd, ...(input === undefined ? {} : { input }), maxBuffer: 1 << 30 });
    if (result.error) throw new FailureError(`--staged needs git, which could not be run: ${result.error.message}`);
    if (result.status !== 0) {
      const said = result.stderr.toString('utf8').trim().split('\n')[0] ?? '';
      throw new FailureError(`--staged: ${failure} (${said})`);
    }
    return result.stdout;
  };
}
