import { describe, expect, it } from 'vitest';
import { InvalidInputError, NoteConflictError, NoteNotFoundError, RecordingRefusedError, UneditableNoteError } from '../errors.js';
import { advance } from '../lifecycle/advance.js';
import { contactFields, noteText } from '../test-support/builders.js';
import { privateFieldDiagnostics, readConfig } from './config.js';
import { MemoryStore } from './memory-store.js';
import { contactSlug, createContact } from './create-contact.js';
import { editNote, findContact, loadWorkspace } from './workspace.js';
import type { IndexCache, IndexSnapshot } from './index-cache.js';
import { NoteIndex } from './note-index.js';

function folder(): MemoryStore {
  return new MemoryStore({
    '.rapport/config.yaml': 'timezone: America/New_York\nnotes_folder: contacts\nrules:\n  follow_up_after: 5\n',
    'contacts/sam-ortiz.md': noteText(contactFields({ name: 'Sam Ortiz', stage: 'held', history: [{ date: '2026-11-20', stage: 'held' }] }), '\n## Outcomes\n\n- [[maya-chen]]\n- [[lee-park]]\n'),
    'contacts/maya-chen.md': noteText(contactFields({ source: 'referral', referred_by: '[[sam-ortiz]]' })),
    'other/maya-chen.md': noteText(contactFields({ name: 'Maya Chen (duplicate)' })),
    'ana.md': noteText(contactFields({ name: 'Ana Ruiz', referred_by: '[[nobody]]' })),
    'README.md': '# Not a contact\n',
    '.git/x.md': noteText(contactFields()),
    'node_modules/pkg/readme.md': noteText(contactFields()),
  });
}

describe('loadWorkspace', () => {
  it('indexes contacts, skipping dot-folders and node_modules, and reads the config', async () => {
    const workspace = await loadWorkspace(folder());
    expect(workspace.config.rules.followUpAfter).toBe(5);
    expect(workspace.config.notesFolder).toBe('contacts');
    expect(workspace.index.contacts().map((contact) => contact.file)).toEqual(['ana.md', 'contacts/maya-chen.md', 'other/maya-chen.md', 'contacts/sam-ortiz.md']);
    expect(workspace.index.stageCounts()).toMatchObject({ identified: 3, held: 1, contacted: 0 });
  });

  it('reports duplicate ids and unresolved referrals across notes', async () => {
    const workspace = await loadWorkspace(folder());
    expect(workspace.index.diagnostics().map((d) => [d.file, d.rule, d.line])).toEqual([
      ['ana.md', 'unresolved-link', 9],
      ['contacts/maya-chen.md', 'duplicate-id', 1],
      ['other/maya-chen.md', 'duplicate-id', 1],
    ]);
  });

  it('warns of notes whose paths differ only in letter case (one file on macOS and Windows) or in how an accent is encoded (on macOS)', async () => {
    const store = new MemoryStore({
      'contacts/maya-chen.md': noteText(contactFields({ name: 'Maya Chen' })),
      'contacts/Maya-Chen.md': noteText(contactFields({ name: 'Maya Chen' })),
      'closed/maya-chen.md': noteText(contactFields({ name: 'Maya Chen' })),
      // "kïm-lee.md" with ï as one code point, then as i and a combining diaeresis.
      'k\u00efm-lee.md': noteText(contactFields({ name: 'K\u00efm Lee' })),
      'ki\u0308m-lee.md': noteText(contactFields({ name: 'K\u00efm Lee' })),
      'notes/README.md': '# Notes\n',
      'notes/readme.md': '# Notes\n',
    });
    const warnings = (await loadWorkspace(store)).index.diagnostics('case-only-paths');
    // In the order check prints them: a lower-case path before its capitalised twin.
    expect(warnings.map((d) => [d.file, d.severity, d.line, d.message])).toEqual([
      ['contacts/maya-chen.md', 'warning', 1, "This note's path differs from contacts/Maya-Chen.md only in letter case: on macOS and Windows they are one file, and a clone there keeps only one of them"],
      ['contacts/Maya-Chen.md', 'warning', 1, "This note's path differs from contacts/maya-chen.md only in letter case: on macOS and Windows they are one file, and a clone there keeps only one of them"],
      ['ki\u0308m-lee.md', 'warning', 1, "This note's path reads the same as k\u00efm-lee.md, its accented letters encoded another way: on macOS they are one file, and a clone there keeps only one of them"],
      ['k\u00efm-lee.md', 'warning', 1, "This note's path reads the same as ki\u0308m-lee.md, its accented letters encoded another way: on macOS they are one file, and a clone there keeps only one of them"],
      ['notes/readme.md', 'warning', 1, "This note's path differs from notes/README.md only in letter case: on macOS and Windows they are one file, and a clone there keeps only one of them"],
      ['notes/README.md', 'warning', 1, "This note's path differs from notes/readme.md only in letter case: on macOS and Windows they are one file, and a clone there keeps only one of them"],
    ]);
    expect(warnings[0]!.hint).toBe('Rename one of them (git mv), or merge the two notes into one');
  });

  it('builds the referral graph from referred_by and Outcomes links', async () => {
    const graph = (await loadWorkspace(folder())).index.referralGraph();
    expect(graph.edges).toEqual([{ from: 'sam-ortiz', to: 'maya-chen', sources: ['outcomes', 'referred_by'] }]);
    expect(graph.pending).toEqual([{ from: 'sam-ortiz', target: 'lee-park' }]);
  });

  it('re-indexes one changed note and forgets a deleted one', async () => {
    const workspace = await loadWorkspace(folder());
    workspace.index.set('ana.md', noteText(contactFields({ name: 'Ana Ruiz', stage: 'contacted', history: [{ date: '2026-11-20', stage: 'contacted' }] })));
    expect(workspace.index.contact('ana')?.stage).toBe('contacted');
    expect(workspace.index.diagnostics().some((d) => d.rule === 'unresolved-link')).toBe(false);
    workspace.index.delete('other/maya-chen.md');
    expect(workspace.index.diagnostics()).toEqual([]);
  });
});

