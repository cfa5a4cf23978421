import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_RULES, compareDiagnostics, type Diagnostic } from '../diagnostics.js';
import { referralGraph } from '../graph/referrals.js';
import { agenda, type ActionContext } from '../lifecycle/next-action.js';
import type { Contact } from '../model/contact.js';
import { STAGES } from '../model/vocabulary.js';
import type { NoteReading } from '../note/read-contact.js';
import { noteId } from '../note/wikilinks.js';
import { contactFields, noteText } from '../test-support/builders.js';
import { NoteIndex, type AgendaContext } from './note-index.js';
import { contentVersion } from './store.js';

/**
 * The index keeps its cross-note data up to date change by change. Property:
 * after any sequence of notes set and deleted — duplicate ids, referrals
 * appearing and vanishing, colleagues joining and leaving an organization,
 * broken notes — every query answers what computing it from scratch over
 * all notes answers.
 */

const IDS = ['ana', 'ben', 'cy', 'dee', 'eve'];
const FILES = IDS.flatMap((id) => [`${id}.md`, `old/${id}.md`]);

const note = fc.oneof(
  { weight: 8, arbitrary: fc
    .record({
      // Names the same to the collator but not as strings: case and accents differ, and Zoë composed and decomposed.
      name: fc.constantFrom('Ana Ruiz', 'Ben Osei', 'Cy Park', 'Ana Ruiz', 'Zoë Lee', 'Zoe\u0308 Lee', 'ana ruiz', 'Ána Ruiz'),
      stage: fc.constantFrom('identified', 'contacted', 'contacted', 'followed-up', 'scheduled', 'held', 'nurturing', 'declined'),
      organization: fc.constantFrom(undefined, 'Acme', ' acme ', 'Beta'),
      referredBy: fc.option(fc.constantFrom(...IDS, 'nobody'), { nil: undefined }),
      outcomes: fc.subarray([...IDS, 'zed']),
      date: fc.constantFrom('2026-11-02', '2026-11-16', '2026-11-20'),
      broken: fc.constantFrom('', '', '', '', 'stage', 'email'),
    })
    .map(({ name, stage, organization, referredBy, outcomes, date, broken }) => {
      const fields = contactFields({
        name,
        stage: broken === 'stage' ? 'interviewing' : stage,
        history: [{ date, stage }],
        ...(organization === undefined ? {} : { organization }),
        ...(referredBy ? { referred_by: `[[${referredBy}]]` } : {}),
        ...(broken === 'email' ? { email: 'not-an-address' } : {}),
        ...(stage === 'scheduled' ? { meeting: { at: '2026-11-25T09:00', minutes: 30, format: 'video' } } : {}),
      });
      if (organization === undefined) delete fields.organization;
      // Labelled or not: a `Referral:` link to a note not there yet is also an agenda line.
      return noteText(fields, `\n## Outcomes\n\n${outcomes.map((id, at) => (at % 2 === 0 ? `- Referral: [[${id}]]` : `- [[${id}]]`)).join('\n')}\n`);
    }) },
  { weight: 1, arbitrary: fc.constant('# Just a page\n') },
  { weight: 1, arbitrary: fc.constant('---\ntype: contact\nname: [unclosed\nstage: held\n---\n') },
  { weight: 1, arbitrary: fc.constant('---\nname: Ana Ruiz\nstage: held\n---\n') },
);

type Operation = { kind: 'set'; file: string; text: string } | { kind: 'delete'; file: string } | { kind: 'query'; now: number; first: 'diagnostics' | 'graph' | 'agenda' | 'merge-conflict' } | { kind: 'restore' };
const operation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('set' as const), file: fc.constantFrom(...FILES), text: note }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), file: fc.constantFrom(...FILES) }) },
  // Which cross-note question comes first: any of them must find the links and organizations worked out.
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('query' as const), now: fc.constantFrom(Date.UTC(2026, 10, 23, 17), Date.UTC(2026, 10, 23, 17), Date.UTC(2026, 11, 1, 12)), first: fc.constantFrom('diagnostics' as const, 'graph' as const, 'agenda' as const, 'merge-conflict' as const) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restore' as const }) },
);

/** A new index of the same readings that sorts by the contact orders `index` gives: an index restored from a cache that kept them. */
function restoredWithOrders(index: NoteIndex, readings: ReadonlyMap<string, NoteReading>): NoteIndex {
  const restored = new NoteIndex();
  // In another order than they were set: the kept orders, not the order of arrival, must decide.
  for (const [file, reading] of [...readings].reverse()) restored.setReading(file, reading, { version: index.version(file)! });
  restored.useContactOrders(index.contactOrders());
  return restored;
}

