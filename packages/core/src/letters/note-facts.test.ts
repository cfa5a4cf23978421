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
    with the operators on shift
`;
    expect(noteFact(wrapped, 'learned')).toBe('the team runs two forecasts a day at 6:00 and 14:00, and reviews them with the operators on shift');
  });

  it('ends a fact at an indented labelled line too: a private remark under a list item stays out', () => {
    const remark = `## Notes

- Learned: that a research plan shared a week ahead is what got her the contract role.
  Me: I should send her my plan draft. (private)
- Topic to follow up: the district's pilot
`;
    expect(noteFact(remark, 'learned')).toBe('that a research plan shared a week ahead is what got her the contract role');
    expect(noteFact(remark, 'topic')).toBe("the district's pilot");
  });
});

describe('note facts, as written', () => {
  it('takes the fact in its own section before the same label elsewhere in the body, never from the frontmatter', () => {
    const text = '---\ntype: contact\nname: Ada\nlearned: 2026-11-20\n---\n\n## Background\n\nLearned: from her blog, that she was a nurse\n\n## Notes\n\nLearned: nurses chart in bursts\n';
    expect(noteFact(text, 'learned')).toBe('nurses chart in bursts');
    expect(noteFact('---\ntype: contact\nname: Ada\nlearned: 2026-11-20\n---\n\n## Notes\n\nNothing yet.\n', 'learned')).toBeUndefined();
  });

  it('reads a label written in lower case or indented, and a line with Windows line endings', () => {
    expect(noteFact('## Notes\n\nlearned: teach-back is a usability test\n', 'learned')).toBe('teach-back is a usability test');
    expect(noteFact('## Notes\n\n   Learned: teach-back is a usability test\n', 'learned')).toBe('teach-back is a usability test');
    expect(noteFact('## Notes\r\n\r\nLearned: nurses chart\r\n  in bursts.\r\n\r\nMore.\r\n', 'learned')).toBe('nurses chart in bursts');
  });

  it('reads a fact on the last line of a note with no final line break', () => {
    expect(noteFact('## Notes\n\nLearned: nurses chart', 'learned')).toBe('nurses chart');
    expect(noteFact('## Notes\n\nLearned: nurses chart\nin bursts', 'learned')).toBe('nurses chart in bursts');
  });

  it('ends a fact at a line of spaces', () => {
    expect(noteFact('## Notes\n\nLearned: nurses chart in bursts\n   \nShe will send the survey.\n', 'learned')).toBe('nurses chart in bursts');
  });

  it('joins lines ending in a Markdown line break, with single spaces, and drops only a final full stop', () => {
    expect(noteFact('## Notes\n\nLearned: nurses  chart in bursts  \nwith gloves on.  \n', 'learned')).toBe('nurses chart in bursts with gloves on');
    expect(noteFact("## Notes\n\nLearned: St. Mary's runs the pilot.\n", 'learned')).toBe("St. Mary's runs the pilot");
    expect(noteFact('## Why this person\n\nImpressed by: your talk on consent...\n', 'impressed')).toBe('your talk on consent...');
  });

  it('keeps a dash in every fact but the topic', () => {
    expect(noteFact('## Notes\n\nLearned: nurses — not doctors — chart in bursts\n', 'learned')).toBe('nurses — not doctors — chart in bursts');
  });

  it('leaves a topic that holds only a private reminder out of the letter', () => {
    expect(noteFact('## Notes\n\nTopic to follow up: — ask about the salary band\n', 'topic')).toBeUndefined();
    expect(noteFact('## Notes\n\nTopic to follow up: -- ask about the salary band\n', 'topic')).toBeUndefined();
    expect(noteFact('## Notes\n\nTopic to follow up: consent forms –\n', 'topic')).toBe('consent forms');
  });

  it('leaves out an HTML comment, on the fact\'s line or the next, and struck-out text: the seeker\'s private remarks', () => {
    const lauren = "## Notes\n\nLearned: the contract-to-hire route works if you treat the contract like a research project,\nnot like a trial period. <!-- don't tell her I already applied to Nimbus -->\n";
    expect(noteFact(lauren, 'learned')).toBe('the contract-to-hire route works if you treat the contract like a research project, not like a trial period');
    expect(noteFact('## Notes\n\nLearned: audits come first\n<!-- he seemed\narrogant tbh -->\n', 'learned')).toBe('audits come first');
    expect(noteFact('## Notes\n\nLearned: audits come first <!-- never closed\n', 'learned')).toBe('audits come first');
    expect(noteFact('## Notes\n\nLearned: <!-- only a remark -->\n', 'learned')).toBeUndefined();
    expect(noteFact('## Notes\n\nLearned: audits ~~always~~ come first\n', 'learned')).toBe('audits come first');
  });

  it('leaves out a remark in parentheses that starts with "private", and a line under the fact that starts with "private:"', () => {
    const marcus = '## Notes\n\n- Learned: nurses on your units retire one old alert for every new one.\n  (private: he is leaving Mon Valley in March, do not mention)\n';
    expect(noteFact(marcus, 'learned')).toBe('nurses on your units retire one old alert for every new one');
    expect(noteFact('## Notes\n\nLearned: audits come first (Private) and then the pilots.\n', 'learned')).toBe('audits come first and then the pilots');
    expect(noteFact('## Notes\n\nLearned: audits come first (private: layoffs at Riverside in March\n', 'learned')).toBe('audits come first');
    expect(noteFact('## Notes\n\nLearned: audits come first,\nprivate: she wants out by spring\n', 'learned')).toBe('audits come first,');
    // Words that merely start alike, or a private remark that does not say so first, are kept as written.
    expect(noteFact('## Notes\n\nLearned: the (privately funded) clinics chart less\n', 'learned')).toBe('the (privately funded) clinics chart less');
    expect(noteFact('## Notes\n\nLearned: private practices chart less\n', 'learned')).toBe('private practices chart less');
  });

  it('says a wikilink as the name of the contact it links to, and leaves Markdown marks out', () => {
    const names: Record<string, string> = { 'maya-chen': 'Maya Chen' };
    const nameOf = (id: string) => names[id];
    const text = '## Notes\n\nLearned: **the big rocks**, as [[maya-chen]] calls them, and [[sam-ortiz|Sam]]\u2019s _weekly_ `standup` from [the guide](https://example.com/guide).\n';
    expect(noteFact(text, 'learned', nameOf)).toBe('the big rocks, as Maya Chen calls them, and Sam\u2019s weekly standup from the guide');
    // With no note for the link, its own text.
    expect(noteFact('## Notes\n\nLearned: ask [[dana-okafor]] first\n', 'learned', nameOf)).toBe('ask dana-okafor first');
    // Underscores and asterisks inside words are words.
    expect(noteFact('## Notes\n\nLearned: the snake_case_names and 2*3*4 stay\n', 'learned')).toBe('the snake_case_names and 2*3*4 stay');
  });

  it('finds a label holding characters that are special in a pattern', () => {
    expect(labelledLine('## Notes\n\nQ&A (day 2): the panel on consent\n', 'Q&A (day 2)', 'Notes')).toBe('the panel on consent');
  });
});
