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

  it('removes private paths from data, inside lists too', () => {
    const hidden = privateFieldFilter(['history.note', 'email']);
    expect(withoutPrivate({ email: 'x', name: 'A', history: [{ date: 'd', note: 'secret' }] }, hidden)).toEqual({ name: 'A', history: [{ date: 'd' }] });
  });
});