describe('loadWorkspace with an index cache and outcome labels of the folder', () => {
  const note = noteText(contactFields({ name: 'Sam Ortiz', stage: 'held', history: [{ date: '2026-11-20', stage: 'held' }] }), '\n## Outcomes\n\n- Intro: [[maya-chen]], a designer at Brightline\n');
  const withIntro = 'outcome_labels:\n  Intro: referral\n';

  /** A store that counts the notes read, and a cache kept in memory whose files never change. */
  function setup(config: string) {
    const store = new MemoryStore({ '.rapport/config.yaml': config, 'sam-ortiz.md': note });
    const reads: string[] = [];
    const read = store.read.bind(store);
    store.read = async (file) => {
      if (file.endsWith('.md')) reads.push(file);
      return read(file);
    };
    let saved: IndexSnapshot | undefined;
    const cache: IndexCache = {
      identify: async (files) => files.map(() => ({ size: 100, mtimeMs: 1, ino: 7 })),
      load: async () => saved,
      save: async (snapshot) => void (saved = snapshot),
    };
    return { store, reads, cache };
  }

  it('reuses the readings it cached with those labels, reading no note again', async () => {
    const { store, reads, cache } = setup(withIntro);
    const first = await loadWorkspace(store, { cache });
    expect(first.index.contact('sam-ortiz')?.outcomes.map((outcome) => [outcome.kind, outcome.label])).toEqual([['referral', 'Intro']]);
    expect(reads).toEqual(['sam-ortiz.md']);
    const second = await loadWorkspace(store, { cache });
    expect(reads).toEqual(['sam-ortiz.md']);
    expect(second.index.contact('sam-ortiz')?.outcomes.map((outcome) => [outcome.kind, outcome.label])).toEqual([['referral', 'Intro']]);
  });

  it('on a first load identifies the notes after reading them, when the store gives no identity of its own', async () => {
    const { store, cache } = setup(withIntro);
    const asked: string[][] = [];
    const identify = cache.identify.bind(cache);
    const counted: IndexCache = { ...cache, identify: async (files) => (asked.push([...files]), identify(files)) };
    await loadWorkspace(store, { cache: counted });
    // Only the note read: the config is no note.
    expect(asked).toEqual([['sam-ortiz.md']]);
    await loadWorkspace(store, { cache: counted });
    // With a snapshot, before reading: the identities tell which readings still hold.
    expect(asked).toEqual([['sam-ortiz.md'], ['sam-ortiz.md']]);
  });

  it('reads every note again when the labels changed since the cache was saved', async () => {
    const { store, reads, cache } = setup(withIntro);
    await loadWorkspace(store, { cache });
    await store.write('.rapport/config.yaml', '');
    const defaults = await loadWorkspace(store, { cache });
    expect(reads).toEqual(['sam-ortiz.md', 'sam-ortiz.md']);
    // "Intro" is not a default label: the item is no longer an outcome.
    expect(defaults.index.contact('sam-ortiz')?.outcomes).toEqual([]);
  });

  it('does not bring up to date an index read with other labels, but reads into a new one', async () => {
    const { store, cache } = setup(withIntro);
    const given = new NoteIndex();
    given.set('sam-ortiz.md', note);
    const loaded = await loadWorkspace(store, { cache, index: given });
    expect(loaded.index).not.toBe(given);
    expect(loaded.index.contact('sam-ortiz')?.outcomes.map((outcome) => [outcome.kind, outcome.label])).toEqual([['referral', 'Intro']]);
    expect(given.contact('sam-ortiz')?.outcomes).toEqual([]);
  });
});

describe('editNote', () => {
  it('writes the edit and updates the index', async () => {
    const store = folder();
    const workspace = await loadWorkspace(store);
    await editNote(workspace, 'ana.md', (text) => advance(text, 'contacted', { date: '2026-11-23', via: 'email' }));
    expect((await store.read('ana.md'))?.text).toContain('stage: contacted');
    expect(workspace.index.contact('ana')?.stage).toBe('contacted');
  });

  it('refuses to overwrite a note changed on disk since it was read', async () => {
    const store = folder();
    const workspace = await loadWorkspace(store);
    const edit = (text: string) => {
      void store.write('ana.md', text + '\nchanged elsewhere\n');
      return advance(text, 'contacted', { date: '2026-11-23' });
    };
    await expect(editNote(workspace, 'ana.md', edit)).rejects.toThrow(NoteConflictError);
    expect((await store.read('ana.md'))?.text).toContain('changed elsewhere');
  });

  it('fails for a missing note', async () => {
    await expect(editNote(await loadWorkspace(folder()), 'nobody.md', (text) => text)).rejects.toThrow(NoteNotFoundError);
  });

  it('refuses an edit function that returns no text, and writes nothing', async () => {
    const workspace = await loadWorkspace(folder());
    const before = await workspace.store.read('ana.md');
    // @ts-expect-error -- returns nothing: the mistake of a caller without types, or of a block body without `return`.
    await expect(editNote(workspace, 'ana.md', (text) => { text.replace('a', 'b'); })).rejects.toThrow(InvalidInputError);
    // @ts-expect-error -- as above.
    await expect(editNote(workspace, 'ana.md', (text) => { text.replace('a', 'b'); })).rejects.toThrow("the edit function must return the note's new text (got undefined)");
    // @ts-expect-error -- an async edit function.
    await expect(editNote(workspace, 'ana.md', async (text) => text)).rejects.toThrow("the edit function must return the note's new text (got a Promise; the edit function must not be async)");
    expect(await workspace.store.read('ana.md')).toEqual(before);
  });
});

