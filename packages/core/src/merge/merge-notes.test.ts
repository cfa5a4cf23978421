import { describe, expect, it } from 'vitest';
import { readNote } from '../note/read-contact.js';
import { findConflicts } from './conflict-markers.js';
import { mergeNotes } from './merge-notes.js';

const BASE = `---
type: contact
name: Owen Park
organization: Lumen Diagnostics   # since 2024
stage: contacted
history:
  - date: 2026-11-02
    stage: identified
  - date: 2026-11-09
    stage: contacted
    via: email
---

# Owen Park

## Notes

- Met at the UX meetup.
`;

describe('mergeNotes', () => {
  it('carries a stage as a side wrote it, mistyped or removed, rather than refusing the merge', () => {
    const typo = BASE.replace('stage: contacted\nhistory', 'stage: Contacted\nhistory');
    const renamed = BASE.replace('name: Owen Park', 'name: Owen T. Park');
    expect(mergeNotes(BASE, renamed, typo)).toEqual({ merged: true, text: typo.replace('name: Owen Park', 'name: Owen T. Park') });
    const removed = BASE.replace('stage: contacted\n', '');
    expect(mergeNotes(BASE, renamed, removed)).toEqual({ merged: true, text: removed.replace('name: Owen Park', 'name: Owen T. Park') });
  });

  it('copies a field only one side added as that side wrote it, where it wrote it: quotes, comment and place kept (trial 19)', () => {
    const base = '---\ntype: contact\nname: José Núñez\nrole: Instructional Designer\nsource: linkedin\nstage: contacted\nhistory:\n  - date: 2027-01-04\n    stage: contacted\n---\nBody\n';
    const laptop = base.replace('role: Instructional Designer', 'role: Senior Instructional Designer').replace('---\nBody', '  - date: 2027-01-16\n    stage: contacted\n    touch: true\n    note: laptop\n---\nBody');
    const desktop = base
      .replace('source: linkedin\n', 'source: linkedin\nphone: "+1 614 555 0142"  # cell\nlisted: "yes"\n')
      .replace('---\nBody', '  - date: 2027-01-16\n    stage: contacted\n    touch: true\n    note: desktop\n---\nBody');
    const merged = '---\ntype: contact\nname: José Núñez\nrole: Senior Instructional Designer\nsource: linkedin\nphone: "+1 614 555 0142"  # cell\nlisted: "yes"\nstage: contacted\nhistory:\n  - date: 2027-01-04\n    stage: contacted\n  - date: 2027-01-16\n    stage: contacted\n    touch: true\n    note: laptop\n  - date: 2027-01-16\n    stage: contacted\n    touch: true\n    note: desktop\n---\nBody\n';
    expect(mergeNotes(base, laptop, desktop)).toEqual({ merged: true, text: merged });
    // Written onto the side that added them (its comment changed), the other side's change lands as before.
    const desktopFirst = mergeNotes(base, desktop, laptop);
    expect(desktopFirst.merged && desktopFirst.text.split('\n').slice(0, 7)).toEqual(['---', 'type: contact', 'name: José Núñez', 'role: Senior Instructional Designer', 'source: linkedin', 'phone: "+1 614 555 0142"  # cell', 'listed: "yes"']);
    // In notes with Windows line ends, the same.
    const crlf = (text: string) => text.replace(/\n/g, '\r\n');
    expect(mergeNotes(crlf(base), crlf(laptop), crlf(desktop))).toEqual({ merged: true, text: crlf(merged) });
  });

  it('inserts the entries the other side appended among ours, keeping a comment inside the history that neither side changed', () => {
    const base = '---\nname: Sam Whitaker\nstage: scheduled\nhistory:\n  - date: 2026-11-17\n    stage: prepared\n  # he had to move our call\n  - date: 2026-11-18\n    stage: scheduled\n---\nBody\n';
    const ours = base.replace('stage: scheduled\nhistory', 'stage: thanked\nhistory').replace('    stage: scheduled\n---', '    stage: scheduled\n  - date: 2026-12-01\n    stage: held\n  - date: 2026-12-01\n    stage: thanked\n---');
    const theirs = base.replace('stage: scheduled\nhistory', 'stage: prepared\nhistory').replace('    stage: scheduled\n---', '    stage: scheduled\n  - date: 2026-11-30\n    stage: prepared\n---');
    expect(mergeNotes(base, ours, theirs)).toEqual({
      merged: true,
      text: '---\nname: Sam Whitaker\nstage: thanked\nhistory:\n  - date: 2026-11-17\n    stage: prepared\n  # he had to move our call\n  - date: 2026-11-18\n    stage: scheduled\n  - date: 2026-11-30\n    stage: prepared\n  - date: 2026-12-01\n    stage: held\n  - date: 2026-12-01\n    stage: thanked\n---\nBody\n',
    });
    // The other way round: ours is appended to.
    expect(mergeNotes(base, theirs, ours)).toEqual(mergeNotes(base, ours, theirs));
  });

  it('unites history entries appended on both sides by date, and the later stage wins', () => {
    const ours = BASE.replace('stage: contacted\nhistory', 'stage: followed-up\nhistory').replace('    via: email\n---', '    via: email\n  - date: 2026-11-18\n    stage: followed-up\n---');
    const theirs = BASE.replace('stage: contacted\nhistory', 'stage: scheduled\nhistory').replace('    via: email\n---', '    via: email\n  - date: 2026-11-20\n    stage: scheduled\n---');
    const merged = mergeNotes(BASE, ours, theirs);
    expect(merged).toEqual({
      merged: true,
      text: BASE.replace('stage: contacted\nhistory', 'stage: scheduled\nhistory').replace('    via: email\n---', '    via: email\n  - date: 2026-11-18\n    stage: followed-up\n  - date: 2026-11-20\n    stage: scheduled\n---'),
    });
    // The same the other way round: the date decides, not the side.
    const reversed = mergeNotes(BASE, theirs, ours);
    expect(reversed.merged && readNote('owen-park.md', reversed.text).contact).toMatchObject({ stage: 'scheduled', history: [{ date: '2026-11-02' }, { date: '2026-11-09' }, { date: '2026-11-18', stage: 'followed-up' }, { date: '2026-11-20', stage: 'scheduled' }] });
  });

  it('leaves to the person two stages set on the same day, one on each side, with both entries kept for the line merge', () => {
    const ours = BASE.replace('stage: contacted\nhistory', 'stage: declined\nhistory').replace('    via: email\n---', '    via: email\n  - date: 2026-11-20\n    stage: declined\n---');
    const theirs = BASE.replace('stage: contacted\nhistory', 'stage: scheduled\nhistory').replace('    via: email\n---', '    via: email\n  - date: 2026-11-20\n    stage: scheduled\n---');
    const bothEntries = '    via: email\n  - date: 2026-11-20\n    stage: declined\n  - date: 2026-11-20\n    stage: scheduled\n---';
    expect(mergeNotes(BASE, ours, theirs)).toEqual({
      merged: false,
      reason: 'both sides changed `stage` on 2026-11-20 (to declined and to scheduled), and the history does not say which came later',
      forLineMerge: {
        base: BASE.replace('    via: email\n---', bothEntries),
        ours: BASE.replace('stage: contacted\nhistory', 'stage: declined\nhistory').replace('    via: email\n---', bothEntries),
        theirs: BASE.replace('stage: contacted\nhistory', 'stage: scheduled\nhistory').replace('    via: email\n---', bothEntries),
      },
    });
    expect(mergeNotes(BASE, theirs, ours)).toMatchObject({ merged: false, reason: 'both sides changed `stage` on 2026-11-20 (to scheduled and to declined), and the history does not say which came later' });
  });

  it('unites what merges around a field changed two ways, so that a line merge marks that field alone', () => {
    // As on two laptops: each logged a touch and moved the stage, and each corrected the role.
    const ours = BASE.replace('name: Owen Park\n', 'name: Owen Park\nrole: UX Researcher\n')
      .replace('stage: contacted\nhistory', 'stage: followed-up\nhistory')
      .replace('    via: email\n---', '    via: email\n  - date: 2026-11-18\n    stage: followed-up\n---');
    const theirs = BASE.replace('name: Owen Park\n', 'name: Owen Park\nrole: Research Manager\n')
      .replace('stage: contacted\nhistory', 'stage: scheduled\nhistory')
      .replace('    via: email\n---', '    via: email\n  - date: 2026-11-20\n    stage: scheduled\n    at: 2026-12-01T10:00\n---');
    const merged = mergeNotes(BASE, ours, theirs);
    const frontmatter = (role: string) => `---
type: contact
name: Owen Park
${role}organization: Lumen Diagnostics   # since 2024
stage: scheduled
history:
  - date: 2026-11-02
    stage: identified
  - date: 2026-11-09
    stage: contacted
    via: email
  - date: 2026-11-18
    stage: followed-up
  - date: 2026-11-20
    stage: scheduled
    at: 2026-12-01T10:00
---
`;
    const body = BASE.slice(BASE.indexOf('---\n', 4) + 4);
    expect(merged).toEqual({
      merged: false,
      reason: 'both sides changed `role`',
      forLineMerge: {
        base: frontmatter('') + body,
        ours: frontmatter('role: UX Researcher\n') + body,
        theirs: frontmatter('role: Research Manager\n') + body,
      },
    });
  });

  it('puts an entry of theirs dated before ours in its place', () => {
    const ours = BASE.replace('    via: email\n---', '    via: email\n  - date: 2026-11-20\n    stage: contacted\n    note: called\n---');
    const theirs = BASE.replace('    via: email\n---', '    via: email\n  - date: 2026-11-12\n    stage: contacted\n    note: wrote\n---');
    const merged = mergeNotes(BASE, ours, theirs);
    expect(merged.merged && readNote('owen-park.md', merged.text).contact!.history.map((entry) => entry.note ?? entry.date)).toEqual(['2026-11-02', '2026-11-09', 'wrote', 'called']);
  });

  it('takes a field changed on one side only, keeping the comments of ours', () => {
    const ours = BASE.replace('name: Owen Park\n', 'name: Owen Park\nrole: Research Lead\n');
    const theirs = BASE.replace('name: Owen Park\n', 'name: Owen Park\nemail: owen@example.com\n');
    // The email goes where theirs wrote it, after the name.
    expect(mergeNotes(BASE, ours, theirs)).toEqual({ merged: true, text: ours.replace('name: Owen Park\n', 'name: Owen Park\nemail: owen@example.com\n') });
  });

  it('keeps comments changed on one side while the other side adds a history entry, whichever side each is', () => {
    const commented = BASE.replace('organization: Lumen Diagnostics   # since 2024\n', 'organization: Lumen Diagnostics   # moving to Ardent in January\n# Ask Owen about the diary-study kit\n');
    const logged = BASE.replace('    via: email\n---', '    via: email\n  - date: 2026-11-20\n    stage: contacted\n    touch: true\n    note: called\n---');
    const expected = commented.replace('    via: email\n---', '    via: email\n  - date: 2026-11-20\n    stage: contacted\n    touch: true\n    note: called\n---');
    expect(mergeNotes(BASE, logged, commented)).toEqual({ merged: true, text: expected });
    expect(mergeNotes(BASE, commented, logged)).toEqual({ merged: true, text: expected });
  });

  it('takes a value changed on one side onto the line whose comment the other side changed', () => {
    const commented = BASE.replace('# since 2024', '# since 2024, on the devices team');
    const moved = BASE.replace('organization: Lumen Diagnostics ', 'organization: Ardent Medical ');
    expect(mergeNotes(BASE, moved, commented)).toEqual({ merged: true, text: BASE.replace('organization: Lumen Diagnostics   # since 2024', 'organization: Ardent Medical   # since 2024, on the devices team') });
  });

  it('leaves to the person comments changed on both sides', () => {
    const ours = BASE.replace('# since 2024', '# since 2023');
    const theirs = BASE.replace('name: Owen Park\n', 'name: Owen Park   # met at the meetup\n');
    // Each side's comments are in its own text only: the line merge gets the three as written.
    expect(mergeNotes(BASE, ours, theirs)).toEqual({ merged: false, reason: 'both sides changed comments in the frontmatter', forLineMerge: { base: BASE, ours, theirs } });
  });

  it('merges the body only when one side alone changed it', () => {
    const ours = BASE.replace('    via: email\n---', '    via: email\n  - date: 2026-11-18\n    stage: followed-up\n---').replace('stage: contacted\nhistory', 'stage: followed-up\nhistory');
    const theirs = BASE.replace('- Met at the UX meetup.\n', '- Met at the UX meetup.\n- Likes diary studies.\n');
    expect(mergeNotes(BASE, ours, theirs)).toEqual({ merged: true, text: ours.replace('- Met at the UX meetup.\n', '- Met at the UX meetup.\n- Likes diary studies.\n') });
    const both = ours.replace('- Met at the UX meetup.\n', '- Met at the UX meetup.\n- Asked about PhDs.\n');
    expect(mergeNotes(BASE, both, theirs)).toEqual({
      merged: false,
      reason: 'both sides changed the text below the frontmatter',
      // The frontmatter merged into all three, each with its own body.
      forLineMerge: { base: ours, ours: both, theirs: ours.replace('- Met at the UX meetup.\n', '- Met at the UX meetup.\n- Likes diary studies.\n') },
    });
  });

  it('leaves to the person a field changed two ways, an edited old entry, and unreadable versions', () => {
    const role = (value: string) => BASE.replace('name: Owen Park\n', `name: Owen Park\nrole: ${value}\n`);
    expect(mergeNotes(BASE, role('Lead'), role('Manager'))).toEqual({ merged: false, reason: 'both sides changed `role`', forLineMerge: { base: BASE, ours: role('Lead'), theirs: role('Manager') } });
    const edited = BASE.replace('    via: email\n', '    via: linkedin\n');
    const appended = BASE.replace('    via: email\n---', '    via: email\n  - date: 2026-11-18\n    stage: followed-up\n---');
    expect(mergeNotes(BASE, edited, appended)).toEqual({ merged: false, reason: 'a history entry written before the merge was changed or removed', forLineMerge: { base: BASE, ours: edited, theirs: appended } });
    const withRole = (text: string, value: string) => text.replace('name: Owen Park\n', `name: Owen Park\nrole: ${value}\n`);
    expect(mergeNotes(BASE, withRole(edited, 'Lead'), withRole(appended, 'Manager'))).toEqual({
      merged: false,
      reason: 'both sides changed `role`; a history entry written before the merge was changed or removed',
      forLineMerge: { base: BASE, ours: withRole(edited, 'Lead'), theirs: withRole(appended, 'Manager') },
    });
    expect(mergeNotes(BASE, BASE.replace('name: Owen Park', 'name: [Owen'), appended)).toEqual({ merged: false, reason: 'a version has no frontmatter that reads as YAML, or holds conflict markers' });
  });
});

