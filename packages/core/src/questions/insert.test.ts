import { describe, expect, it } from 'vitest';
import { readNote } from '../note/read-contact.js';
import { insertQuestions, newQuestions, questionCount, questionPlace } from './insert.js';

const WHO_ELSE = 'Who else would you recommend I talk to, and may I mention that you suggested them?';

const note = `---
type: contact
name: Ada   # keep this comment
stage: prepared
---

# Ada

## Questions

<!-- most important first -->

1. How did you get into this field?
2. Who else would you recommend I talk to?

## Notes

Nothing yet.
`;

describe('insertQuestions', () => {
  it('goes in before a closing "who else" question, which keeps its place and only changes number', () => {
    const result = insertQuestions(note, ['What does a typical week look like?', 'Which skills matter most?', WHO_ELSE]);
    expect(result).toBe(note.replace('2. Who else would you recommend I talk to?', '2. What does a typical week look like?\n3. Which skills matter most?\n4. Who else would you recommend I talk to?'));
  });

  it('appends after the list, numbered on, when the section does not end with "who else"', () => {
    const open = note.replace('2. Who else would you recommend I talk to?\n', '');
    expect(insertQuestions(open, ['Which skills matter most?', WHO_ELSE])).toBe(open.replace('1. How did you get into this field?\n', `1. How did you get into this field?\n2. Which skills matter most?\n3. ${WHO_ELSE}\n`));
  });

  it('skips questions already in the section, so inserting twice changes nothing', () => {
    const once = insertQuestions(note, ['Which skills matter most?']);
    expect(insertQuestions(once, ['which skills matter most', 'How did you get into this field?'])).toBe(once);
    expect(insertQuestions(note, [])).toBe(note);
    expect(newQuestions(once, ['Which skills matter most?', 'New one?', 'Who else should I meet?', 'New one?'])).toEqual(['New one?']);
  });

  it('counts the questions the section lists: none without the section or with only a comment in it', () => {
    expect(questionCount('---\ntype: contact\nname: Ada\nstage: scheduled\n---\n\n# Ada\n')).toBe(0);
    expect(questionCount('---\ntype: contact\nname: Ada\nstage: scheduled\n---\n\n## Questions\n\n<!-- to write -->\n\n## Notes\n\n- not a question\n')).toBe(0);
    expect(questionCount('---\ntype: contact\nname: Ada\nstage: scheduled\n---\n\n## Questions\n\n1. How did you start?\n2. What would you do again?\n\n## Notes\n')).toBe(2);
  });

  it('creates the section when the note has none, and keeps the frontmatter valid', () => {
    const bare = '---\ntype: contact\nname: Ada\nstage: identified\n---\n\n# Ada\n';
    const result = insertQuestions(bare, ['Which skills matter most?', WHO_ELSE]);
    expect(result).toBe(`${bare}\n## Questions\n\n1. Which skills matter most?\n2. ${WHO_ELSE}\n`);
    expect(readNote('ada.md', result).diagnostics).toEqual([]);
  });

  it('fills an empty section and follows a bullet list style', () => {
    const empty = '---\nname: Ada\n---\n## Questions\n\n## Notes\n';
    expect(insertQuestions(empty, ['One?', 'Two?'])).toBe('---\nname: Ada\n---\n## Questions\n\n1. One?\n2. Two?\n\n## Notes\n');
    const bullets = '## Questions\n\n- One?\n- Who else should I meet?\n';
    expect(insertQuestions(bullets, ['Two?'])).toBe('## Questions\n\n- One?\n- Two?\n- Who else should I meet?\n');
  });

  it('keeps CRLF line endings and a byte-order mark', () => {
    const crlf = `\uFEFF${note.replace(/\n/g, '\r\n')}`;
    const result = insertQuestions(crlf, ['Which skills matter most?']);
    expect(result).toBe(crlf.replace('2. Who else would you recommend I talk to?', '2. Which skills matter most?\r\n3. Who else would you recommend I talk to?'));
  });

  it('leaves a blank line between a paragraph and the new list', () => {
    const prose = '## Questions\n\nAsk about the pilot.\n';
    expect(insertQuestions(prose, ['One?'])).toBe('## Questions\n\nAsk about the pilot.\n\n1. One?\n');
  });
});

describe('where a question is written', () => {
  const note = ['---', 'type: contact', 'name: Ana Lima', 'stage: scheduled', '---', '', '# Ana Lima', '', '## Questions', '', '1. What does a typical week look like?', '2.  How did you move', '   into this role?', '- Who else should I talk to?', '', '## Notes', '', '1. What does a typical week look like?', ''].join('\n');

  it('is the line and column of its text in the Questions section, after the list marker', () => {
    expect(questionPlace(note, 'What does a typical week look like?')).toEqual({ line: 10, character: 3 });
    expect(questionPlace(note, 'How did you move into this role?')).toEqual({ line: 11, character: 4 });
    expect(questionPlace(note, 'Who else should I talk to?')).toEqual({ line: 13, character: 2 });
  });

  it('is the same after a byte-order mark and with CRLF line ends', () => {
    expect(questionPlace(`\uFEFF${note.replaceAll('\n', '\r\n')}`, 'Who else should I talk to?')).toEqual({ line: 13, character: 2 });
  });

  it('is undefined for a question the section does not hold', () => {
    expect(questionPlace(note, 'What would you do differently?')).toBeUndefined();
    expect(questionPlace('# Ana Lima\n', 'What does a typical week look like?')).toBeUndefined();
  });
});