describe('createContact', () => {
  it('refuses a contact without the day they were found (from JavaScript), rather than write a note its check refuses', async () => {
    const workspace = await loadWorkspace(folder());
    await expect(createContact(workspace, { name: 'Lee Park', organization: 'UPMC' } as unknown as Parameters<typeof createContact>[1])).rejects.toThrow(
      new InvalidInputError('a new contact needs the day they were found as `date` (YYYY-MM-DD, such as 2026-11-23), not undefined'),
    );
    expect(workspace.index.contact('lee-park')).toBeUndefined();
  });

  it('creates a note in the configured folder with a safe, unique file name', async () => {
    const store = folder();
    const workspace = await loadWorkspace(store);
    const first = await createContact(workspace, { name: 'Lee Park', organization: 'UPMC', referredBy: 'sam-ortiz', date: '2026-11-23' });
    expect(first).toEqual({ id: 'lee-park', file: 'contacts/lee-park.md' });
    const second = await createContact(workspace, { name: 'Lee Park', organization: 'UPMC', date: '2026-11-23' });
    expect(second.id).toBe('lee-park-upmc');
    const third = await createContact(workspace, { name: 'Lee Park', organization: 'UPMC', date: '2026-11-23' });
    expect(third.id).toBe('lee-park-2');
    const created = workspace.index.contact('lee-park');
    expect(created).toMatchObject({ name: 'Lee Park', stage: 'identified', source: 'referral', referredBy: 'sam-ortiz' });
    expect(workspace.index.diagnostics().filter((d) => d.file.startsWith('contacts/lee'))).toEqual([]);
    const text = (await store.read('contacts/lee-park.md'))!.text;
    for (const section of ['## Why this person', '## Research', '## Questions', '## Notes', '## Outcomes']) expect(text).toContain(section);
  });

  it('keeps hostile names inside the folder and quotes them safely', async () => {
    const store = folder();
    const workspace = await loadWorkspace(store);
    const created = await createContact(workspace, { name: '../../etc/passwd: "x" #y', date: '2026-11-23' });
    expect(created.file).toBe('contacts/etc-passwd-x-y.md');
    expect(workspace.index.contact(created.id)?.name).toBe('../../etc/passwd: "x" #y');
    expect(await contactSlug('CON')).toBe('con-contact');
    expect(await contactSlug('🙂')).toBe('contact');
    expect(await contactSlug('李雷')).toBe('李雷');
    expect(await contactSlug('Ольга  Петрова')).toBe('olga-petrova');
    expect(await contactSlug('Dr. Olivia Grant')).toBe('olivia-grant');
    expect(await contactSlug('prof Ana Lima')).toBe('ana-lima');
    expect(await contactSlug('Dr. Grant')).toBe('dr-grant');
    expect(await contactSlug('Drew Grant')).toBe('drew-grant');
    // An apostrophe inside a word, straight or curly, keeps the word whole; quotes around a nickname do not join words.
    expect(await contactSlug("Kevin O'Brien")).toBe('kevin-obrien');
    expect(await contactSlug('Anita D’Souza')).toBe('anita-dsouza');
    expect(await contactSlug("Ana 'Nina' Lima")).toBe('ana-nina-lima');
    expect((await contactSlug('x'.repeat(300))).length).toBeLessThanOrEqual(64);
  });

  it('rejects an unknown referrer', async () => {
    await expect(createContact(await loadWorkspace(folder()), { name: 'A', referredBy: 'ghost', date: '2026-11-23' })).rejects.toThrow(NoteNotFoundError);
  });

  it('refuses `fields` that would set what the note writes from its own options, writing nothing', async () => {
    const store = folder();
    const before = store.snapshot();
    const workspace = await loadWorkspace(store);
    await expect(createContact(workspace, { name: 'Ann Lee', date: '2026-11-23', fields: { type: 'person', name: 'Someone Else' } })).rejects.toThrow(new InvalidInputError('`fields` cannot set `type` of a new contact: every contact note is `type: contact`'));
    await expect(createContact(workspace, { name: 'Ann Lee', date: '2026-11-23', fields: { stage: 'bogus' } })).rejects.toThrow(new InvalidInputError('`fields` cannot set `stage` of a new contact: give it as `stage`'));
    await expect(createContact(workspace, { name: 'Ann Lee', date: '2026-11-23', fields: { history: 'none' } })).rejects.toThrow(InvalidInputError);
    expect(store.snapshot()).toEqual(before);
    // Fields of its own are written.
    const created = await createContact(workspace, { name: 'Ann Lee', date: '2026-11-23', fields: { email: 'ann@example.com' } });
    expect(workspace.index.contact(created.id)?.email).toBe('ann@example.com');
  });
});

