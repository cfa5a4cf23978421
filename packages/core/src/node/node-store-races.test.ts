import type * as fs from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * An editor that takes no lock can save at any moment, including the few
 * microseconds between an edit's last look at the note and its rename. Those
 * moments cannot be hit by racing processes on demand (the concurrency tests
 * meet them now and then), so here the editor's save runs inside the store's
 * own calls: right before the rename that puts an edit in place, or right
 * before the store gives the note its second name.
 */
const editor: { beforeRename?: ((to: string) => void) | undefined; beforeAsideLink?: (() => void) | undefined; beforeLastLook?: (() => void) | undefined; noHardLinks?: boolean; failPutBack?: boolean } = {};
const secondNames = new Set<string>();
/** Descriptors open on a note for reading: the store's last look is the `stat` of the note made while the checked one is still open. */
const openNotes = new Set<number>();
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof fs>();
  return {
    ...real,
    renameSync: (from: fs.PathLike, to: fs.PathLike) => {
      if (editor.failPutBack && secondNames.has(String(from))) {
        // The second name put back over the note: refused, as a file system might.
        throw Object.assign(new Error('operation not permitted'), { code: 'EPERM' });
      }
      if (/\.md\.\d+$/.test(String(from)) && String(to).endsWith('.md')) {
        const hook = editor.beforeRename;
        editor.beforeRename = undefined;
        hook?.(String(to));
      }
      real.renameSync(from, to);
    },
    openSync: (path: fs.PathLike, flags: fs.OpenMode = 'r', mode?: fs.Mode) => {
      const descriptor = real.openSync(path, flags, mode);
      // A note opened to read: `'r'`, or the store's own flags (read-only, without waiting on a named pipe).
      const reading = flags === 'r' || (typeof flags === 'number' && (flags & (real.constants.O_WRONLY | real.constants.O_RDWR)) === 0);
      if (String(path).endsWith('.md') && reading) openNotes.add(descriptor);
      return descriptor;
    },
    closeSync: (descriptor: number) => {
      openNotes.delete(descriptor);
      real.closeSync(descriptor);
    },
    statSync: ((path: fs.PathLike, options?: fs.StatSyncOptions) => {
      if (String(path).endsWith('.md') && openNotes.size > 0 && editor.beforeLastLook) {
        const hook = editor.beforeLastLook;
        editor.beforeLastLook = undefined;
        hook();
      }
      return real.statSync(path, options);
    }) as typeof fs.statSync,
    linkSync: (existing: fs.PathLike, newPath: fs.PathLike) => {
      // The note's second name; a new note's temp file linked to its name is left alone.
      if (String(existing).endsWith('.md')) {
        if (editor.noHardLinks) throw Object.assign(new Error('operation not permitted'), { code: 'EPERM' });
        const hook = editor.beforeAsideLink;
        editor.beforeAsideLink = undefined;
        hook?.();
        secondNames.add(String(newPath));
      }
      real.linkSync(existing, newPath);
    },
  };
});

const { closeSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } = await import('node:fs');
const { NodeStore } = await import('./node-store.js');
const { defaultConfig, editNote, logInteraction, NoteIndex } = await import('../index.js');

const BODY = 'Talked about diary studies and recruiting patients. '.repeat(20);
const NOTE = `---
type: contact
name: Maya Chen
stage: nurturing
history:
  - date: 2026-11-01
    stage: nurturing
---

## Notes

${BODY}
`;
const TOUCHED = `---
type: contact
name: Maya Chen
stage: nurturing
history:
  - date: 2026-11-01
    stage: nurturing
  - date: 2026-11-23
    stage: nurturing
    touch: true
    note: touch
---

## Notes

${BODY}
`;

async function folderWithMaya(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'rapport-races-'));
  await writeFile(join(folder, 'maya.md'), NOTE);
  return folder;
}

function logTouch(folder: string) {
  const workspace = { store: new NodeStore(folder), config: defaultConfig(), index: new NoteIndex(), configDiagnostics: [] };
  return editNote(workspace, 'maya.md', (text) => logInteraction(text, { date: '2026-11-23', note: 'touch' }), { retries: 5 });
}

/** Saves `text` in place as a slow editor does: truncates the note, writes half, and the rest `pauseMs` later. Resolves once closed. */
function saveInPlaceSlowly(note: string, text: string, pauseMs: number, seen: { halfway?: string }): Promise<void> {
  const bytes = Buffer.from(text);
  const half = Math.floor(bytes.length / 2);
  const descriptor = openSync(note, 'w');
  writeSync(descriptor, bytes, 0, half);
  return new Promise((done) => {
    setTimeout(() => {
      seen.halfway = readFileSync(note, 'utf8');
      writeSync(descriptor, bytes, half, bytes.length - half);
      closeSync(descriptor);
      done();
    }, pauseMs);
  });
}