describe('conflict markers in a note', () => {
  const conflicted = BASE.replace('    via: email\n---', '    via: email\n<<<<<<< HEAD\n  - date: 2026-11-18\n    stage: followed-up\n=======\n  - date: 2026-11-20\n    stage: scheduled\n>>>>>>> other\n---').replace('- Met at the UX meetup.\n', '<<<<<<< HEAD\n- Met at the UX meetup.\n=======\n- Met at a meetup.\n>>>>>>> other\n');

  it('are found one region per conflict, and a setext heading is not one', () => {
    expect(findConflicts(conflicted).map(({ line, endLine }) => [line, endLine])).toEqual([[12, 18], [25, 29]]);
    expect(findConflicts('# Title\n=======\n\ntext\n')).toEqual([]);
  });

  it('give one merge-conflict diagnostic per conflict, at its line, instead of YAML errors', () => {
    const reading = readNote('owen-park.md', conflicted);
    expect(reading.isContact).toBe(true);
    expect(reading.contact).toBeUndefined();
    expect(reading.diagnostics.map(({ line, column, severity, rule, message }) => ({ line, column, severity, rule, message }))).toEqual([
      { line: 12, column: 1, severity: 'error', rule: 'merge-conflict', message: 'Merge conflict: resolve it, keep both history entries' },
      { line: 25, column: 1, severity: 'error', rule: 'merge-conflict', message: 'Merge conflict: resolve it, keep the side you want' },
    ]);
  });

  it('only in the body leave the contact readable, and are still reported', () => {
    const bodyOnly = BASE.replace('- Met at the UX meetup.\n', '<<<<<<< HEAD\n- Met at the UX meetup.\n=======\n- Met at a meetup.\n>>>>>>> other\n');
    const reading = readNote('owen-park.md', bodyOnly);
    expect(reading.contact).toMatchObject({ name: 'Owen Park', stage: 'contacted' });
    expect(reading.diagnostics.map(({ line, rule }) => [line, rule])).toEqual([[18, 'merge-conflict']]);
  });
});