describe('privateFieldDiagnostics', () => {
  const contacts = async () => {
    const { index } = await loadWorkspace(new MemoryStore({
      'ana.md': noteText(contactFields({ salary: 'x', meeting: { at: '2026-12-01T10:00', room: 'B2' } })),
      'bo.md': noteText(contactFields({ name: 'Bo', met_at: 'the fair' })),
    }));
    return () => index.contacts();
  };

  it('warns about each entry that names no field, with the field it most likely meant', async () => {
    const text = 'timezone: UTC\nprivate: [phne, Phone, name, meeting.lnk, salary, meeting.room, history.note, email, nickname, meeting.roomm]\n';
    expect(privateFieldDiagnostics(text, await contacts())).toEqual([
      { file: '.rapport/config.yaml', line: 2, column: 11, endLine: 2, endColumn: 15, severity: 'warning', rule: 'ineffective-private-field', message: '`phne` in `private` names no field of any contact, so it leaves nothing out of exports', hint: 'Did you mean `phone`?' },
      { file: '.rapport/config.yaml', line: 2, column: 17, endLine: 2, endColumn: 22, severity: 'warning', rule: 'ineffective-private-field', message: '`Phone` in `private` names no field of any contact, so it leaves nothing out of exports', hint: 'Did you mean `phone`?' },
      { file: '.rapport/config.yaml', line: 2, column: 24, endLine: 2, endColumn: 28, severity: 'warning', rule: 'ineffective-private-field', message: '`name` in `private` is exported all the same: every card, row and event needs it', hint: 'Remove it from `private`' },
      { file: '.rapport/config.yaml', line: 2, column: 30, endLine: 2, endColumn: 41, severity: 'warning', rule: 'ineffective-private-field', message: '`meeting.lnk` in `private` names no field of `meeting`, so it leaves nothing out of exports', hint: 'Did you mean `meeting.link`?' },
      { file: '.rapport/config.yaml', line: 2, column: 86, endLine: 2, endColumn: 94, severity: 'warning', rule: 'ineffective-private-field', message: '`nickname` in `private` names no field of any contact, so it leaves nothing out of exports', hint: 'Name a frontmatter field, such as phone or meeting.link (names are case-sensitive)' },
      { file: '.rapport/config.yaml', line: 2, column: 96, endLine: 2, endColumn: 109, severity: 'warning', rule: 'ineffective-private-field', message: '`meeting.roomm` in `private` names no field of `meeting`, so it leaves nothing out of exports', hint: 'Did you mean `meeting.room`?' },
    ]);
  });

  it('places entries of a block list, and says nothing of fields Rapport reads or some note has', async () => {
    expect(privateFieldDiagnostics('# fields left out\nprivate:\n  - phone\n  - met_at\n  - emial\n', await contacts())).toMatchObject([{ line: 5, column: 5, endColumn: 10, message: '`emial` in `private` names no field of any contact, so it leaves nothing out of exports', hint: 'Did you mean `email`?' }]);
    expect(privateFieldDiagnostics('private: [phone, email, meeting.link, history.note, next.due, touch_every, salary, met_at, meeting.room, industry]\n', await contacts())).toEqual([]);
    // Fields Rapport reads need no pass over the notes.
    expect(privateFieldDiagnostics('private: [phone, meeting.link]\n', () => expect.fail('the notes were read'))).toEqual([]);
    // Nor of a `private:` that cannot be read (readConfig reports it), nor of no config, which hides nothing.
    expect(privateFieldDiagnostics('private: phne\n', await contacts())).toEqual([]);
    expect(privateFieldDiagnostics('private: [phne]\nprivate: [phne]\n', await contacts())).toEqual([]);
    expect(privateFieldDiagnostics(undefined, await contacts())).toEqual([]);
  });
});