/** What the index held before it was incremental: everything derived from all readings at once. */
function fromScratch(readings: ReadonlyMap<string, NoteReading>, context: AgendaContext) {
  const contacts: Contact[] = [];
  const diagnostics: Diagnostic[] = [];
  const filesById = new Map<string, string[]>();
  const broken: { id: string; file: string; problems: readonly Diagnostic[] }[] = [];
  for (const [file, reading] of readings) {
    diagnostics.push(...reading.diagnostics);
    if (!reading.contact && (reading.isContact || reading.diagnostics.some((diagnostic) => diagnostic.rule === 'missing-type'))) broken.push({ id: noteId(file), file, problems: reading.diagnostics });
    if (!reading.isContact) continue;
    filesById.set(noteId(file), [...(filesById.get(noteId(file)) ?? []), file]);
    if (reading.contact) contacts.push(reading.contact);
  }
  const ids = new Set(contacts.map((contact) => contact.id));
  for (const [id, files] of filesById) {
    if (files.length < 2) continue;
    for (const file of files) {
      const others = files.filter((other) => other !== file).sort().join(', ');
      diagnostics.push({ file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: DIAGNOSTIC_RULES['duplicate-id'], rule: 'duplicate-id', message: `Another note has the same id "${id}": ${others}`, hint: 'Rename one of the files so every contact has its own id' });
    }
  }
  for (const contact of contacts) {
    if (!contact.referredBy || ids.has(contact.referredBy)) continue;
    const range = readings.get(contact.file)!.referredByRange!;
    const unreadable = broken.filter((note) => note.id === contact.referredBy).map((note) => note.file).sort()[0];
    const [message, hint] = unreadable
      ? [`\`referred_by\` points at "${contact.referredBy}", whose note ${unreadable} cannot be read`, `Fix ${unreadable} (its own error says how); the link then resolves`]
      : [`\`referred_by\` points at "${contact.referredBy}", but no contact note has that id`, `Create ${contact.referredBy}.md or fix the link`];
    diagnostics.push({ file: contact.file, line: range.line, column: range.column, endLine: range.endLine, endColumn: range.endColumn, severity: 'warning', rule: 'unresolved-link', message, hint });
  }
  // Named as a referral by another contact, without referred_by: one warning per referrer, at the referrer's first such item.
  for (const referrer of [...contacts].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    const targets = new Map<string, number>();
    for (const outcome of referrer.outcomes) if (outcome.kind === 'referral' && outcome.contact !== undefined && outcome.contact !== referrer.id && !targets.has(outcome.contact)) targets.set(outcome.contact, outcome.line);
    for (const [target, line] of targets) {
      for (const named of contacts.filter((contact) => contact.id === target && contact.referredBy === undefined)) {
        diagnostics.push({
          file: named.file,
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          severity: 'warning',
          rule: 'unrecorded-referral',
          message: `${referrer.name} names ${named.name} as a referral (${referrer.file}:${line}), but this note has no \`referred_by\`: letters and the agenda take ${named.name} for a cold contact`,
          hint: `Add referred_by: "[[${referrer.id}]]"${named.source === undefined ? ' (and source: referral)' : ''} to the frontmatter`,
          fix: { title: `Add referred_by: "[[${referrer.id}]]"`, fields: named.source === undefined ? { referred_by: `[[${referrer.id}]]`, source: 'referral' } : { referred_by: `[[${referrer.id}]]` } },
        });
      }
    }
  }
  // A loop of referred_by links: walked from each contact (the first by path of its id), back to it.
  const byId = (id: string) => contacts.filter((contact) => contact.id === id).sort((a, b) => (a.file < b.file ? -1 : 1))[0];
  for (const contact of contacts) {
    if (byId(contact.id) !== contact) continue;
    const around = [contact];
    for (let next = contact.referredBy && byId(contact.referredBy); next && around.length <= contacts.length; next = next.referredBy && byId(next.referredBy)) {
      around.push(next);
      if (next === contact) break;
    }
    if (around.length < 2 || around[around.length - 1] !== contact) continue;
    const range = readings.get(contact.file)!.referredByRange!;
    const [first, second, ...rest] = around.map((member) => member.name);
    const message = `Referrals go round in a loop: ${[`${first} was referred by ${second}`, ...rest.map((name) => `who was referred by ${name}`)].join(', ')}`;
    const hint = "One of them was met first, through nobody in this loop: fix or remove the `referred_by` in that person's note";
    diagnostics.push({ file: contact.file, line: range.line, column: range.column, endLine: range.endLine, endColumn: range.endColumn, severity: 'warning', rule: 'referral-loop', message, hint });
  }
  contacts.sort((a, b) => a.name.localeCompare(b.name) || a.file.localeCompare(b.file));
  const counts = Object.fromEntries(STAGES.map((stage) => [stage, contacts.filter((contact) => contact.stage === stage).length]));
  broken.sort((a, b) => a.id.localeCompare(b.id) || (a.file < b.file ? -1 : 1));
  // A link to a note that cannot be read is not a referral still to add.
  const unreadableIds = new Set(broken.map((note) => note.id));
  return { contacts, broken, diagnostics: diagnostics.sort(compareDiagnostics), graph: referralGraph(contacts, { unreadableIds }), agenda: agenda(contacts, { ...(context as ActionContext), unreadableIds }), counts };
}

