import { describe, expect, it } from 'vitest';
import { advance } from '../src/lifecycle/advance.js';
import { appendToList, setField } from '../src/note/edit.js';
import { contactNoteText } from '../src/note/template.js';
import { readFrontmatterBack } from './support/read-back.js';

/**
 * Notes are YAML 1.2, but Python scripts (PyYAML) and js-yaml 3
 * read YAML 1.1, where a plain `On`, `yes`, `NO` or `1:20` is not a string.
 * Whatever Rapport writes must read back as the same strings there too, which
 * PyYAML checks here: a parser that shares no code with the writer.
 */
describe('values Rapport writes read back as strings in a YAML 1.1 reader', () => {
  it('a new note: an organization called On, a role of Yes, tags no and 1:20, and the day found stays a date', () => {
    const text = contactNoteText({ name: 'Nora Lind', organization: 'On', role: 'Yes', tags: ['no', '1:20', 'ux'], date: '2026-11-23' });
    expect(text.split('\n').slice(0, 13)).toEqual([
      '---',
      'type: contact',
      'name: Nora Lind',
      'stage: identified',
      'role: "Yes"',
      'organization: "On"',
      'tags:',
      '  - "no"',
      '  - "1:20"',
      '  - ux',
      'history:',
      '  - date: 2026-11-23',
      '    stage: identified',
    ]);
    expect(readFrontmatterBack(text)).toEqual({
      type: 'contact',
      name: 'Nora Lind',
      stage: 'identified',
      role: 'Yes',
      organization: 'On',
      tags: ['no', '1:20', 'ux'],
      history: [{ date: { date: '2026-11-23' }, stage: 'identified' }],
    });
  });

  it('edits of one field: set, a list item, a flow list item and a history note', () => {
    const before = ['---', 'type: contact', 'name: Ola Berg', 'stage: contacted', 'tags: [ux]', 'history:', '  - date: 2026-11-20', '    stage: contacted', '---', ''].join('\n');
    let text = setField(before, ['organization'], 'OFF');
    text = setField(text, ['phone_ext'], '0b101');
    text = setField(text, ['next'], { action: 'y', due: '2026-12-02' });
    text = appendToList(text, ['tags'], 'On');
    text = advance(text, 'scheduled', { date: '2026-11-24', note: 'yes', meeting: { at: '2026-12-01T10:00', place: 'NO' } });
    expect(text).toBe(
      [
        '---',
        'type: contact',
        'name: Ola Berg',
        'stage: scheduled',
        'tags: [ux, "On"]',
        'history:',
        '  - date: 2026-11-20',
        '    stage: contacted',
        '  - date: 2026-11-24',
        '    stage: scheduled',
        '    note: "yes"',
        'organization: "OFF"',
        'phone_ext: "0b101"',
        'next:',
        '  action: y',
        '  due: 2026-12-02',
        'meeting:',
        '  at: 2026-12-01T10:00',
        '  minutes: 30',
        '  format: video',
        '  place: "NO"',
        '---',
        '',
      ].join('\n'),
    );
    expect(readFrontmatterBack(text)).toEqual({
      type: 'contact',
      name: 'Ola Berg',
      stage: 'scheduled',
      tags: ['ux', 'On'],
      history: [
        { date: { date: '2026-11-20' }, stage: 'contacted' },
        { date: { date: '2026-11-24' }, stage: 'scheduled', note: 'yes' },
      ],
      organization: 'OFF',
      phone_ext: '0b101',
      next: { action: 'y', due: { date: '2026-12-02' } },
      meeting: { at: '2026-12-01T10:00', minutes: { number: 30 }, format: 'video', place: 'NO' },
    });
  });

  it('leaves what the user wrote as written: only the edited field changes', () => {
    const before = ['---', 'type: contact', 'name: Per Dahl', 'organization: On # the shoe company', 'remote: yes', 'stage: identified', '---', ''].join('\n');
    const after = setField(before, ['stage'], 'contacted');
    expect(after).toBe(before.replace('stage: identified', 'stage: contacted'));
    expect(readFrontmatterBack(after)).toMatchObject({ organization: { bool: true }, remote: { bool: true } });
  });
});