describe('readConfig', () => {
  it('warns about unknown settings, with the setting a typo most likely meant', () => {
    const { config, diagnostics } = readConfig('privat: [phone]\ntouch_every: -5\ntimezon: UTC\ncolour: blue\nphone: "+1"\n');
    expect(diagnostics.map(({ line, column, severity, rule, message, hint }) => ({ line, column, severity, rule, message, hint }))).toEqual([
      { line: 1, column: 1, severity: 'warning', rule: 'unknown-config-key', message: 'Unknown setting `privat`; it is ignored', hint: 'Did you mean `private`?' },
      { line: 2, column: 1, severity: 'warning', rule: 'unknown-config-key', message: 'Unknown setting `touch_every`; it is ignored', hint: 'Did you mean `rules.touch_every`?' },
      { line: 3, column: 1, severity: 'warning', rule: 'unknown-config-key', message: 'Unknown setting `timezon`; it is ignored', hint: 'Did you mean `timezone`?' },
      { line: 4, column: 1, severity: 'warning', rule: 'unknown-config-key', message: 'Unknown setting `colour`; it is ignored', hint: 'Known settings: profile, timezone, notes_folder, rules, private, outcome_labels' },
      { line: 5, column: 1, severity: 'warning', rule: 'unknown-config-key', message: 'Unknown setting `phone`; it is ignored', hint: 'Did you mean `profile.phone`?' },
    ]);
    // `privat` with no `private` beside it: what was meant to stay private is unknown.
    expect(config.privateFieldsUnreadable).toBe(true);
    expect(readConfig('private: []\nprivat: [phone]\n').config.privateFieldsUnreadable).toBeUndefined();
  });

  it('marks `private:` unreadable when it is not a list or the config is not valid YAML', () => {
    expect(readConfig('private: phone\n').config.privateFieldsUnreadable).toBe(true);
    expect(readConfig('private: [phone]\ntimezone: UTC\ntimezone: UTC\n').config).toMatchObject({ privateFields: [], privateFieldsUnreadable: true });
    expect(readConfig('- private\n').config.privateFieldsUnreadable).toBe(true);
    expect(readConfig('private: [phone]\n').config).not.toHaveProperty('privateFieldsUnreadable');
    expect(readConfig(undefined).config).not.toHaveProperty('privateFieldsUnreadable');
  });

  it("says the YAML mistakes in the config as a note's are said, each placed where it was made", () => {
    const problems = (text: string) => readConfig(text).diagnostics.map(({ line, column, rule, message, hint }) => ({ line, column, rule, message, hint }));
    // Line 1 `timezone: UTC`, line 2 `private: [phone]`, line 3 `timezone: America/New_York`, line 5 the second `private`.
    expect(problems('timezone: UTC\nprivate: [phone]\ntimezone: America/New_York\nrules: {}\nprivate: []\n')).toEqual([
      { line: 3, column: 1, rule: 'invalid-config', message: '`timezone` appears twice (lines 1 and 3): keep one; the whole config is ignored', hint: 'Delete the `timezone` line you do not want' },
      { line: 5, column: 1, rule: 'invalid-config', message: '`private` appears twice (lines 2 and 5): keep one; the whole config is ignored', hint: 'Delete the `private` line you do not want' },
    ]);
    // Line 2 `  name: "Jordan Reyes`: the quote opened at column 9 is never closed.
    expect(problems('profile:\n  name: "Jordan Reyes\n  phone: "+1 412 555 0142"\n')[0]).toMatchObject({ line: 2, column: 9, rule: 'invalid-config' });
    // An unclosed quote on line 2 (column 9) swallows the lines below it for the parser; `timezone` without its colon on line 4 is a mistake of its own.
    expect(problems('profile:\n  name: "Jordan Reyes\n  phone: "+1 412 555 0142"\ntimezone America/New_York\n')).toEqual([
      { line: 2, column: 9, rule: 'invalid-config', message: 'The `"` that starts this value is never closed; the whole config is ignored', hint: 'Add `"` at the end of the value' },
      { line: 4, column: 1, rule: 'invalid-config', message: '`timezone America/New_York` has no `:` after the field name; the whole config is ignored', hint: 'Write it as `timezone: America/New_York`' },
    ]);
    // The repair a note's same mistake has, placed in the config's text: the quote closed after `Reyes`, which ends at column 21 of line 2.
    expect(readConfig('profile:\n  name: "Jordan Reyes\n').diagnostics[0]?.fix).toEqual({ title: 'Close the quote: add " at the end of the line', line: 2, column: 22, endLine: 2, endColumn: 22, text: '"' });
    expect(problems('profile:\n\tname: Jordan\n')).toEqual([
      { line: 2, column: 1, rule: 'invalid-config', message: 'This line is indented with a tab; the whole config is ignored', hint: 'Indent with spaces: YAML does not allow tabs' },
    ]);
  });

  it('says a setting written without its colon by its name and value, its comment left out, and at its line when nested', () => {
    const problems = (text: string) => readConfig(text).diagnostics.map(({ line, column, endColumn, message, hint }) => ({ line, column, endColumn, message, hint }));
    // Line 1: `notes_folder contacts` ends at column 21, before the comment, whose backticks stay out of the words.
    expect(problems('notes_folder contacts   # where `rapport new` puts new notes\ntimezone: UTC\n')).toEqual([
      { line: 1, column: 1, endColumn: 22, message: '`notes_folder contacts` has no `:` after the field name; the whole config is ignored', hint: 'Write it as `notes_folder: contacts`' },
    ]);
    // Line 2, the first rule: read as the value of `rules`, with the parser giving up at line 3; the mistake is line 2's.
    expect(problems('rules:\n  follow_up_after 7      # business days with no reply\n  answer_within: 1\n')).toEqual([
      { line: 2, column: 3, endColumn: 20, message: '`follow_up_after 7` has no `:` after the field name; the whole config is ignored', hint: 'Write it as `follow_up_after: 7`' },
    ]);
    // Lines 2 and 3 both: each said at its own line.
    expect(problems('profile:\n  name Jordan Reyes\n  field UX research\n  email: jordan@example.com\n').map(({ line, message }) => `${line} ${message}`)).toEqual([
      '2 `name Jordan Reyes` has no `:` after the field name; the whole config is ignored',
      '3 `field UX research` has no `:` after the field name; the whole config is ignored',
    ]);
    // Line 1, the first of the text, with a comment after it, which YAML reads as the whole text.
    expect(problems('timezone UTC  # the zone\nnotes_folder: contacts\n')).toEqual([
      { line: 1, column: 1, endColumn: 13, message: '`timezone UTC` has no `:` after the field name; the whole config is ignored', hint: 'Write it as `timezone: UTC`' },
    ]);
  });

  it('says the colon missing when YAML reads the line as the value of a setting, or of the whole config', () => {
    const problems = (text: string) => readConfig(text).diagnostics.map(({ line, column, endColumn, message, hint, fix }) => ({ line, column, endColumn, message, hint, fix }));
    // The only rule, line 2: `rules` is the text `follow_up_after 7`, not a mapping; the rules are left at their defaults.
    const rules = readConfig('rules:\n  follow_up_after 9   # days\n');
    expect(problems('rules:\n  follow_up_after 9   # days\n')).toEqual([
      { line: 2, column: 3, endColumn: 20, message: '`follow_up_after 9` has no `:` after the field name', hint: 'Write it as `follow_up_after: 9`', fix: { title: 'Add the colon: follow_up_after: 9', line: 2, column: 18, endLine: 2, endColumn: 18, text: ':' } },
    ]);
    expect(rules.config.rules.followUpAfter).toBe(7);
    expect(problems('profile:\n  name Jordan Reyes\ntimezone: UTC\n')).toEqual([
      { line: 2, column: 3, endColumn: 20, message: '`name Jordan Reyes` has no `:` after the field name', hint: 'Write it as `name: Jordan Reyes`', fix: { title: 'Add the colon: name: Jordan Reyes', line: 2, column: 7, endLine: 2, endColumn: 7, text: ':' } },
    ]);
    // A whole config of one line, line 2 after a comment.
    expect(problems('# settings\nnotes_folder contacts\n')).toEqual([
      { line: 2, column: 1, endColumn: 22, message: '`notes_folder contacts` has no `:` after the field name; the whole config is ignored', hint: 'Write it as `notes_folder: contacts`', fix: { title: 'Add the colon: notes_folder: contacts', line: 2, column: 13, endLine: 2, endColumn: 13, text: ':' } },
    ]);
    // Text that names no setting, and a value on the setting's own line, keep their words.
    expect(problems('just words\n').map((d) => d.message)).toEqual(['The config must be a mapping of settings; the whole config is ignored']);
    expect(problems('rules: follow_up_after 7\n').map((d) => d.message)).toEqual(['`rules` must be a mapping']);
  });

  it("repairs a missing colon after the config's own names, where they are written, and after no other", () => {
    const fixOf = (text: string) => readConfig(text).diagnostics[0]?.fix;
    // `notes_folder` is no contact field: the colon goes at column 13 of line 1, the comment kept after it.
    expect(fixOf('notes_folder contacts   # where new notes go\ntimezone: UTC\n')).toEqual({ title: 'Add the colon: notes_folder: contacts', line: 1, column: 13, endLine: 1, endColumn: 13, text: ':' });
    // A rule as the first line under `rules:` (line 2, after `  follow_up_after`), and in the middle of them (line 3).
    expect(fixOf('rules:\n  follow_up_after 7   # days\n  answer_within: 1\n')).toEqual({ title: 'Add the colon: follow_up_after: 7', line: 2, column: 18, endLine: 2, endColumn: 18, text: ':' });
    expect(fixOf('rules:\n  answer_within: 1\n  give_up_after 9\n  thank_within: 1\n')).toEqual({ title: 'Add the colon: give_up_after: 9', line: 3, column: 16, endLine: 3, endColumn: 16, text: ':' });
    expect(fixOf('profile:\n  phone "+1 412 555 0142"\n  email: j@example.com\n')).toEqual({ title: 'Add the colon: phone: "+1 412 555 0142"', line: 2, column: 8, endLine: 2, endColumn: 8, text: ':' });
    for (const line of ['outcome_labels Intro', 'private phone', 'timezone UTC', 'profile Jordan', 'rules 7']) {
      expect(fixOf(`${line}\nnotes_folder: contacts\n`)?.title, line).toBe(`Add the colon: ${line.replace(' ', ': ')}`);
    }
    // Not a name the config has where it is written (a rule in `profile`, a label of yours in `outcome_labels`, a contact field), or no value: the user says what they meant.
    expect(fixOf('profile:\n  name: Jordan\n  touch_every 30\n')).toBeUndefined();
    expect(fixOf('outcome_labels:\n  Intro referral\n  Recap: insight\n')).toBeUndefined();
    expect(fixOf('industry Telehealth\ntimezone: UTC\n')).toBeUndefined();
    expect(fixOf('rules:\n  answer_within: 1\n  give_up_after\n  thank_within: 1\n')).toBeUndefined();
  });

  it('suggests the zone a misspelt `timezone` most likely meant', () => {
    const hintOf = (text: string) => readConfig(text).diagnostics.map(({ line, column, message, hint }) => ({ line, column, message, hint }));
    expect(hintOf('timezone: America/New_Yrok\n')).toEqual([{ line: 1, column: 11, message: 'Unknown time zone "America/New_Yrok"', hint: 'Use the IANA name of your zone (did you mean America/New_York?)' }]);
    expect(hintOf('timezone: Mars/Olympus\n')).toEqual([{ line: 1, column: 11, message: 'Unknown time zone "Mars/Olympus"', hint: 'Use an IANA name such as America/New_York' }]);
  });

  it('reads holidays as days of every year or of one year, and reports any other day in place of using the list', () => {
    const { config, diagnostics } = readConfig('rules:\n  holidays:\n    - 12-25\n    - 12-32\n');
    expect(diagnostics.map(({ line, column, rule, message }) => ({ line, column, rule, message }))).toEqual([
      { line: 3, column: 5, rule: 'invalid-config', message: '`rules.holidays` must be a list of days, each MM-DD (every year) or YYYY-MM-DD (that day only): "12-32" is neither' },
    ]);
    expect(config.rules.holidays).toEqual(['12-25', '01-01']);
    expect(readConfig('rules:\n  holidays: 12-25\n').diagnostics.map((d) => d.message)).toEqual(['`rules.holidays` must be a list of days, each MM-DD (every year) or YYYY-MM-DD (that day only)']);
    // Left empty: only weekends are days off. February 29 is a day of some years.
    expect(readConfig('rules:\n  holidays:\n').config.rules.holidays).toEqual([]);
    expect(readConfig('rules:\n  holidays: [02-29, 2026-11-26]\n').config.rules.holidays).toEqual(['02-29', '2026-11-26']);
  });

  it('reports a rule out of range instead of using it', () => {
    const { config, diagnostics } = readConfig('rules:\n  touch_every: -5\n');
    expect(diagnostics.map(({ line, column, rule, message }) => ({ line, column, rule, message }))).toEqual([{ line: 2, column: 16, rule: 'invalid-config', message: '`rules.touch_every` must be a whole number of days' }]);
    expect(config.rules.touchEvery).toBe(60);
  });

  it('reads a config written as the example is: comments, quotes, nested settings, a list, a BOM', () => {
    const text = [
      '\uFEFF# Rapport settings',
      'profile:',
      '  name: Jordan Reyes',
      '  phone: "+1 412 555 0142"   # quoted: a plain +1 is a number',
      "  location: 'Pittsburgh, PA'",
      'timezone: America/New_York',
      'notes_folder: ./contacts/',
      'rules:',
      '  follow_up_after: 5 # business days',
      '  touch_every: 90',
      '  holidays: [12-24, 12-25, 2026-11-26] # and Thanksgiving this year',
      'private:',
      '  - phone',
      '  - email',
      'outcome_labels:',
      '  Intro: referral',
      '',
    ].join('\n');
    expect(readConfig(text)).toEqual({
      config: {
        profile: { name: 'Jordan Reyes', phone: '+1 412 555 0142', location: 'Pittsburgh, PA' },
        timezone: 'America/New_York',
        notesFolder: 'contacts',
        rules: { followUpAfter: 5, answerWithin: 1, secondContactAfter: 3, giveUpAfter: 7, prepareBefore: 2, thankWithin: 1, touchEvery: 90, holidays: ['12-24', '12-25', '2026-11-26'] },
        privateFields: ['phone', 'email'],
        outcomeLabels: expect.objectContaining({ Intro: 'referral', Referral: 'referral' }),
      },
      diagnostics: [],
    });
    // The same text with one mistake in it: still read, and the mistake placed at its line.
    const { config, diagnostics } = readConfig(text.replace('touch_every: 90', 'touch_every: often'));
    expect(diagnostics.map(({ line, column, message }) => ({ line, column, message }))).toEqual([{ line: 10, column: 16, message: '`rules.touch_every` must be a whole number of days' }]);
    expect(config).toMatchObject({ timezone: 'America/New_York', notesFolder: 'contacts', privateFields: ['phone', 'email'], rules: { followUpAfter: 5, touchEvery: 60 } });
  });

  it('uses defaults for a missing file', () => {
    expect(readConfig(undefined).config.rules.touchEvery).toBe(60);
  });

  it('reports bad settings at their line and keeps defaults', () => {
    const { config, diagnostics } = readConfig('timezone: Mars/Olympus\nrules:\n  follow_up_after: soon\n  nudge_after: 3\nnotes_folder: ../outside\n');
    expect(diagnostics.map((d) => [d.line, d.rule])).toEqual([
      [1, 'invalid-config'],
      [3, 'invalid-config'],
      [4, 'invalid-config'],
      [5, 'invalid-config'],
    ]);
    expect(config.rules.followUpAfter).toBe(7);
    expect(config.notesFolder).toBe('');
  });

  it('reads the profile and private fields', () => {
    const { config } = readConfig('profile:\n  name: Jordan Reyes\n  phone: "+1 412 555 0142"\nprivate: [phone]\n');
    expect(config.profile).toEqual({ name: 'Jordan Reyes', phone: '+1 412 555 0142' });
    expect(config.privateFields).toEqual(['phone']);
  });
});

