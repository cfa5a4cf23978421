import { describe, expect, it } from 'vitest';
import { contactFields, noteText } from '../test-support/builders.js';
import { MemoryStore } from '../workspace/memory-store.js';
import { loadWorkspace } from '../workspace/workspace.js';
import { privateFieldFilter, withoutPrivate, withoutPrivateFields } from './privacy.js';

describe('privateFieldFilter', () => {
  const isPrivate = privateFieldFilter(['phone', 'meeting.link', ' ']);

  it('hides a listed field and everything under it, not its siblings or parents', () => {
    expect(isPrivate('phone')).toBe(true);
    expect(isPrivate('phone.work')).toBe(true);
    expect(isPrivate('meeting.link')).toBe(true);
    expect(isPrivate('meeting')).toBe(false);
    expect(isPrivate('meeting.at')).toBe(false);
    expect(isPrivate('phones')).toBe(false);
    expect(isPrivate('')).toBe(false);
  });

  it('reads a listed name with spaces around it as the name, and an empty one as nothing', () => {
    const spaced = privateFieldFilter([' phone ', '']);
    expect([spaced('phone'), spaced(''), spaced('email')]).toEqual([true, false, false]);
  });

  it('keeps empty values (null) as they are', () => {
    expect(withoutPrivate({ email: null, phone: '1', meeting: { place: null } }, privateFieldFilter(['phone']))).toEqual({ email: null, meeting: { place: null } });
  });

  it('removes private paths from data, inside lists too', () => {
    const hidden = privateFieldFilter(['history.note', 'email']);
    expect(withoutPrivate({ email: 'x', name: 'A', history: [{ date: 'd', note: 'secret' }] }, hidden)).toEqual({ name: 'A', history: [{ date: 'd' }] });
  });
});

describe('withoutPrivateFields', () => {
  const ana = async () => {
    const note = noteText(
      contactFields({
        name: 'Ana Ruiz',
        stage: 'scheduled',
        role: 'Analyst',
        phone: '+1 412 555 0100',
        tags: ['ux'],
        source: 'referral',
        referred_by: '[[bo]]',
        touch_every: 30,
        salary: 'none of your business',
        history: [{ date: '2026-11-02', stage: 'scheduled', note: 'met at the fair' }],
        meeting: { at: '2026-12-01T10:00', minutes: 30, format: 'video', place: 'Room 4', link: 'https://meet.example/ana' },
        next: { action: 'Ask about Bo', due: '2026-11-30' },
      }),
      '\n## Outcomes\n\n- Advice: write every week\n',
    );
    return (await loadWorkspace(new MemoryStore({ 'ana.md': note }))).index.contacts()[0]!;
  };

  it('leaves out every property read from a private field, as if the note did not have it', async () => {
    const contact = await ana();
    const shown = withoutPrivateFields(contact, privateFieldFilter(['organization', 'phone', 'tags', 'referred_by', 'touch_every', 'salary', 'history.note', 'meeting.link', 'next.due']));
    expect(shown).toEqual({
      id: 'ana',
      file: 'ana.md',
      name: 'Ana Ruiz',
      stage: 'scheduled',
      role: 'Analyst',
      source: 'referral',
      tags: [],
      history: [{ date: '2026-11-02', stage: 'scheduled' }],
      meeting: { at: '2026-12-01T10:00', minutes: 30, format: 'video', place: 'Room 4' },
      outcomeLinks: [],
      outcomes: contact.outcomes,
      fields: {
        type: 'contact',
        name: 'Ana Ruiz',
        stage: 'scheduled',
        history: [{ date: '2026-11-02', stage: 'scheduled' }],
        role: 'Analyst',
        source: 'referral',
        meeting: { at: '2026-12-01T10:00', minutes: 30, format: 'video', place: 'Room 4' },
        next: { action: 'Ask about Bo' },
      },
    });
    // The Markdown body is not frontmatter: `private:` does not reach it.
    expect(shown.outcomes.map((outcome) => outcome.text)).toEqual(['write every week']);
    // Nothing private: the contact itself.
    expect(withoutPrivateFields(contact, privateFieldFilter([]))).toBe(contact);
    expect(withoutPrivateFields(contact, privateFieldFilter(['', ' ']))).toBe(contact);
  });

  it('drops a meeting whose time, length or format is private, and the history when its dates or stages are', async () => {
    const contact = await ana();
    for (const field of ['meeting', 'meeting.at', 'meeting.minutes', 'meeting.format']) expect(withoutPrivateFields(contact, privateFieldFilter([field])), field).not.toHaveProperty('meeting');
    for (const field of ['history', 'history.date', 'history.stage']) expect(withoutPrivateFields(contact, privateFieldFilter([field])).history, field).toEqual([]);
    for (const field of ['next', 'next.action', 'next.due']) expect(withoutPrivateFields(contact, privateFieldFilter([field])), field).not.toHaveProperty('next');
  });
});
