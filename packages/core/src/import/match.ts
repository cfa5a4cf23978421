import type { Contact } from '../model/contact.js';

/** Which key found an existing contact for an imported person. */
export type MatchKind = 'linkedin' | 'email' | 'name-organization';

export interface ContactMatch {
  readonly file: string;
  readonly by: MatchKind;
}

/** What a person is recognised by. */
export interface MatchKeys {
  readonly name: string;
  readonly organization?: string | undefined;
  readonly emails: readonly string[];
  readonly linkedin?: string | undefined;
}

/**
 * A LinkedIn profile URL reduced to what identifies the profile: no scheme,
 * no `www.` or country subdomain, no query, fragment or trailing slash, percent-escapes decoded,
 * lowercase (LinkedIn's profile paths are case-insensitive).
 */
export function normalizeLinkedInUrl(url: string): string {
  const text = url.trim();
  try {
    const parsed = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    // Country and mobile hosts (se.linkedin.com, m.linkedin.com) show the same profile.
    const host = parsed.hostname.toLowerCase().replace(/^www\./, '').replace(/^[a-z]{1,3}\.linkedin\.com$/, 'linkedin.com');
    return `${host}${safeDecode(parsed.pathname).replace(/\/+$/, '')}`.toLowerCase();
  } catch {
    return text.replace(/^[a-z]+:\/\//i, '').replace(/^www\./i, '').replace(/[?#].*$/, '').replace(/\/+$/, '').toLowerCase();
  }
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Exact name plus organization, ignoring case, spacing and Unicode composition. */
function nameKey(name: string, organization: string | undefined): string {
  const normal = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('en');
  return `${normal(name)}\u0000${normal(organization ?? '')}`;
}

/**
 * Finds the note an imported person already has: by LinkedIn URL, then by
 * email (case-insensitive), then by exact name and organization. People
 * created during an import are added, so a file that lists someone twice
 * makes one note.
 */
export class ContactMatcher {
  private readonly byLinkedIn = new Map<string, string>();
  private readonly byEmail = new Map<string, string>();
  private readonly byName = new Map<string, string>();

  constructor(contacts: readonly Contact[] = []) {
    for (const contact of contacts) this.add(contact.file, keysOf(contact));
  }

  /** Remembers the keys of a note (the first note to claim a key keeps it). */
  add(file: string, keys: MatchKeys): void {
    const claim = (map: Map<string, string>, key: string) => {
      if (!map.has(key)) map.set(key, file);
    };
    if (keys.linkedin) claim(this.byLinkedIn, normalizeLinkedInUrl(keys.linkedin));
    for (const email of keys.emails) claim(this.byEmail, email.trim().toLowerCase());
    claim(this.byName, nameKey(keys.name, keys.organization));
  }

  match(keys: MatchKeys): ContactMatch | undefined {
    const byLinkedIn = keys.linkedin ? this.byLinkedIn.get(normalizeLinkedInUrl(keys.linkedin)) : undefined;
    if (byLinkedIn) return { file: byLinkedIn, by: 'linkedin' };
    for (const email of keys.emails) {
      const file = this.byEmail.get(email.trim().toLowerCase());
      if (file) return { file, by: 'email' };
    }
    const byName = this.byName.get(nameKey(keys.name, keys.organization));
    return byName ? { file: byName, by: 'name-organization' } : undefined;
  }
}

/**
 * The keys of a note, from its raw fields too, so an address or URL the reader
 * rejected still matches. (The reader keeps any text organization as it is.)
 */
function keysOf(contact: Contact): MatchKeys {
  const raw = (key: string) => (typeof contact.fields[key] === 'string' ? (contact.fields[key] as string) : undefined);
  const email = contact.email ?? raw('email');
  return { name: contact.name, organization: contact.organization, emails: email ? [email] : [], linkedin: contact.linkedin ?? raw('linkedin') };
}
