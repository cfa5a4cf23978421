import { describe, expect, it } from 'vitest';
import { snippetsAt } from './note-snippets.js';

describe('snippetsAt', () => {
  it('offers the history entry and the meeting in the frontmatter, the sections in the body', () => {
    expect(snippetsAt('frontmatter', '  ').map((snippet) => snippet.prefix)).toEqual(['rapport-history', 'rapport-meeting']);
    expect(snippetsAt('body', '').map((snippet) => snippet.prefix)).toEqual(['rapport-sections', 'rapport-questions', 'rapport-outcome']);
    expect(snippetsAt('new-note', '').map((snippet) => snippet.prefix)).toEqual(['rapport-contact']);
  });

  it('indents a history entry typed at the start of a line as a list item under history', () => {
    expect(snippetsAt('frontmatter', '').find((snippet) => snippet.prefix === 'rapport-history')!.text.split('\n')).toEqual([
      '  - date: $CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE',
      '    stage: ${1|identified,contacted,followed-up,scheduled,prepared,held,thanked,nurturing,declined,no-response,archived|}',
      '    via: ${2|email,linkedin,letter,phone,in-person,other|}',
      '    note: ${3:what happened}$0',
    ]);
    expect(snippetsAt('frontmatter', '  ').find((snippet) => snippet.prefix === 'rapport-history')!.text.split('\n')[0]).toBe('- date: $CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE');
  });
});