describe('NoteIndex', () => {
  it('answers every query as a from-scratch computation would, after any sequence of changes and restores with kept contact orders', () => {
    fc.assert(
      fc.property(fc.array(operation, { minLength: 1, maxLength: 40 }), (operations) => {
        let index = new NoteIndex();
        const readings = new Map<string, NoteReading>();
        for (const step of operations) {
          if (step.kind === 'restore') index = restoredWithOrders(index, readings);
          else if (step.kind === 'set') readings.set(step.file, index.set(step.file, step.text));
          else if (step.kind === 'delete') expect(index.delete(step.file)).toBe(readings.delete(step.file));
          else {
            const context: AgendaContext = { now: new Date(step.now), timezone: 'America/New_York' };
            const expected = fromScratch(readings, context);
            expect(index.contacts()).toEqual(expected.contacts);
            if (step.first === 'graph') expect(index.referralGraph()).toEqual(expected.graph);
            if (step.first === 'agenda') expect(index.agenda(context)).toEqual(expected.agenda);
            // What every command asks first (a note's own rule), which needs no links worked out.
            if (step.first === 'merge-conflict') expect(index.diagnostics('merge-conflict')).toEqual(expected.diagnostics.filter((diagnostic) => diagnostic.rule === 'merge-conflict'));
            // One rule's diagnostics, worked out alone (asked first), then taken from the whole list.
            for (const rule of ['duplicate-id', 'unresolved-link', 'unrecorded-referral', 'referral-loop', 'yaml-syntax'] as const) expect(index.diagnostics(rule)).toEqual(expected.diagnostics.filter((diagnostic) => diagnostic.rule === rule));
            expect(index.diagnostics()).toEqual(expected.diagnostics);
            expect(index.diagnostics('duplicate-id')).toEqual(expected.diagnostics.filter((diagnostic) => diagnostic.rule === 'duplicate-id'));
            expect(index.brokenNotes()).toEqual(expected.broken);
            expect(index.referralGraph()).toEqual(expected.graph);
            expect(index.agenda(context)).toEqual(expected.agenda);
            expect(index.stageCounts()).toEqual(expected.counts);
            expect(index.contactCount()).toBe(expected.contacts.length);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('finds a contact whose file name has accents however they are encoded: typed composed, stored decomposed, and the other way round', () => {
    const index = new NoteIndex();
    // "café" as macOS stores a file name: "e" then U+0301, the combining acute accent.
    index.set('people/cafe\u0301.md', noteText(contactFields({ name: 'Café Owner', stage: 'identified' })));
    index.set('zoe\u0308.md', noteText(contactFields({ name: 'Zoë Park', stage: 'identified' })));
    expect(index.contact('caf\u00e9')?.name).toBe('Café Owner');
    expect(index.contact('people/caf\u00e9.md')?.name).toBe('Café Owner');
    expect(index.contact('zo\u00eb')?.name).toBe('Zoë Park');
    expect(index.contact('zoe\u0308')?.name).toBe('Zoë Park');
    expect(index.contact('zoe')).toBeUndefined();
  });

  it('names every contact an id two notes share, sorted by file, and one alone by its path', () => {
    const index = new NoteIndex();
    index.set('owen-park.md', noteText(contactFields({ name: 'Owen Park', stage: 'contacted' })));
    index.set('closed/owen-park.md', noteText(contactFields({ name: 'Owen Park (old)', stage: 'archived' })));
    index.set('owen-park-notes.md', '# Not a contact\n');
    expect(index.contactsNamed('owen-park').map((contact) => contact.file)).toEqual(['closed/owen-park.md', 'owen-park.md']);
    expect(index.contactsNamed('./closed/owen-park.md').map((contact) => contact.name)).toEqual(['Owen Park (old)']);
    expect(index.contactsNamed('owen-park.md').map((contact) => contact.name)).toEqual(['Owen Park']);
    expect(index.contactsNamed('owen-park-notes')).toEqual([]);
    expect(index.contactsNamed('nobody')).toEqual([]);
    expect(index.contact('owen-park')?.file).toBe('closed/owen-park.md');
  });

  it('warns on a contact named as a referral under another contact\'s Outcomes whose note has no referred_by, until it has', () => {
    const index = new NoteIndex();
    index.set('hana-ito.md', '---\ntype: contact\nname: Hana Ito\nstage: thanked\n---\n\n## Outcomes\n\n- Lead: the spring fellowship\n- Referral: [[kwame-mensah]], runs the buildings team\n');
    index.set('kwame-mensah.md', '---\ntype: contact\nname: Kwame Mensah\nstage: identified\nsource: linkedin\n---\n');
    expect(index.diagnostics('unrecorded-referral')).toEqual([
      {
        file: 'kwame-mensah.md',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        severity: 'warning',
        rule: 'unrecorded-referral',
        message: 'Hana Ito names Kwame Mensah as a referral (hana-ito.md:10), but this note has no `referred_by`: letters and the agenda take Kwame Mensah for a cold contact',
        // Found on LinkedIn: that source stays.
        hint: 'Add referred_by: "[[hana-ito]]" to the frontmatter',
        fix: { title: 'Add referred_by: "[[hana-ito]]"', fields: { referred_by: '[[hana-ito]]' } },
      },
    ]);
    index.set('kwame-mensah.md', '---\ntype: contact\nname: Kwame Mensah\nstage: identified\nsource: referral\nreferred_by: "[[hana-ito]]"\n---\n');
    expect(index.diagnostics('unrecorded-referral')).toEqual([]);
    // A lead or a bare link is no referral.
    index.set('kwame-mensah.md', '---\ntype: contact\nname: Kwame Mensah\nstage: identified\n---\n');
    index.set('hana-ito.md', '---\ntype: contact\nname: Hana Ito\nstage: thanked\n---\n\n## Outcomes\n\n- Lead: [[kwame-mensah]] is hiring\n- [[kwame-mensah]]\n');
    expect(index.diagnostics('unrecorded-referral')).toEqual([]);
  });

  it('warns at each referred_by of a loop of referrals, and stops once one link is fixed', () => {
    const index = new NoteIndex();
    const contact = (name: string, referrer?: string) => `---\ntype: contact\nname: ${name}\nstage: held\n${referrer ? `referred_by: "[[${referrer}]]"\n` : ''}---\n`;
    index.set('ana-ruiz.md', contact('Ana Ruiz', 'ben-osei'));
    index.set('ben-osei.md', contact('Ben Osei', 'cy-park'));
    index.set('cy-park.md', contact('Cy Park', 'ana-ruiz'));
    // Led into the loop from outside: not part of it, and not told.
    index.set('dee-lang.md', contact('Dee Lang', 'ana-ruiz'));
    // The range is the link's value, quotes included: `"[[ben-osei]]"` is columns 14 to 27.
    const loop = (file: string, endColumn: number, message: string): Diagnostic => ({
      file,
      line: 5,
      column: 14,
      endLine: 5,
      endColumn,
      severity: 'warning',
      rule: 'referral-loop',
      message,
      hint: "One of them was met first, through nobody in this loop: fix or remove the `referred_by` in that person's note",
    });
    expect(index.diagnostics('referral-loop')).toEqual([
      loop('ana-ruiz.md', 28, 'Referrals go round in a loop: Ana Ruiz was referred by Ben Osei, who was referred by Cy Park, who was referred by Ana Ruiz'),
      loop('ben-osei.md', 27, 'Referrals go round in a loop: Ben Osei was referred by Cy Park, who was referred by Ana Ruiz, who was referred by Ben Osei'),
      loop('cy-park.md', 28, 'Referrals go round in a loop: Cy Park was referred by Ana Ruiz, who was referred by Ben Osei, who was referred by Cy Park'),
    ]);
    expect(index.diagnostics().filter((diagnostic) => diagnostic.rule === 'referral-loop')).toHaveLength(3);
    // Two people naming each other.
    index.set('cy-park.md', contact('Cy Park', 'ben-osei'));
    expect(index.diagnostics('referral-loop').map((diagnostic) => diagnostic.message)).toEqual([
      'Referrals go round in a loop: Ben Osei was referred by Cy Park, who was referred by Ben Osei',
      'Referrals go round in a loop: Cy Park was referred by Ben Osei, who was referred by Cy Park',
    ]);
    index.set('cy-park.md', contact('Cy Park'));
    expect(index.diagnostics('referral-loop')).toEqual([]);
  });

  it('names the identified colleague in "try a second person" as that colleague comes, changes and goes', () => {
    const index = new NoteIndex();
    const context: AgendaContext = { now: new Date(Date.UTC(2026, 10, 23, 17)), timezone: 'America/New_York' };
    const secondPerson = () => index.agenda(context).filter((item) => item.kind === 'second-contact').map((item) => item.action);
    const identified = (name: string, organization = 'Acme Health') => noteText(contactFields({ name, organization }));
    index.set('hannah.md', noteText(contactFields({ name: 'Hannah Schultz', stage: 'contacted', history: [{ date: '2026-11-16', stage: 'contacted' }] })));
    expect(secondPerson()).toEqual(['No reply from Hannah Schultz yet: try a second person at Acme Health']);
    index.set('tom.md', identified('Tom Brien', ' acme health '));
    expect(secondPerson()).toEqual(['No reply from Hannah Schultz yet: try a second person at Acme Health, such as Tom Brien']);
    // The first by id: "ana" before "tom", whatever the order they came in.
    index.set('ana.md', identified('Ana Ruiz'));
    expect(secondPerson()).toEqual(['No reply from Hannah Schultz yet: try a second person at Acme Health, such as Ana Ruiz']);
    index.set('ana.md', identified('Ana Ruiz-Lopez'));
    expect(secondPerson()).toEqual(['No reply from Hannah Schultz yet: try a second person at Acme Health, such as Ana Ruiz-Lopez']);
    index.set('ana.md', identified('Ana Ruiz-Lopez', 'Beta Labs'));
    expect(secondPerson()).toEqual(['No reply from Hannah Schultz yet: try a second person at Acme Health, such as Tom Brien']);
    // Written to: a colleague under way, so no second person is asked for.
    index.set('tom.md', noteText(contactFields({ name: 'Tom Brien', stage: 'contacted', history: [{ date: '2026-11-20', stage: 'contacted' }] })));
    expect(secondPerson()).toEqual([]);
    expect(index.delete('tom.md')).toBe(true);
    expect(secondPerson()).toEqual(['No reply from Hannah Schultz yet: try a second person at Acme Health']);
  });

  it('lists every note that looks like a contact but cannot be read as one, and unreadable files, by id', () => {
    const index = new NoteIndex();
    index.set('zoe-lee.md', '---\ntype: contact\nname: Zoë Lee\nrole: Manager: DER Integration Analytics\nstage: identified\n---\n');
    index.set('ana-ruiz.md', '---\nname: Ana Ruiz\nstage: held\n---\n');
    index.set('ben-osei.md', noteText(contactFields({ name: 'Ben Osei' })));
    index.set('meeting-notes.md', '# Notes from the meetup\n');
    index.set('reading-list.md', '---\ntitle: [unclosed\n---\n');
    const unreadable: Diagnostic = { file: 'old/cy-park.md', line: 3, column: 7, endLine: 3, endColumn: 7, severity: 'error', rule: 'unreadable-file', message: 'The note cannot be read: it is not valid UTF-8 text', hint: 'Rapport leaves this file untouched' };
    index.setUnreadable('old/cy-park.md', unreadable);

    const broken = index.brokenNotes();
    expect(broken.map((note) => [note.id, note.file, note.problems.map((problem) => `${problem.line}:${problem.rule}`)])).toEqual([
      ['ana-ruiz', 'ana-ruiz.md', ['1:missing-type']],
      ['cy-park', 'old/cy-park.md', ['3:unreadable-file']],
      ['zoe-lee', 'zoe-lee.md', ['4:yaml-syntax']],
    ]);
    expect(index.contacts().map((contact) => contact.id)).toEqual(['ben-osei']);
    expect(index.diagnostics().map((problem) => problem.rule)).not.toContain('unreadable-file');

    index.set('zoe-lee.md', '---\ntype: contact\nname: Zoë Lee\nrole: "Manager: DER Integration Analytics"\nstage: identified\n---\n');
    index.set('old/cy-park.md', noteText(contactFields({ name: 'Cy Park' })));
    expect(index.delete('ana-ruiz.md')).toBe(true);
    expect(index.brokenNotes()).toEqual([]);
    expect(index.contacts().map((contact) => contact.id)).toEqual(['ben-osei', 'cy-park', 'zoe-lee']);

    index.setUnreadable('ben-osei.md', { ...unreadable, file: 'ben-osei.md' });
    expect(index.contacts().map((contact) => contact.id)).toEqual(['cy-park', 'zoe-lee']);
    expect(index.brokenNotes().map((note) => note.file)).toEqual(['ben-osei.md']);
    expect(index.delete('ben-osei.md')).toBe(true);
    expect(index.brokenNotes()).toEqual([]);
  });

  it('says that a referrer whose note cannot be read is unreadable, not missing, and says it no more once the note is fixed', () => {
    const index = new NoteIndex();
    const maya = '---\ntype: contact\nname: Maya Chen\n<<<<<<< HEAD\norganization: Brightline\n=======\norganization: Brightline Health Inc.\n>>>>>>> other\nstage: nurturing\n---\n';
    index.set('maya-chen.md', maya);
    index.set('sam-whitaker.md', '---\ntype: contact\nname: Sam Whitaker\nstage: identified\nreferred_by: "[[maya-chen]]"\n---\n');
    index.set('ben-osei.md', '---\ntype: contact\nname: Ben Osei\nstage: held\nreferred_by: "[[nobody-here]]"\n---\n');
    expect(index.diagnostics('unresolved-link').map(({ file, line, message, hint }) => ({ file, line, message, hint }))).toEqual([
      { file: 'ben-osei.md', line: 5, message: '`referred_by` points at "nobody-here", but no contact note has that id', hint: 'Create nobody-here.md or fix the link' },
      { file: 'sam-whitaker.md', line: 5, message: '`referred_by` points at "maya-chen", whose note maya-chen.md cannot be read', hint: 'Fix maya-chen.md (its own error says how); the link then resolves' },
    ]);
    index.set('maya-chen.md', '---\ntype: contact\nname: Maya Chen\norganization: Brightline Health Inc.\nstage: nurturing\n---\n');
    expect(index.diagnostics('unresolved-link').map((problem) => problem.file)).toEqual(['ben-osei.md']);
  });

  it('does not offer to add a referral whose note exists but cannot be read, and links it again once the note is fixed', () => {
    const index = new NoteIndex();
    const context = { now: new Date('2026-12-03T15:00:00Z'), timezone: 'America/New_York' };
    index.set('maya-chen.md', '---\ntype: contact\nname: Maya Chen\nstage: nurturing\nhistory:\n  - date: 2026-11-20\n    stage: nurturing\n---\n\n## Outcomes\n\n- Referral: [[sam-whitaker]]\n');
    const sam = (note: string) => `---\ntype: contact\nname: Sam Whitaker\nstage: identified\nreferred_by: "[[maya-chen]]"\nhistory:\n  - date: 2026-11-21\n    stage: identified\n    note: ${note}\n---\n`;
    const addReferral = () => index.agenda(context).filter((item) => item.kind === 'add-referral').map((item) => item.action);
    // Before the note is there, Sam is a referral still to add.
    expect(index.referralGraph().pending).toEqual([{ from: 'maya-chen', target: 'sam-whitaker' }]);
    expect(addReferral()).toEqual(['Add a note for [[sam-whitaker]] (referred by Maya Chen)']);
    // A colon in an unquoted value: the note is there, but cannot be read.
    index.set('sam-whitaker.md', sam('Update: now Dec 8'));
    expect(index.brokenNotes().map((note) => note.file)).toEqual(['sam-whitaker.md']);
    expect(index.referralGraph()).toEqual({ edges: [], pending: [] });
    expect(addReferral()).toEqual([]);
    index.set('sam-whitaker.md', sam('"Update: now Dec 8"'));
    expect(index.referralGraph()).toEqual({ edges: [{ from: 'maya-chen', to: 'sam-whitaker', sources: ['outcomes', 'referred_by'] }], pending: [] });
    expect(addReferral()).toEqual([]);
    // Deleted: a referral to add once more.
    index.delete('sam-whitaker.md');
    expect(index.referralGraph().pending).toEqual([{ from: 'maya-chen', target: 'sam-whitaker' }]);
    expect(addReferral()).toEqual(['Add a note for [[sam-whitaker]] (referred by Maya Chen)']);
  });

  it('turns a referral by name into one to link when a note with that name comes, and back when it goes', () => {
    const index = new NoteIndex();
    const context = { now: new Date('2026-12-03T15:00:00Z'), timezone: 'UTC' };
    index.set('jose-alvarez.md', '---\ntype: contact\nname: José Álvarez\nstage: held\n---\n\n## Outcomes\n\n- Referral: Priya Shah, transportation analyst\n');
    const referrals = () => index.agenda(context).filter((item) => item.kind === 'add-referral').map((item) => item.action);
    expect(referrals()).toEqual(['Add Priya Shah (referred by José Álvarez)']);
    index.set('priya-shah-mba-cscp.md', '---\ntype: contact\nname: "Priya Shah, MBA, CSCP"\nstage: identified\n---\n');
    expect(referrals()).toEqual(['Link Priya Shah (referred by José Álvarez) to [[priya-shah-mba-cscp]]']);
    // Renamed to someone else: nothing to link any more.
    index.set('priya-shah-mba-cscp.md', '---\ntype: contact\nname: Priya Raman\nstage: identified\n---\n');
    expect(referrals()).toEqual(['Add Priya Shah (referred by José Álvarez)']);
    index.set('priya-shah-mba-cscp.md', '---\ntype: contact\nname: priya shah\nstage: identified\n---\n');
    expect(referrals()).toEqual(['Link Priya Shah (referred by José Álvarez) to [[priya-shah-mba-cscp]]']);
    index.delete('priya-shah-mba-cscp.md');
    expect(referrals()).toEqual(['Add Priya Shah (referred by José Álvarez)']);
  });

  it("gives one rule's diagnostics, in file order, without the others", () => {
    const index = new NoteIndex();
    const conflicted = '---\ntype: contact\nname: Ana Ruiz\n<<<<<<< ours\nstage: held\n=======\nstage: thanked\n>>>>>>> theirs\n---\n';
    index.set('old/ana-ruiz.md', conflicted);
    index.set('ana-ruiz.md', conflicted);
    index.set('ben-osei.md', '---\ntype: contact\nname: Ben Osei\nstage: held\nreferred_by: "[[nobody-here]]"\n---\n');
    expect(index.diagnostics('merge-conflict').map((problem) => `${problem.file}:${problem.line}`)).toEqual(['ana-ruiz.md:4', 'old/ana-ruiz.md:4']);
    expect(index.diagnostics('unresolved-link').map((problem) => `${problem.file}:${problem.line}`)).toEqual(['ben-osei.md:5']);
    expect(index.diagnostics('invalid-date')).toEqual([]);
  });

  describe('contact orders kept by a cache', () => {
    // The same order in ICU's root collation and in en-US-POSIX (no LANG): an accent after none;
    // composed and decomposed ë the same, so the file decides: '.' before '2'.
    const names: [string, string][] = [['ana.md', 'Ana Ruiz'], ['ana2.md', 'Ána Ruiz'], ['ben.md', 'Ben Osei'], ['zoe.md', 'Zoë Lee'], ['zoe2.md', 'Zoe\u0308 Lee']];
    const indexOf = (entries: readonly [string, string][]) => {
      const index = new NoteIndex();
      for (const [file, name] of entries) index.set(file, noteText(contactFields({ name })));
      return index;
    };

    it("gives each contact's place in contacts(), names that collate the same sharing a group", () => {
      const orders = indexOf(names).contactOrders();
      expect(Object.fromEntries(orders)).toEqual({
        'ana.md': { position: 0, nameGroup: 0 },
        'ana2.md': { position: 1, nameGroup: 1 },
        'ben.md': { position: 2, nameGroup: 2 },
        'zoe.md': { position: 3, nameGroup: 3 },
        'zoe2.md': { position: 4, nameGroup: 3 },
      });
    });

    it('sorts by the kept orders, gives them again unchanged, and sorts a note set afterwards by the collator', () => {
      const first = indexOf(names);
      const restored = new NoteIndex();
      for (const file of first.files().reverse()) restored.setReading(file, first.reading(file)!, { version: first.version(file)! });
      restored.useContactOrders(first.contactOrders());
      expect(restored.contacts().map((contact) => contact.file)).toEqual(['ana.md', 'ana2.md', 'ben.md', 'zoe.md', 'zoe2.md']);
      expect(restored.contactOrders()).toEqual(first.contactOrders());

      // Orders that disagree with the collator are obeyed: the index did not ask it.
      const obeying = new NoteIndex();
      for (const file of first.files()) obeying.setReading(file, first.reading(file)!, { version: first.version(file)! });
      obeying.useContactOrders([['ben.md', { position: 0, nameGroup: 0 }], ['zoe.md', { position: 1, nameGroup: 1 }], ['ana.md', { position: 2, nameGroup: 2 }], ['zoe2.md', { position: 3, nameGroup: 3 }], ['ana2.md', { position: 4, nameGroup: 4 }]]);
      expect(obeying.contacts().map((contact) => contact.file)).toEqual(['ben.md', 'zoe.md', 'ana.md', 'zoe2.md', 'ana2.md']);

      // A note read again has no kept place: the collator puts it between the others.
      restored.set('ben.md', noteText(contactFields({ name: 'Aaron Berg' })));
      expect(restored.contacts().map((contact) => contact.name)).toEqual(['Aaron Berg', 'Ana Ruiz', 'Ána Ruiz', 'Zoë Lee', 'Zoe\u0308 Lee']);
      // Orders that are not whole numbers are not used.
      const refused = new NoteIndex();
      for (const file of first.files()) refused.setReading(file, first.reading(file)!, { version: first.version(file)! });
      refused.useContactOrders([['ben.md', { position: Number.NaN, nameGroup: 0 }], ['ana.md', { position: 0.5, nameGroup: 0 }]]);
      expect(refused.contacts().map((contact) => contact.file)).toEqual(['ana.md', 'ana2.md', 'ben.md', 'zoe.md', 'zoe2.md']);
    });

    it('orders agenda items of the same day by the kept name groups, then by action', () => {
      const context: AgendaContext = { now: new Date('2026-11-23T17:00:00Z'), timezone: 'America/New_York' };
      // Two contacts whose names collate the same (Zoë twice), both to write to the same day: their actions decide.
      const entries: [string, string][] = [['zoe.md', 'Zoë Lee'], ['zoe2.md', 'Zoe\u0308 Lee'], ['ana.md', 'Ana Ruiz']];
      const first = indexOf(entries);
      const restored = new NoteIndex();
      for (const file of first.files()) restored.setReading(file, first.reading(file)!, { version: first.version(file)! });
      restored.useContactOrders(first.contactOrders());
      expect(restored.agenda(context)).toEqual(first.agenda(context));
      expect(restored.agenda(context).map((item) => item.file)).toEqual(['ana.md', 'zoe.md', 'zoe2.md']);
    });
  });

  it('does not change arrays it has handed out', () => {
    const index = new NoteIndex();
    index.set('ana.md', noteText(contactFields({ name: 'Ana Ruiz' })));
    const contacts = index.contacts();
    const graph = index.referralGraph();
    index.set('ben.md', noteText(contactFields({ name: 'Ben Osei' }), '\n## Outcomes\n\n- [[ana]]\n'));
    expect(contacts.map((contact) => contact.id)).toEqual(['ana']);
    expect(graph.edges).toEqual([]);
    expect(index.contacts().map((contact) => contact.id)).toEqual(['ana', 'ben']);
    expect(index.referralGraph().edges).toEqual([{ from: 'ben', to: 'ana', sources: ['outcomes'] }]);
  });

  it('keeps no texts when it can read them back, and reads the current one', () => {
    const files = new Map([['ana.md', noteText(contactFields({ name: 'Ana Ruiz' }))]]);
    const index = new NoteIndex({ readText: (file) => files.get(file) });
    const indexed = files.get('ana.md')!;
    index.set('ana.md', indexed);
    files.set('ana.md', files.get('ana.md')! + '\nLater text.\n');
    expect(index.text('ana.md')).toContain('Later text.');
    expect(index.text('nobody.md')).toBeUndefined();
    expect(index.version('ana.md')).toBe(contentVersion(indexed));
  });
});
