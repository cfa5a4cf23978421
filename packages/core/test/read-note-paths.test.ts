import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MALFORMED_NOTES } from './malformed-corpus.js';
import { parseFastFrontmatter } from '../src/note/fast-frontmatter.js';
import { readNote, readNoteExact } from '../src/note/read-contact.js';
import { readLayout } from '../src/note/source.js';

/**
 * `readNote` reads most frontmatter with the fast reader and falls back to
 * `yaml` for the rest, or when a problem needs a position the fast reader
 * does not know. Property: the
 * reading — contact, diagnostics with their exact positions, the
 * `referred_by` range — is the same as reading every note through `yaml`.
 */

const EXAMPLES = fileURLToPath(new URL('../../../examples/job-search/', import.meta.url));

function exampleNotes(): [string, string][] {
  return readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .map((file) => [file.replace(/\\/g, '/'), readFileSync(join(EXAMPLES, file), 'utf8')]);
}

const stageValue = fc.constantFrom('identified', 'contacted', 'held', 'nurturing', 'no-response', 'interviewing', '3', '~', '"held"');
const dateValue = fc.constantFrom('2026-11-02', '2026-11-05', '"2026-10-30"', '2026-02-30', 'last tuesday', '2026-13-01');
const historyEntry = fc
  .record({ date: dateValue, stage: stageValue, via: fc.constantFrom('', 'email', 'pigeon'), note: fc.constantFrom('', 'Met at the fair', '"Said: call me"', '|\n      Two lines\n      of notes') })
  .map(({ date, stage, via, note }) => [`  - date: ${date}`, `    stage: ${stage}`, ...(via ? [`    via: ${via}`] : []), ...(note ? [`    note: ${note}`] : [])]);
const flowHistoryEntry = fc.record({ date: dateValue, stage: stageValue }).map(({ date, stage }) => [`  - {date: ${date}, stage: ${stage}}`]);

const optionalLine = (key: string, values: readonly string[]) => fc.option(fc.constantFrom(...values).map((value) => [`${key}: ${value}`]), { nil: [] as string[] });

const contactNote = fc
  .record({
    type: fc.constantFrom(['type: contact'], ['type: contact  # a contact'], ['type: company'], [] as string[]),
    name: fc.constantFrom(['name: Maya Chen'], ['name: "Zoë O\'Neil"'], ["name: 'Ana ''Ani'' Lee'"], ['name: 42'], ['name:'], [] as string[]),
    stage: fc.option(stageValue.map((value) => [`stage: ${value}`]), { nil: [] as string[] }),
    role: optionalLine('role', ['Staff Researcher — Platform', '42', 'true', '[a, b]']),
    email: optionalLine('email', ['maya@example.com', 'not-an-email', '"a@b"']),
    linkedin: optionalLine('linkedin', ['https://www.linkedin.com/in/maya', 'maya-chen']),
    source: optionalLine('source', ['referral', 'twitter', 'cold']),
    referred: optionalLine('referred_by', ['"[[dana-okafor]]"', "'[[dana-okafor|Dana]]'", '[[dana-okafor]]', 'dana', '"[[dana-okafor]]"  # intro', '""']),
    tags: fc.constantFrom([] as string[], ['tags: [ux, 2026]'], ['tags:', '  - ux', '  - health'], ['tags: ux'], ['tags: {a: 1}']),
    history: fc.oneof(fc.constant([] as string[]), fc.array(fc.oneof(historyEntry, flowHistoryEntry), { minLength: 1, maxLength: 4 }).map((entries) => ['history:', ...entries.flat()]), fc.constant(['history: yesterday'])),
    meeting: fc.constantFrom([] as string[], ['meeting:', '  at: "2026-11-25T08:30-05:00"', '  minutes: 30', '  format: video'], ['meeting:', '  at: 2026-11-25T25:61'], ['meeting: tomorrow']),
    next: fc.constantFrom([] as string[], ['next:', '  action: Call her', '  due: 2026-11-30'], ['next: call her'], ['next:', '  due: 2026-11-30']),
    touch: optionalLine('touch_every', ['30', '-5', 'often', '1e400']),
    extra: fc.constantFrom([] as string[], ['rating: 4.5'], ['custom: &a 1', 'copy: *a'], ['note: >', '  folded', '  text'], ['weird:\tvalue']),
    comments: fc.boolean(),
    crlf: fc.boolean(),
    bom: fc.boolean(),
    outcomes: fc.constantFrom('', '## Outcomes\n\n- Referral: [[priya-raman]]\n- `[[not-a-link]]`\n', '## Outcomes\n\n```\n[[in-code]]\n```\n- [[sam-whitaker|Sam]]\n'),
  })
  .map((note) => {
    const lines = [note.type, note.name, note.stage, note.role, note.email, note.linkedin, note.source, note.referred, note.tags, note.history, note.meeting, note.next, note.touch, note.extra].flatMap((part, index) => (note.comments && index % 3 === 0 ? ['# fields', ...part] : part));
    const eol = note.crlf ? '\r\n' : '\n';
    return (note.bom ? '\uFEFF' : '') + ['---', ...lines, '---', '', '# Maya', '', note.outcomes].join(eol).replace(/\n/g, eol === '\n' ? '\n' : '\r\n').replace(/\r\r\n/g, '\r\n');
  });