describe('findContact', () => {
  const maya = (name: string) => `---\ntype: contact\nname: ${name}\nstage: identified\n---\n`;

  it('refuses an id two notes share, naming both, rather than picking one to edit', async () => {
    const workspace = await loadWorkspace(new MemoryStore({ 'b/maya.md': maya('Maya B'), 'a/maya.md': maya('Maya A') }));
    expect(() => findContact(workspace, 'maya')).toThrow(new InvalidInputError('"maya" is the id of 2 notes: a/maya.md, b/maya.md; give the path of the one you mean'));
    expect(findContact(workspace, 'b/maya.md').name).toBe('Maya B');
  });

  it('says a note that cannot be read as a contact cannot, with its first problem, and an unknown one is not found', async () => {
    const workspace = await loadWorkspace(new MemoryStore({ 'zed.md': '---\ntype: contact\nname: Zed\nrole: Manager: Data\n---\n' }));
    expect(() => findContact(workspace, 'zed')).toThrow(new InvalidInputError('zed.md cannot be read as a contact (line 4: The value of `role` contains `: `, which YAML reads as the start of another field); correct it first'));
    expect(() => findContact(workspace, 'zed.md')).toThrow(InvalidInputError);
    expect(() => findContact(workspace, 'quentin')).toThrow(new NoteNotFoundError('quentin'));
    // Near an id, as the CLI says it: the broken note's id is a name that exists too.
    expect(() => findContact(workspace, 'zoe')).toThrow('no contact note found for "zoe" (did you mean zed?)');
    expect(() => findContact(workspace, 'zoe')).toThrow(expect.objectContaining({ reference: 'zoe', suggestions: ['zed'] }));
  });
});

