import { describe, expect, it } from 'vitest';
import { readNote } from '../note/read-contact.js';
import { contactFields, noteText } from '../test-support/builders.js';
import { ContactMatcher, normalizeLinkedInUrl } from './match.js';

describe('normalizeLinkedInUrl', () => {
  it.each([
    'https://www.linkedin.com/in/ana-ruiz',
    'http://linkedin.com/in/ana-ruiz/',
    'https://www.linkedin.com/in/Ana-Ruiz/?trk=public_profile',
    'www.linkedin.com/in/ana-ruiz',
    'https://es.linkedin.com/in/ana-ruiz#experience',
    '  https://m.linkedin.com/in/ana-ruiz//  ',
  ])('%s is the same profile', (url) => {
    expect(normalizeLinkedInUrl(url)).toBe('linkedin.com/in/ana-ruiz');
  });

  it('decodes percent-escapes so an encoded and a plain slug match', () => {
    expect(normalizeLinkedInUrl('https://www.linkedin.com/in/bj%C3%B6rn-a')).toBe(normalizeLinkedInUrl('https://linkedin.com/in/björn-a/'));
  });

  it('keeps different profiles apart', () => {
    expect(normalizeLinkedInUrl('https://www.linkedin.com/in/ana-ruiz')).not.toBe(normalizeLinkedInUrl('https://www.linkedin.com/in/ana-ruiz-2'));
  });
});

describe('ContactMatcher', () => {
  const contact = (file: string, fields: Record<string, unknown>) => readNote(file, noteText(contactFields(fields))).contact!;
  const matcher = new ContactMatcher([
    contact('ana.md', { name: 'Ana Ruiz', organization: 'Acme', linkedin: 'https://www.linkedin.com/in/ana-ruiz', email: 'ana@acme.example' }),
    contact('bo.md', { name: 'Bo Li', organization: 'Beta Labs', email: 'Bo.Li@Beta.example' }),
    contact('cy.md', { name: 'Cy Young', organization: undefined }),
  ]);

  it('matches by LinkedIn URL first, then email, then name and organization', () => {
    expect(matcher.match({ name: 'Someone Else', emails: ['bo.li@beta.example'], linkedin: 'http://linkedin.com/in/ana-ruiz/' })).toEqual({ file: 'ana.md', by: 'linkedin' });
    expect(matcher.match({ name: 'Someone Else', emails: ['other@x.example', 'BO.LI@beta.example'] })).toEqual({ file: 'bo.md', by: 'email' });
    expect(matcher.match({ name: ' bo  li ', organization: 'BETA LABS', emails: [] })).toEqual({ file: 'bo.md', by: 'name-organization' });
    expect(matcher.match({ name: 'Cy Young', emails: [] })).toEqual({ file: 'cy.md', by: 'name-organization' });
  });

  it('does not match a name at another organization', () => {
    expect(matcher.match({ name: 'Ana Ruiz', organization: 'Other Co', emails: [] })).toBeUndefined();
    expect(matcher.match({ name: 'Cy Young', organization: 'Acme', emails: [] })).toBeUndefined();
  });

  it('learns people added during an import', () => {
    const fresh = new ContactMatcher();
    fresh.add('new.md', { name: 'Dee Dee', emails: ['dee@x.example'], linkedin: 'https://www.linkedin.com/in/dee' });
    expect(fresh.match({ name: 'D', emails: [], linkedin: 'linkedin.com/in/dee/' })).toEqual({ file: 'new.md', by: 'linkedin' });
  });
});