/** Has the editor begin a slow save in place of `save-0` right before the edit's rename; the returned object holds what it saw and its end. */
function slowSaveBeforeRename(): { halfway?: string; done?: Promise<void> } {
  const seen: { halfway?: string; done?: Promise<void> } = {};
  editor.beforeRename = (note) => {
    seen.done = saveInPlaceSlowly(note, `${NOTE}save-0\n`, 120, seen);
  };
  return seen;
}

/** Has the editor save `save-0` by rename right after the edit's last look at the note. */
function renameSaveAfterLastLook(folder: string): void {
  editor.beforeAsideLink = () => {
    writeFileSync(join(folder, '.maya.md.swp'), `${NOTE}save-0\n`);
    renameSync(join(folder, '.maya.md.swp'), join(folder, 'maya.md'));
  };
}

/** Has the editor save `save-0` by rename after the edit checked the note's version, just before its last look. */
function renameSaveBeforeLastLook(folder: string): void {
  editor.beforeLastLook = () => {
    writeFileSync(join(folder, '.maya.md.swp'), `${NOTE}save-0\n`);
    renameSync(join(folder, '.maya.md.swp'), join(folder, 'maya.md'));
  };
}

afterEach(() => {
  editor.beforeRename = undefined;
  editor.beforeAsideLink = undefined;
  editor.beforeLastLook = undefined;
  editor.noHardLinks = false;
  editor.failPutBack = false;
});

describe('NodeStore.write racing an editor that takes no lock', () => {
  it('puts back at once a note an editor began saving in place just before the rename, so its save goes on into the note', async () => {
    const folder = await folderWithMaya();
    const seen = slowSaveBeforeRename();
    await logTouch(folder);
    await seen.done;
    // Halfway through its save, the file the editor writes into was the note again: not the edit's file.
    expect(seen.halfway).toBe(`${NOTE}save-0\n`.slice(0, Math.floor(Buffer.byteLength(`${NOTE}save-0\n`) / 2)));
    // The edit was redone on the whole saved text.
    expect(await readFile(join(folder, 'maya.md'), 'utf8')).toBe(`${TOUCHED}save-0\n`);
    // No second name is left behind.
    expect(await readdir(folder)).toEqual(['maya.md']);
  });

  it('puts back the file an editor saved by rename just after the last look', async () => {
    const folder = await folderWithMaya();
    renameSaveAfterLastLook(folder);
    await logTouch(folder);
    expect(await readFile(join(folder, 'maya.md'), 'utf8')).toBe(`${TOUCHED}save-0\n`);
    expect(await readdir(folder)).toEqual(['maya.md']);
  });

  it('copies back the file an editor saved by rename when its second name cannot be renamed back', async () => {
    const folder = await folderWithMaya();
    editor.failPutBack = true;
    renameSaveAfterLastLook(folder);
    await logTouch(folder);
    expect(await readFile(join(folder, 'maya.md'), 'utf8')).toBe(`${TOUCHED}save-0\n`);
    expect(await readdir(folder)).toEqual(['maya.md']);
  });

  it('without hard links, copies the save in place back once it has settled', async () => {
    const folder = await folderWithMaya();
    editor.noHardLinks = true;
    const seen = slowSaveBeforeRename();
    await logTouch(folder);
    await seen.done;
    expect(await readFile(join(folder, 'maya.md'), 'utf8')).toBe(`${TOUCHED}save-0\n`);
    expect(await readdir(folder)).toEqual(['maya.md']);
  });

  it('without hard links, the last look refuses an edit whose note an editor replaced by rename after the version check', async () => {
    const folder = await folderWithMaya();
    editor.noHardLinks = true;
    renameSaveBeforeLastLook(folder);
    await logTouch(folder);
    expect(editor.beforeLastLook).toBeUndefined();
    expect(await readFile(join(folder, 'maya.md'), 'utf8')).toBe(`${TOUCHED}save-0\n`);
    expect(await readdir(folder)).toEqual(['maya.md']);
  });

  it('leaves no second name behind after an edit no editor raced', async () => {
    const folder = await folderWithMaya();
    await logTouch(folder);
    expect(await readFile(join(folder, 'maya.md'), 'utf8')).toBe(TOUCHED);
    expect(await readdir(folder)).toEqual(['maya.md']);
  });
});
