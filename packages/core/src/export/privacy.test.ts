import { describe, expect, it } from 'vitest';
import { privateFieldFilter, withoutPrivate } from './privacy.js';

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
