import { describe, expect, it } from 'vitest';
import { detach, detachData } from './detached-string.js';

describe('detach', () => {
  it('keeps the characters of short and long cuts', () => {
    const text = `— ${'x'.repeat(100)} Staff Researcher — Platform ${'y'.repeat(100)}`;
    const at = text.indexOf('Staff');
    expect(detach(text.slice(at, at + 'Staff Researcher — Platform'.length))).toBe('Staff Researcher — Platform');
    expect(detach('held')).toBe('held');
    expect(detach('')).toBe('');
    const long = 'Director of Research — Clinical Platforms, North America';
    expect(detach(`  ${long}  `.slice(2, -2))).toBe('Director of Research — Clinical Platforms, North America');
    expect(detach('x'.repeat(32))).toBe('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx');
    expect(detach('y'.repeat(33))).toBe('yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy');
  });
});

describe('detachData', () => {
  it('copies strings everywhere in plain data and keeps everything else', () => {
    const data = { name: 'Maya Chen of Brightline', tags: ['design-systems-research', 3, null], nested: { note: 'a long enough note text' }, flag: true };
    expect(detachData(structuredClone(data))).toEqual(data);
  });

  it('leaves an own `__proto__` key a plain property', () => {
    const data = JSON.parse('{"__proto__": "a value long enough to copy", "b": 1}') as Record<string, unknown>;
    const detached = detachData(data) as Record<string, unknown>;
    expect(Object.getPrototypeOf(detached)).toBe(Object.prototype);
    expect(Object.keys(detached)).toEqual(['__proto__', 'b']);
    expect(Object.getOwnPropertyDescriptor(detached, '__proto__')?.value).toBe('a value long enough to copy');
  });

  it('visits shared and self-containing data once', () => {
    const list: unknown[] = ['an item long enough to copy'];
    list.push(list);
    const data = { a: list, b: list };
    expect(detachData(data)).toBe(data);
    expect(list[1]).toBe(list);
  });
});

describe('detachData leaves the data as editable as before', () => {
  it('keeps every field writable, enumerable and deletable', () => {
    const detached = detachData({ name: 'Maya Chen of Brightline Health', stage: 'held', tags: ['ux'] }) as Record<string, unknown>;
    detached.name = 'Maya Chen';
    delete detached.stage;
    expect(detached).toEqual({ name: 'Maya Chen', tags: ['ux'] });
    expect(Object.keys(detached)).toEqual(['name', 'tags']);
  });

  it('keeps lists the same length', () => {
    expect(detachData(['a', ['b', 'c'], 'a longer item than thirty-two characters'])).toStrictEqual(['a', ['b', 'c'], 'a longer item than thirty-two characters']);
  });
});
