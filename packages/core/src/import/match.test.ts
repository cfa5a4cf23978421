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

  it('reads a profile written without its scheme through the same rules: no country host', () => {
    expect(normalizeLinkedInUrl('es.linkedin.com/in/Ana-Ruiz/')).toBe('linkedin.com/in/ana-ruiz');
  });

  it('keeps a percent sign that starts no escape as it is', () => {
    expect(normalizeLinkedInUrl('https://es.linkedin.com/in/100%-ana?trk=1')).toBe('linkedin.com/in/100%-ana');
  });

  it('reduces text that is no URL at all (a space in the host) by the same steps, so two spellings of it still match', () => {
    expect(normalizeLinkedInUrl('HTTPS://www.LinkedIn .com/in/Ana-Ruiz//?trk=1#top')).toBe('linkedin .com/in/ana-ruiz');
    expect(normalizeLinkedInUrl('www.linkedin .com/in/ana-ruiz/')).toBe('linkedin .com/in/ana-ruiz');
    expect(normalizeLinkedInUrl('https://linkedin .com/in/www.ana')).toBe('linkedin .com/in/www.ana');
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

  it('lets the first note to claim an address keep it', () => {
    const twice = new ContactMatcher([
      contact('first.md', { name: 'Ana Ruiz', email: 'ana@acme.example' }),
      contact('second.md', { name: 'Ana R.', email: 'ANA@acme.example' }),
    ]);
    expect(twice.match({ name: 'X', emails: ['ana@acme.example'] })).toEqual({ file: 'first.md', by: 'email' });
  });

  it('ignores spaces and case around an address, on either side', () => {
    const fresh = new ContactMatcher();
    fresh.add('ana.md', { name: 'Ana', emails: [' Ana@Acme.example '] });
    expect(fresh.match({ name: 'X', emails: ['  ANA@acme.EXAMPLE'] })).toEqual({ file: 'ana.md', by: 'email' });
  });

  it('matches on an address or a URL the note reader rejected, as the note has it', () => {
    const rejected = new ContactMatcher([
      contact('ana.md', { name: 'Ana Ruiz', email: ' ana@acme.example ', linkedin: 'www.linkedin.com/in/ana-ruiz' }),
      contact('bo.md', { name: 'Bo Li', email: 42, linkedin: ['not', 'text'] }),
    ]);
    expect(rejected.match({ name: 'X', emails: ['ana@acme.example'] })).toEqual({ file: 'ana.md', by: 'email' });
    expect(rejected.match({ name: 'X', emails: [], linkedin: 'https://www.linkedin.com/in/ana-ruiz' })).toEqual({ file: 'ana.md', by: 'linkedin' });
    expect(rejected.match({ name: 'Bo Li', organization: 'Acme Health', emails: ['42'] })).toEqual({ file: 'bo.md', by: 'name-organization' });
  });
});