describe('editNote of a note whose frontmatter does not parse', () => {
  it('says why in the words and at the line its diagnostic gives, and writes nothing', async () => {
    const text = '---\ntype: contact\nname: Zed\nrole: Manager: Data\n---\n';
    const store = new MemoryStore({ 'zed.md': text });
    const workspace = await loadWorkspace(store);
    await expect(editNote(workspace, 'zed.md', (note) => advance(note, 'contacted', { date: '2026-11-23' }))).rejects.toThrow(
      new UneditableNoteError('its frontmatter is not valid YAML: line 4: The value of `role` contains `: `, which YAML reads as the start of another field', 'zed.md'),
    );
    expect(store.snapshot()).toEqual({ 'zed.md': text });
  });
});

describe('editNote of a note deleted since the folder was read', () => {
  it('throws NoteNotFoundError, and the index no longer lists the contact', async () => {
    let deleted = false;
    // Deleted by someone else once the folder was read.
    const store = new (class extends MemoryStore {
      override async read(path: string) {
        return deleted ? undefined : super.read(path);
      }
    })({ 'ben-osei.md': '---\ntype: contact\nname: Ben Osei\nstage: identified\n---\n' });
    const workspace = await loadWorkspace(store);
    deleted = true;
    await expect(editNote(workspace, 'ben-osei.md', (note) => advance(note, 'contacted', { date: '2026-11-23' }))).rejects.toThrow(new NoteNotFoundError('ben-osei.md'));
    expect(workspace.index.contact('ben-osei')).toBeUndefined();
  });
});

