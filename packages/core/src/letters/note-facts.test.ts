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

  it('ends a fact at the next labelled line, so the next fact or a private reminder never joins it (issue 12.5)', () => {
    const consecutive = `## Why this person

Impressed by: the load forecasting talk you gave, using SCADA data
In the area: Portland, December 17–18

## Notes

Learned: the forecasting team still reviews every model by hand
Topic to follow up: the new analytics group — she thinks they will create analyst jobs
Private: ask Sam about the salary band
`;
    expect(noteFact(consecutive, 'impressed')).toBe('the load forecasting talk you gave, using SCADA data');
    expect(noteFact(consecutive, 'visiting')).toBe('Portland, December 17–18');
    expect(noteFact(consecutive, 'learned')).toBe('the forecasting team still reviews every model by hand');
    expect(noteFact(consecutive, 'topic')).toBe('the new analytics group');
  });

  it('joins an unlabeled or indented line that follows a fact, even one with a colon inside', () => {
    const wrapped = `## Notes

Learned: the team runs two forecasts a day
at 6:00 and 14:00, and reviews them
    Note: indented lines are part of the fact
`;
    expect(noteFact(wrapped, 'learned')).toBe('the team runs two forecasts a day at 6:00 and 14:00, and reviews them Note: indented lines are part of the fact');
  });
});
