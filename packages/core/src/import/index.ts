/**
 * `@rapport/core/import`: contacts from LinkedIn's Connections.csv and vCard files.
 * Its own entry so that the CSV and vCard parsers load only for the callers that import.
 */
export { parseLinkedInConnections } from './linkedin.js';
export { parseVCards } from './vcard.js';
export { importContacts } from './import-contacts.js';
export type { ImportOptions, ImportSummary, ImportedContact, SkippedImport } from './import-contacts.js';
export type { ImportCandidate, ImportReading, ImportFormat, ImportRule } from './candidate.js';
export { normalizeLinkedInUrl } from './match.js';
export type { MatchKind } from './match.js';
