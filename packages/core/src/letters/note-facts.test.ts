import { describe, expect, it } from 'vitest';
import { labelledLine, noteFact } from './note-facts.js';

const note = `---
type: contact
name: Ada
stage: held
---

# Ada

## Why this person

Impressed by: her talk on
  plain-language consent forms.

In the area: Philadelphia, December 14–16.

## Notes

- Path: nurse, then informatics.
- **Learned:** nurses chart in bursts between patients
  with gloves on.
- Next thing.
- Topic to follow up: consent forms — she is rewriting the lab's.

\`\`\`
Learned: not this one, it is in code
\`\`\`
`;

describe('note facts', () => {
  it('reads a labelled line in its section, joining continuation lines and dropping the final full stop', () => {
    expect(noteFact(note, 'impressed')).toBe('her talk on plain-language consent forms');
    expect(noteFact(note, 'visiting')).toBe('Philadelphia, December 14–16');
  });

  it('accepts a bold label inside a list item, and stops at the next item', () => {
    expect(noteFact(note, 'learned')).toBe('nurses chart in bursts between patients with gloves on');
  });

  it('keeps the text after a dash of a topic out of the letter', () => {
    expect(noteFact(note, 'topic')).toBe('consent forms');
  });

  it('accepts emphasis closed before the colon', () => {
    expect(labelledLine('## Notes\n\n**Learned**: teach-back is a usability test\n', 'Learned', 'Notes')).toBe('teach-back is a usability test');
  });

  it('falls back to the whole body, and ignores fenced code', () => {
    expect(labelledLine(note, 'Path', 'Why this person')).toBe('nurse, then informatics');
    expect(labelledLine('---\nname: x\n---\n```\nLearned: hidden\n```\n', 'Learned', 'Notes')).toBeUndefined();
  });

  it('treats an empty label as missing', () => {
    expect(labelledLine('## Notes\n\nLearned:\n', 'Learned', 'Notes')).toBeUndefined();
  });
});
