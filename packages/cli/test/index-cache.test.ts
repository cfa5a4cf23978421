import { existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleCopy, rapport, snapshot } from './support/run-cli.js';

const CACHE = '.rapport/cache/index.jsonl';
const TODAY = '2026-11-23';

/** Dates every file back an hour, out of the cache's racy window, as files not touched since the last run are. */
function ageFiles(folder: string): void {
  const past = new Date(Date.now() - 3_600_000);
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else utimesSync(join(dir, entry.name), past, past);
    }
  };
  walk(folder);
}

function list(folder: string, ...extra: string[]) {
  const result = rapport(['list', '--json', '--today', TODAY, '--dir', folder, ...extra]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as { id: string; name: string; stage: string }[];
}

describe('the index cache', () => {
  it('is written by a successful command, ignored by git, and gives the same answers as a full read', () => {
    const folder = exampleCopy();
    ageFiles(folder);
    const cold = list(folder);
    expect(existsSync(join(folder, CACHE))).toBe(true);
    expect(readFileSync(join(folder, '.rapport/cache/.gitignore'), 'utf8')).toMatch(/^\*$/m);
    expect(list(folder)).toEqual(cold);
    expect(list(folder, '--no-cache')).toEqual(cold);
  });

  it("answers from the cache as from the notes where a command reads contacts' frontmatter or outcomes, before and after a note changes", () => {
    const folder = exampleCopy();
    ageFiles(folder);
    // Commands that read what the cache keeps for later (each contact's fields and Outcomes items), and one that reads neither.
    const commands = [['agenda', '--today', TODAY], ['graph'], ['check'], ['export', 'csv'], ['export', 'vcard'], ['report', '--today', TODAY], ['list', '--json', '--today', TODAY]];
    const answers = (extra: string[]) =>
      commands.map((command) => {
        const result = rapport([...command, '--dir', folder, ...extra]);
        return { command: command.join(' '), code: result.code, stdout: result.stdout };
      });
    const fromNotes = answers(['--no-cache']);
    expect(fromNotes.every((answer) => answer.stdout.length > 0)).toBe(true);
    answers([]);
    expect(existsSync(join(folder, CACHE))).toBe(true);
    expect(answers([])).toEqual(fromNotes);
    // One note changes: the next run reads it and saves every note again, the others from what it loaded.
    const note = join(folder, 'maya-chen.md');
    writeFileSync(note, readFileSync(note, 'utf8').replace(/^organization: .*$/m, 'organization: Brightline Health Partners'));
    const changed = answers(['--no-cache']);
    expect(changed).not.toEqual(fromNotes);
    expect(answers([])).toEqual(changed);
    expect(answers([])).toEqual(changed);
  });

  it("sorts people in the user's locale on every run: the order it keeps is not used after the locale changes", () => {
    const folder = exampleCopy();
    for (const [file, name] of [['angel-berg.md', 'Ängel Berg'], ['anna-lind.md', 'Anna Lind'], ['zed-orr.md', 'Zed Orr']]) {
      writeFileSync(join(folder, file!), `---\ntype: contact\nname: ${name}\nstage: identified\nhistory:\n  - {date: 2026-11-02, stage: identified}\n---\n`);
    }
    // Notes changed within 2 s of a load are read again by the next: these are let settle, so the next runs sort by the kept order.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2_100);
    const order = (env: NodeJS.ProcessEnv) => {
      const result = rapport(['list', '--json', '--today', TODAY, '--dir', folder], { env: { LC_ALL: undefined, LC_MESSAGES: undefined, LANG: undefined, ...env } });
      expect(result.code, result.stderr).toBe(0);
      return (JSON.parse(result.stdout) as { name: string }[]).map((contact) => contact.name).filter((name) => /^(Ängel|Anna|Zed) /.test(name));
    };
    const english = ['Ängel Berg', 'Anna Lind', 'Zed Orr'];
    // In Swedish, Ä is a letter of its own, after Z.
    const swedish = ['Anna Lind', 'Zed Orr', 'Ängel Berg'];
    expect(order({ LANG: 'en_US.UTF-8' })).toEqual(english);
    expect(readFileSync(join(folder, CACHE), 'utf8')).toContain('"collation"');
    expect(order({ LANG: 'en_US.UTF-8' })).toEqual(english);
    expect(order({ LANG: 'sv_SE.UTF-8' })).toEqual(swedish);
    expect(order({ LC_ALL: 'sv_SE.UTF-8', LANG: 'en_US.UTF-8' })).toEqual(swedish);
    expect(order({ LC_MESSAGES: 'sv_SE.UTF-8', LANG: 'en_US.UTF-8' })).toEqual(swedish);
    expect(order({ LANG: 'en_US.UTF-8' })).toEqual(english);
  });

  it('notices a note rewritten behind its back with the same size and its time put back (its change time moved)', () => {
    const folder = exampleCopy();
    ageFiles(folder);
    list(folder);
    const note = join(folder, 'owen-park.md');
    const { atime, mtime } = statSync(note);
    // Same length, same modification time; the change time, which no program can set back, tells.
    writeFileSync(note, readFileSync(note, 'utf8').replace('name: Owen Park', 'name: Owen Pork'));
    utimesSync(note, atime, mtime);
    expect(list(folder).find((contact) => contact.id === 'owen-park')!.name).toBe('Owen Pork');
    expect(list(folder, '--no-cache').find((contact) => contact.id === 'owen-park')!.name).toBe('Owen Pork');
  });

  it('notices a changed note and a deleted one', () => {
    const folder = exampleCopy();
    ageFiles(folder);
    list(folder);
    const note = join(folder, 'owen-park.md');
    writeFileSync(note, readFileSync(note, 'utf8').replace(/^stage: .*$/m, 'stage: archived'));
    rmSync(join(folder, 'maya-chen.md'));
    const after = list(folder);
    expect(after.find((contact) => contact.id === 'owen-park')!.stage).toBe('archived');
    expect(after.map((contact) => contact.id)).not.toContain('maya-chen');
    expect(after).toEqual(list(folder, '--no-cache'));
  });

  it('is not written by a failed command, with --no-cache, or in a folder without .rapport/', () => {
    const folder = exampleCopy();
    const before = snapshot(folder);
    expect(rapport(['list', '--today', '2026-13-01', '--dir', folder]).code).toBe(2);
    list(folder, '--no-cache');
    expect(snapshot(folder)).toEqual(before);

    const bare = exampleCopy();
    rmSync(join(bare, '.rapport'), { recursive: true });
    const bareBefore = snapshot(bare);
    list(bare);
    expect(snapshot(bare)).toEqual(bareBefore);
  });

  it('changes neither the output nor the exit code when it cannot be written', () => {
    const folder = exampleCopy();
    ageFiles(folder);
    const expected = rapport(['list', '--json', '--today', TODAY, '--dir', folder, '--no-cache']);
    // A file where the cache folder should be: every write of the cache fails.
    writeFileSync(join(folder, '.rapport/cache'), 'not a folder\n');
    for (const args of [['list', '--json', '--today', TODAY], ['agenda', '--today', TODAY]]) {
      const result = rapport([...args, '--dir', folder]);
      expect(result).toEqual({ ...rapport([...args, '--dir', folder, '--no-cache']), code: 0, stderr: '' });
    }
    expect(rapport(['list', '--json', '--today', TODAY, '--dir', folder]).stdout).toBe(expected.stdout);
    expect(readFileSync(join(folder, '.rapport/cache'), 'utf8')).toBe('not a folder\n');
  });

  it('is rebuilt when it is unreadable', () => {
    const folder = exampleCopy();
    ageFiles(folder);
    const cold = list(folder);
    writeFileSync(join(folder, CACHE), '{"format": 1, "takenAt": "not a number"}\n[garbage\n\u0000\u0001');
    expect(list(folder)).toEqual(cold);
    // The header: the format, how note lines are laid out, when the identities were taken, the config zone's offsets with the time zone data they came from,
    // and what decides how names collate (ICU, its data, the locale variables), for the contacts' kept order.
    expect(readFileSync(join(folder, CACHE), 'utf8').split('\n')[0]).toMatch(/^\{"format":\d+,"lines":2,"takenAt":\d+,"zoneOffsets":\{"zone":"America\/New_York",.*\},"zoneData":"\w+","collation":"\[.*\]"\}$/);
  });
});
