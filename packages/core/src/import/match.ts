import type { Contact } from '../model/contact.js';
import { organizationKey, personNameKey, splitCredentials } from '../model/person-name.js';
import { isEmailAddress } from './candidate.js';

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

/**
 * A name as `personNameKey` keys it (case, spacing, accents and typographic
 * apostrophes aside), without the credentials after it ("Priya Shah, MBA" is
 * Priya Shah, as an import now names her).
 */
function nameKey(name: string): string {
  return personNameKey(splitCredentials(name).name);
}

/** Exact name plus organization, the name compared as `nameKey` compares names, the organization by `organizationKey`. */
function nameOrganizationKey(name: string, organization: string | undefined): string {
  return `${nameKey(name)}\u0000${organizationKey(organization ?? '')}`;
}

function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The profiles and addresses known for one note: its own, and those of the
 * rows of this import that were matched to it or created it. Only real ones
 * count (a `linkedin: ask Dana` says nothing about who the person is).
 */
interface Evidence {
  readonly profiles: Set<string>;
  readonly emails: Set<string>;
}

/**
 * Finds the note an imported person already has: by LinkedIn URL, then by
 * email (case-insensitive), then by exact name and organization — but a
 * name and organization only count when nothing says it is someone else: a
 * note and a person that both have a LinkedIn profile, none in common, or
 * both have email addresses, none in common, are two people. People matched
 * or created during an import are added with their keys, so a file that
 * lists someone twice makes one note, and two namesakes in one file make two.
 */
export class ContactMatcher {
  private readonly byLinkedIn = new Map<string, string>();
  private readonly byEmail = new Map<string, string>();
  /** Notes by name and organization, in the order they were added: namesakes at one organization are several. */
  private readonly byNameOrganization = new Map<string, Set<string>>();
  /** Notes by their own name (the first one added for the note), for `namesake`. */
  private readonly byName = new Map<string, Set<string>>();
  private readonly evidence = new Map<string, Evidence>();

  /**
   * `otherEmails` gives a note's addresses beyond its `email` (those an import
   * wrote under its *Notes*): asked only when a note's name and organization
   * match but its `email` is not the person's.
   */
  constructor(
    contacts: readonly Contact[] = [],
    private readonly otherEmails: (file: string) => readonly string[] = () => [],
  ) {
    for (const contact of contacts) this.add(contact.file, keysOf(contact));
  }

  /**
   * Remembers the keys of a note: its own when first added, then those of
   * each person matched to it. The first note to claim a LinkedIn URL or an
   * address keeps it.
   */
  add(file: string, keys: MatchKeys): void {
    let evidence = this.evidence.get(file);
    if (!evidence) {
      evidence = { profiles: new Set(), emails: new Set() };
      this.evidence.set(file, evidence);
      listUnder(this.byName, nameKey(keys.name), file);
    }
    const claim = (map: Map<string, string>, key: string) => {
      if (key !== '' && !map.has(key)) map.set(key, file);
    };
    if (keys.linkedin) {
      const profile = normalizeLinkedInUrl(keys.linkedin);
      claim(this.byLinkedIn, profile);
      if (isProfileKey(profile)) evidence.profiles.add(profile);
    }
    for (const email of keys.emails) {
      const address = emailKey(email);
      claim(this.byEmail, address);
      if (isEmailAddress(address)) evidence.emails.add(address);
    }
    listUnder(this.byNameOrganization, nameOrganizationKey(keys.name, keys.organization), file);
  }

  match(keys: MatchKeys): ContactMatch | undefined {
    const byLinkedIn = keys.linkedin ? this.byLinkedIn.get(normalizeLinkedInUrl(keys.linkedin)) : undefined;
    if (byLinkedIn) return { file: byLinkedIn, by: 'linkedin' };
    for (const email of keys.emails) {
      const file = this.byEmail.get(emailKey(email));
      if (file) return { file, by: 'email' };
    }
    const namesakes = this.byNameOrganization.get(nameOrganizationKey(keys.name, keys.organization));
    if (!namesakes) return undefined;
    const person = evidenceOf(keys);
    for (const file of namesakes) {
      const evidence = this.evidence.get(file)!;
      if (!contradicts(evidence, person)) return { file, by: 'name-organization' };
      // An address the note keeps under its Notes is one of its own: the same person.
      const others = this.otherEmails(file).map(emailKey);
      if (others.some((address) => person.emails.has(address))) return { file, by: 'email' };
    }
    return undefined;
  }

  /**
   * For a person `match` found no note for: a note of the same name, so the
   * user can check whether they are one person. One at the same
   * organization (which `match` turned down for another profile or address)
   * comes first.
   */
  namesake(keys: MatchKeys): string | undefined {
    const named = this.byName.get(nameKey(keys.name));
    if (!named) return undefined;
    const sameOrganization = this.byNameOrganization.get(nameOrganizationKey(keys.name, keys.organization));
    for (const file of named) if (sameOrganization?.has(file)) return file;
    return named.values().next().value;
  }
}

/** The real profile and addresses among a person's keys, normalized. */
function evidenceOf(keys: MatchKeys): Evidence {
  const profile = keys.linkedin ? normalizeLinkedInUrl(keys.linkedin) : undefined;
  return {
    profiles: new Set(profile !== undefined && isProfileKey(profile) ? [profile] : []),
    emails: new Set(keys.emails.map(emailKey).filter((address) => isEmailAddress(address))),
  };
}

/** Whether a note and a person are two people: both have a profile and none in common, or both have addresses and none in common. */
function contradicts(note: Evidence, person: Evidence): boolean {
  const disjoint = (a: Set<string>, b: Set<string>) => a.size > 0 && b.size > 0 && ![...b].some((key) => a.has(key));
  return disjoint(note.profiles, person.profiles) || disjoint(note.emails, person.emails);
}

/** A normalized URL that names a LinkedIn page, not some other text written in the field. */
function isProfileKey(key: string): boolean {
  return key.startsWith('linkedin.com/') && key.length > 'linkedin.com/'.length;
}

/** Adds `file` to the set under `key` (sets keep the order files were added in). */
function listUnder(map: Map<string, Set<string>>, key: string, file: string): void {
  const files = map.get(key);
  if (files) files.add(file);
  else map.set(key, new Set([file]));
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
