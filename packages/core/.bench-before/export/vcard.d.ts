import type { Workspace } from '../workspace/workspace.js';
/**
 * The contacts as vCard 4.0 (RFC 6350), one card each, written by ical.js
 * (escaping and line folding included): FN and N from the name, ORG, TITLE
 * (role), EMAIL, TEL, URL (LinkedIn profile), NOTE with the interview stage,
 * CATEGORIES from the tags, and a UID from the contact id. Fields the config
 * lists as private are left out (the name never is: a card needs it).
 */
export declare function exportVCards(workspace: Workspace): string;