describe('readNote (fast path) and readNoteExact (yaml) agree', () => {
  it('on every generated contact note, problems and positions included', () => {
    fc.assert(
      fc.property(contactNote, (text) => {
        expect(readNote('people/maya-chen.md', text)).toStrictEqual(readNoteExact('people/maya-chen.md', text));
      }),
      { numRuns: 2000 },
    );
  });

  it('on every example note, all of which the fast reader reads', () => {
    const notes = exampleNotes();
    expect(notes.length).toBeGreaterThan(10);
    for (const [file, text] of notes) {
      expect(readNote(file, text)).toStrictEqual(readNoteExact(file, text));
      const block = readLayout(text).frontmatter;
      if (block) expect(parseFastFrontmatter(block.yaml), file).toBeDefined();
    }
  });

  it('on every malformed note', () => {
    for (const note of MALFORMED_NOTES) {
      // How many errors `yaml` reports once the stack overflows depends on how deep the stack already was.
      if (typeof note.content !== 'string' || note.name === 'deep-nesting') continue;
      expect(readNote(`${note.name}.md`, note.content)).toStrictEqual(readNoteExact(`${note.name}.md`, note.content));
    }
  });

  it('on a `...` inside the frontmatter and on frontmatter not where it is looked for', () => {
    const contact = 'type: contact\nname: Maya Chen\nstage: held\n';
    const texts = [
      `---\n${contact}...\nrole: Lead\n---\n`,
      `---\n${contact}...\n\n# Maya\n`,
      `---\n${contact}...\nShe said: yes\n`,
      `\n---\n${contact}---\n`,
      ` ---\n${contact}---\n`,
      `+++\n${contact}+++\n`,
      `---\r${contact.replace(/\n/g, '\r')}---\r`,
    ];
    for (const text of texts) expect(readNote('maya-chen.md', text), JSON.stringify(text)).toStrictEqual(readNoteExact('maya-chen.md', text));
    expect(readNote('maya-chen.md', texts[0]!).diagnostics.map((d) => [d.line, d.rule])).toEqual([[5, 'yaml-syntax']]);
  });

  it('places `referred_by` by line and column, for cross-note diagnostics without the text', () => {
    const text = '\uFEFF---\r\ntype: contact\r\nname: Maya Chen\r\nstage: identified\r\nreferred_by: "[[dana-okafor]]"  # intro\r\n---\r\n';
    expect(readNote('maya-chen.md', text).referredByRange).toMatchObject({ line: 5, column: 14, endLine: 5, endColumn: 31 });
  });
});
