import { randomBytes } from 'node:crypto';
import { link, lstat, open, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { RapportError } from '@rapport/core';
import { UsageError } from './errors.js';

/**
 * Refuses an output file name that is empty, a folder, or in a folder that
 * does not exist, and one that would replace the user's own data: a Markdown
 * file of the notes folder (a note) or anything under its `.rapport/`
 * (config, templates, questions, cache), symbolic links followed. No
 * `--force` makes these writable.
 */
export async function assertSafeOutput(target: string, notesFolder: string, shown: string): Promise<void> {
  // Said before anything is written, the same for every command that writes a file.
  if (shown.trim() === '') throw new UsageError('the output file name is empty: give a file, such as contacts.csv');
  if ((await stat(target).catch(() => undefined))?.isDirectory()) throw new UsageError(`cannot write ${shown}: it is a folder (give the name of a file in it)`);
  if (!(await stat(dirname(target)).catch(() => undefined))?.isDirectory()) throw new RapportError(`cannot write ${shown}: its folder does not exist`);
  const root = await realpath(notesFolder).catch(() => notesFolder);
  const places = [target];
  const parent = await realpath(dirname(target)).catch(() => undefined);
  if (parent) places.push(join(parent, basename(target)));
  const resolved = await realpath(target).catch(() => undefined);
  if (resolved) places.push(resolved);
  for (const place of places) {
    for (const folder of new Set([notesFolder, root])) {
      const inside = relative(folder, place);
      if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) continue;
      const parts = inside.split(sep);
      if (parts[0] === '.rapport') throw new UsageError(`refusing to write ${shown}: it is inside .rapport/, which holds Rapport's settings (choose another file)`);
      if (/\.md$/i.test(inside)) throw new UsageError(`refusing to write ${shown}: it is a Markdown file of the notes folder, where notes live (choose another file)`);
    }
  }
}

/**
 * Writes through a temp file in the same folder, flushed and moved into
 * place: a crash leaves the old file or the new one. Without `overwrite`,
 * the move is a hard link, which fails when the target exists, so an
 * existing file is never replaced, even by a race.
 */
export async function writeOutputFile(target: string, text: string, shown: string, overwrite: boolean): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (overwrite) await rename(temp, target);
    else await linkInPlace(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(`${shown} already exists (add --force to overwrite it)`);
    if (code === 'EISDIR') throw new UsageError(`cannot write ${shown}: it is a folder`);
    // The command could not be carried out (exit 3), as for a notes folder that is missing or cannot be written.
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new RapportError(`cannot write ${shown}: its folder does not exist`);
    if (code === 'EACCES' || code === 'EPERM') throw new RapportError(`cannot write ${shown}: permission denied`);
    throw error;
  }
  await rm(temp, { force: true });
}

async function linkInPlace(temp: string, target: string): Promise<void> {
  try {
    await link(temp, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // File systems without hard links (FAT, some network shares): check, then move.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw error;
    if (await lstat(target).catch(() => undefined)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
    await rename(temp, target);
  }
}
