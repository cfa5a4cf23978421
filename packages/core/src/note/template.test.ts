import { describe, expect, it } from 'vitest';
import { contactNoteText } from './template.js';

/** The five sections of a new note, empty but for the "Impressed by:" label to complete: the end of every note below that gives no section text. */
const EMPTY_SECTIONS = ['## Why this person', '', 'Impressed by:', '', '## Research', '', '## Questions', '', '## Notes', '', '## Outcomes', ''];

describe('contactNoteText', () => {
  it('writes a name-only contact: identified today, the five sections empty but for the "Impressed by:" label letters quote', () => {
    expect(contactNoteText({ name: 'Maya Chen', date: '2026-11-23' })).toBe(
      [
        '---',
        'type: contact',
        'name: Maya Chen',
        'stage: identified',
        'history:',
        '  - date: 2026-11-23',
        '    stage: identified',
        '---',
        '',
        '# Maya Chen',
        '',
        ...EMPTY_SECTIONS,
      ].join('\n'),
    );
  });

  it('writes every known field in a fixed order, a referral as its source, and section text trimmed', () => {
    const text = contactNoteText({
      name: 'Sam Ortiz',
      organization: 'Brightline Health',
      role: 'Staff Researcher',
      referredBy: 'maya-chen',
      tags: ['ux', 'health'],
      date: '2026-11-24',
      stage: 'contacted',
      fields: { email: 'sam@example.com' },
      sections: { Research: '  Wrote the clinic study.  \n', Outcomes: '- [[lee-park]]' },
    });
    expect(text).toBe(
      [
        '---',
        'type: contact',
        'name: Sam Ortiz',
        'stage: contacted',
        'role: Staff Researcher',
        'organization: Brightline Health',
        'source: referral',
        'referred_by: "[[maya-chen]]"',
        'email: sam@example.com',
        'tags:',
        '  - ux',
        '  - health',
        'history:',
        '  - date: 2026-11-24',
        '    stage: contacted',
        '---',
        '',
        '# Sam Ortiz',
        '',
        '## Why this person',
        '',
        'Impressed by:',
        '',
        '## Research',
        '',
        'Wrote the clinic study.',
        '',
        '## Questions',
        '',
        '## Notes',
        '',
        '## Outcomes',
        '',
        '- [[lee-park]]',
        '',
      ].join('\n'),
    );
  });

  it('keeps a source given with a referral, and writes no empty role, organization, tags or blank section', () => {
    const text = contactNoteText({ name: 'Lee Park', role: '', organization: '', source: 'event', referredBy: 'maya-chen', tags: [], date: '2026-11-25', sections: { Notes: '   ' } });
    expect(text).toBe(
      [
        '---',
        'type: contact',
        'name: Lee Park',
        'stage: identified',
        'source: event',
        'referred_by: "[[maya-chen]]"',
        'history:',
        '  - date: 2026-11-25',
        '    stage: identified',
        '---',
        '',
        '# Lee Park',
        '',
        ...EMPTY_SECTIONS,
      ].join('\n'),
    );
    expect(contactNoteText({ name: 'Lee Park', source: 'alumni', date: '2026-11-25' })).toContain('stage: identified\nsource: alumni\nhistory:\n');
  });

  it('writes the text given for "Why this person" in place of the label', () => {
    const text = contactNoteText({ name: 'Lee Park', date: '2026-11-25', sections: { 'Why this person': 'Impressed by: her talk on sepsis alerts' } });
    expect(text).toContain('## Why this person\n\nImpressed by: her talk on sepsis alerts\n\n## Research\n\n## Questions');
  });

  it('quotes what YAML would misread, and never folds a long value', () => {
    const long = 'Director of Research and Strategy, Clinical Platforms and Data Infrastructure, North America';
    const text = contactNoteText({ name: 'True', role: long, organization: 'Acme: East', date: '2026-11-23', tags: ['2026'] });
    expect(text.split('\n').slice(1, 10)).toEqual([
      'type: contact',
      'name: "True"',
      'stage: identified',
      `role: ${long}`,
      'organization: "Acme: East"',
      'tags:',
      '  - "2026"',
      'history:',
      '  - date: 2026-11-23',
    ]);
  });
});
