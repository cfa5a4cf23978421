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
export declare function normalizeLinkedInUrl(url: string): string;
/**
 * Finds the note an imported person already has: by LinkedIn URL, then by
 * email (case-insensitive), then by exact name and organization. People
 * created during an import are added, so a file that lists someone twice
 * makes one note.
 */
export declare class ContactMatcher {
    private readonly byLinkedIn;
    private readonly byEmail;
    private readonly byName;
    constructor(contacts?: readonly Contact[]);
    /** Remembers the keys of a note (the first note to claim a key keeps it). */
    add(file: string, keys: MatchKeys): void;
    match(keys: MatchKeys): ContactMatch | undefined;
}
