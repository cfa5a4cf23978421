import { describe, expect, it } from 'vitest';
import { referralOffers } from '../outcomes/referral-offers.js';
import { historyIndent, snippetsAt } from './note-snippets.js';

describe('snippetsAt', () => {
  it('offers the history entry and the meeting in the frontmatter, the sections in the body', () => {
    expect(snippetsAt('frontmatter').map((snippet) => snippet.prefix)).toEqual(['rapport-history', 'rapport-meeting']);
    expect(snippetsAt('body').map((snippet) => snippet.prefix)).toEqual(['rapport-sections', 'rapport-questions', 'rapport-outcome']);
    expect(snippetsAt('new-note').map((snippet) => snippet.prefix)).toEqual(['rapport-contact']);
  });

  it('writes a history entry at the indentation of the list, the meeting at the top level', () => {
    const [history, meeting] = snippetsAt('frontmatter', '  ');
    expect(history!.text.split('\n')).toEqual([
      '  - date: $CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE',
      '    stage: ${1|identified,contacted,followed-up,scheduled,prepared,held,thanked,nurturing,declined,no-response,archived|}',
      '    via: ${2|email,linkedin,letter,phone,in-person,other|}',
      '    note: ${3:what happened}$0',
    ]);
    expect(meeting!.text.split('\n')[0]).toBe('meeting:');
    expect(snippetsAt('frontmatter', '').find((snippet) => snippet.prefix === 'rapport-history')!.text.split('\n')[1]).toBe('  stage: ${1|identified,contacted,followed-up,scheduled,prepared,held,thanked,nurturing,declined,no-response,archived|}');
  });
});

describe('the rapport-outcome snippet', () => {
  it('writes a referral by name, which the code lens offers to add as a contact', () => {
    const outcome = snippetsAt('body').find((snippet) => snippet.prefix === 'rapport-outcome')!;
    expect(outcome.text).toBe('- Referral: ${1:Full Name}, ${2:role at organization}$0');
    // As the user fills its two stops.
    const line = outcome.text.replace('${1:Full Name}', 'Grace Liu').replace('${2:role at organization}', 'research lead at Ardent').replace('$0', '');
    const note = ['---', 'type: contact', 'name: Ben Osei', 'stage: held', '---', '', '## Outcomes', '', line, ''].join('\n');
    expect(referralOffers('ben-osei.md', note).map((offer) => [offer.line, offer.title])).toEqual([[8, 'Add Grace Liu as a contact (referred by Ben Osei)']]);
  });
});

describe('historyIndent', () => {
  it('follows the entries above, whatever the line typed on', () => {
    const lines = ['type: contact', 'history:', '  - date: 2026-11-18', '    stage: identified', '    note: Found him'];
    expect(historyIndent(lines, 5)).toBe('  ');
    expect(historyIndent(['history:', '- date: 2026-11-18', '  stage: identified'], 3)).toBe('');
    expect(historyIndent(['name: Ann', 'history:'], 2)).toBe('  ');
  });
});
