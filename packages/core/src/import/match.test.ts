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

  it('takes a name written with accents or typographic apostrophes for the same name, as rapport new does', () => {
    const written = new ContactMatcher([contact('zoe.md', { name: 'Zoë O\u2019Brien-Núñez', organization: 'Squarespace, Inc.' })]);
    expect(written.match({ name: "Zoe O'Brien-Nunez", organization: 'squarespace,  inc.', emails: [] })).toEqual({ file: 'zoe.md', by: 'name-organization' });
    expect(written.namesake({ name: "ZOË O'BRIEN-NÚÑEZ, PhD", organization: 'Etsy', emails: [] })).toBe('zoe.md');
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

  describe('by name and organization, only when nothing says it is someone else', () => {
    const maya = () =>
      new ContactMatcher([
        contact('maya-chen.md', { name: 'Maya Chen', organization: 'Brightline Health', email: 'maya.chen@example.com', linkedin: 'https://www.linkedin.com/in/maya-chen-research-example' }),
        contact('ana-silva.md', { name: 'Ana Silva', organization: undefined }),
      ]);

    it('turns down a namesake with another LinkedIn profile, or with addresses and none in common', () => {
      const matcher = maya();
      expect(matcher.match({ name: 'Maya Chen', organization: 'Brightline Health', emails: [], linkedin: 'https://www.linkedin.com/in/maya-chen-2' })).toBeUndefined();
      expect(matcher.match({ name: 'Maya Chen', organization: 'Brightline Health', emails: ['maya.chen2@brightline.example'] })).toBeUndefined();
      expect(matcher.match({ name: 'Maya Chen', organization: 'Brightline Health', emails: ['maya.chen2@brightline.example'], linkedin: 'https://www.linkedin.com/in/maya-chen-2' })).toBeUndefined();
    });

    it('takes a namesake that only one side has a profile or an address for, or whose profile is written differently', () => {
      const matcher = maya();
      expect(matcher.match({ name: 'Maya Chen', organization: 'Brightline Health', emails: [] })).toEqual({ file: 'maya-chen.md', by: 'name-organization' });
      expect(matcher.match({ name: 'Ana Silva', emails: ['ana@silva.example'], linkedin: 'https://www.linkedin.com/in/ana-3' })).toEqual({ file: 'ana-silva.md', by: 'name-organization' });
      expect(matcher.match({ name: 'maya chen', organization: 'BRIGHTLINE HEALTH', emails: [], linkedin: 'http://es.linkedin.com/in/Maya-Chen-Research-Example/' })).toEqual({ file: 'maya-chen.md', by: 'linkedin' });
    });

    it('counts only real profiles and addresses against a namesake, not other text in those fields', () => {
      const matcher = new ContactMatcher([contact('bo.md', { name: 'Bo Li', organization: 'Beta Labs', email: 'ask Dana', linkedin: 'none yet' })]);
      expect(matcher.match({ name: 'Bo Li', organization: 'Beta Labs', emails: ['bo@beta.example'], linkedin: 'https://www.linkedin.com/in/bo-li' })).toEqual({ file: 'bo.md', by: 'name-organization' });
    });

    it('applies the same rule to the people of the file: two namesakes with two profiles stay two, the same profile again is the first', () => {
      const matcher = new ContactMatcher();
      matcher.add('ana-silva.md', { name: 'Ana Silva', emails: [], linkedin: 'https://www.linkedin.com/in/ana-3' });
      expect(matcher.match({ name: 'Ana Silva', emails: [], linkedin: 'https://www.linkedin.com/in/ana-4' })).toBeUndefined();
      matcher.add('ana-silva-2.md', { name: 'Ana Silva', emails: [], linkedin: 'https://www.linkedin.com/in/ana-4' });
      expect(matcher.match({ name: 'Ana Silva', emails: [], linkedin: 'https://www.linkedin.com/in/ana-4/' })).toEqual({ file: 'ana-silva-2.md', by: 'linkedin' });
      expect(matcher.match({ name: 'Ana Silva', emails: [], linkedin: 'https://www.linkedin.com/in/ana-5' })).toBeUndefined();
      // With nothing against either, the first of the two.
      expect(matcher.match({ name: 'Ana Silva', emails: ['ana@silva.example'] })).toEqual({ file: 'ana-silva.md', by: 'name-organization' });
    });

    it('learns the keys of a person matched to a note, and holds them against the next namesake', () => {
      const matcher = maya();
      // Matched by name (nothing against it), so her address is now Ana's too.
      matcher.add('ana-silva.md', { name: 'Ana Silva', emails: ['ana@silva.example'] });
      expect(matcher.match({ name: 'Ana Silva', emails: ['other.ana@silva.example'] })).toBeUndefined();
      expect(matcher.match({ name: 'Ana Silva', emails: ['ANA@silva.example'] })).toEqual({ file: 'ana-silva.md', by: 'email' });
    });

    it('names, for a person it turned down, the namesake at the same organization first, else any namesake', () => {
      const matcher = new ContactMatcher([
        contact('maya-chen.md', { name: 'Maya Chen', organization: 'City Library' }),
        contact('maya-chen-brightline.md', { name: 'Maya Chen', organization: 'Brightline Health', linkedin: 'https://www.linkedin.com/in/maya-1' }),
      ]);
      expect(matcher.namesake({ name: 'Maya Chen', organization: 'Brightline Health', emails: [], linkedin: 'https://www.linkedin.com/in/maya-2' })).toBe('maya-chen-brightline.md');
      expect(matcher.namesake({ name: ' MAYA  CHEN ', organization: 'Other Co', emails: [] })).toBe('maya-chen.md');
      expect(matcher.namesake({ name: 'Maya Cheng', emails: [] })).toBeUndefined();
    });

    it('names as a namesake only a note of that name, not one that a person of another name was matched to', () => {
      const matcher = new ContactMatcher([contact('robert.md', { name: 'Robert Smith', organization: 'Acme', email: 'bob@acme.example' })]);
      matcher.add('robert.md', { name: 'Bob Smith', organization: 'Acme', emails: ['bob@acme.example'] });
      expect(matcher.namesake({ name: 'Bob Smith', organization: 'Acme', emails: ['bob@other.example'] })).toBeUndefined();
    });
  });
});