describe('editNote: a refusal names the note', () => {
  it('with the line of the field it is about, and keeps the reason apart', async () => {
    const owen = noteText(contactFields({ name: 'Owen Park', stage: 'contcted', history: [{ date: '2026-11-21', stage: 'contacted' }] }));
    const workspace = await loadWorkspace(new MemoryStore({ 'owen-park.md': owen }));
    const refused = await editNote(workspace, 'owen-park.md', (text) => advance(text, 'followed-up', { date: '2026-11-23' })).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RecordingRefusedError);
    const reason = 'its stage "contcted" is not a stage (one of: identified, contacted, followed-up, scheduled, prepared, held, thanked, nurturing, declined, no-response, archived): correct it in the note first (rapport check lists every problem)';
    expect(refused).toMatchObject({ message: `owen-park.md:4: ${reason}`, reason, file: 'owen-park.md', line: 4, field: ['stage'] });
    // A refusal about what the caller gave, not a field of the note: the note alone.
    const early = await editNote(workspace, 'owen-park.md', (text) => advance(text.replace('contcted', 'contacted'), 'scheduled', { date: '2026-11-26', meeting: { at: '2026-11-01T10:00' } })).catch((error: unknown) => error);
    expect(early).toMatchObject({ message: 'owen-park.md: the meeting on 2026-11-01 is before the day it is booked (2026-11-26); check the date, or record a meeting that took place as held', line: undefined });
  });
});

describe('the workspace functions called without types', () => {
  it('name the argument missing or of the wrong kind rather than fail with a TypeError', async () => {
    // @ts-expect-error -- no store: plain JavaScript.
    await expect(loadWorkspace()).rejects.toThrow(new InvalidInputError("loadWorkspace(store, options?) needs a note store, such as new NodeStore('notes') or new MemoryStore({ … }) (got undefined)"));
    // @ts-expect-error -- a folder's path in place of its store.
    await expect(loadWorkspace('examples/job-search')).rejects.toThrow(new InvalidInputError("loadWorkspace(store, options?) needs a note store, such as new NodeStore('notes') or new MemoryStore({ … }) (got a string)"));
    // @ts-expect-error -- an object that is no store.
    await expect(loadWorkspace({ dir: 'notes' })).rejects.toThrow(new InvalidInputError("loadWorkspace(store, options?) needs a note store, such as new NodeStore('notes') or new MemoryStore({ … }) (got an object without listNotes and read)"));
    // @ts-expect-error -- null options.
    await expect(loadWorkspace(folder(), null)).rejects.toThrow(new InvalidInputError('loadWorkspace(store, options?) needs its options as an object, such as { concurrency: 16 } (got null)'));

    const workspace = await loadWorkspace(folder());
    // @ts-expect-error -- no workspace.
    expect(() => findContact(undefined, 'ana')).toThrow(new InvalidInputError('findContact(workspace, reference) needs the workspace, as loadWorkspace gives it (got undefined)'));
    // @ts-expect-error -- the store in place of the workspace.
    expect(() => findContact(folder(), 'ana')).toThrow(new InvalidInputError('findContact(workspace, reference) needs the workspace, as loadWorkspace gives it (got an object without its index and store)'));
    // @ts-expect-error -- no reference.
    expect(() => findContact(workspace)).toThrow(new InvalidInputError("findContact(workspace, reference) needs the contact's id or path as a string, such as 'hannah-schultz' (got undefined)"));

    const edit = (text: string) => advance(text, 'contacted', { date: '2026-11-23' });
    // @ts-expect-error -- no workspace.
    await expect(editNote(undefined, 'ana.md', edit)).rejects.toThrow(new InvalidInputError('editNote(workspace, file, edit, options?) needs the workspace, as loadWorkspace gives it (got undefined)'));
    // @ts-expect-error -- the contact in place of its file.
    await expect(editNote(workspace, findContact(workspace, 'ana'), edit)).rejects.toThrow(new InvalidInputError("editNote(workspace, file, edit, options?) needs the note's path in the folder as a string, such as contact.file (got an object)"));
    // @ts-expect-error -- no edit.
    await expect(editNote(workspace, 'ana.md')).rejects.toThrow(new InvalidInputError("editNote(workspace, file, edit, options?) needs the edit as a function from the note's text to its new text (got undefined)"));
    // @ts-expect-error -- null options.
    await expect(editNote(workspace, 'ana.md', edit, null)).rejects.toThrow(new InvalidInputError('editNote(workspace, file, edit, options?) needs its options as an object, such as { retries: 5 } (got null)'));
    // Nothing was written by the calls refused.
    expect(workspace.index.contact('ana')?.stage).toBe('identified');
  });
});
