import ICAL from 'ical.js';
import type { Contact } from '../model/contact.js';
import type { Workspace } from '../workspace/workspace.js';
import { contentLines } from './content-lines.js';
import { privateFieldFilter } from './privacy.js';
import { refuseUnsafeExport } from './refusal.js';
import { uidStems } from './uid.js';
import { nameParts } from '../model/person-name.js';

/**
 * The contacts as vCard 4.0 (RFC 6350), one card each, written by ical.js
 * (escaping and line folding included): FN and N from the name, ORG, TITLE
 * (role), EMAIL, TEL, URL (LinkedIn profile), NOTE with the interview stage,
 * CATEGORIES from the tags, and a UID from the contact id (or its path, for
 * a note whose id another note shares). Fields the config
 * lists as private are left out (the name never is: a card needs it).
 * Throws `ExportRefusedError` as `exportIcs` does.
 */
export function exportVCards(workspace: Workspace): string {
  refuseUnsafeExport(workspace);
  const isPrivate = privateFieldFilter(workspace.config.privateFields);
  const contacts = workspace.index.contacts();
  const uidStem = uidStems(contacts);
  return contacts.map((contact) => contactCard(contact, uidStem(contact), isPrivate)).join('');
}

function contactCard(contact: Contact, uidStem: string, isPrivate: (path: string) => boolean): string {
  const card = new ICAL.Component('vcard');
  const add = (name: string, value: string | string[], type?: string, parameters: Record<string, string> = {}) => {
    const property = new ICAL.Property(name, card);
    if (type) property.resetType(type);
    for (const [key, parameter] of Object.entries(parameters)) property.setParameter(key, parameter);
    if (Array.isArray(value) && name === 'categories') property.setValues(value);
    else property.setValue(value);
    card.addProperty(property);
  };
  const shown = <T>(field: string, value: T | undefined): value is T => value !== undefined && value !== '' && !isPrivate(field);

  add('version', '4.0');
  add('kind', 'individual');
  // UID is a URI unless said otherwise (RFC 6350 6.7.6), and `id@rapport` is not one. Set by hand: ical.js takes text as UID's default and would leave the parameter out.
  add('uid', `${uidStem}@rapport`, undefined, { value: 'text' });
  add('fn', contact.name);
  add('n', structuredName(contact.name, isPrivate('credentials') ? undefined : contact.fields.credentials));
  if (shown('organization', contact.organization)) add('org', [contact.organization]);
  if (shown('role', contact.role)) add('title', contact.role);
  if (shown('email', contact.email)) add('email', contact.email);
  if (shown('phone', contact.phone)) add('tel', contact.phone, 'text');
  if (shown('linkedin', contact.linkedin)) add('url', contact.linkedin, undefined, { type: 'linkedin' });
  if (!isPrivate('stage')) add('note', `Informational interview stage: ${contact.stage}`);
  if (contact.tags.length > 0 && !isPrivate('tags')) add('categories', [...contact.tags]);
  return contentLines(card);
}

/**
 * `N` (family; given; additional; prefixes; suffixes) from a full name as `nameParts` reads it: "Dr. Ana Lima" → Lima; Ana;; Dr.;
 * "O'Brien, Kate" → O'Brien; Kate; and "Priya Shah, MBA" with `credentials: CSCP` → Shah; Priya;;; MBA\, CSCP.
 */
function structuredName(name: string, credentials: unknown): string[] {
  const { title, given, family, suffix } = nameParts(name);
  const suffixes = [suffix, typeof credentials === 'string' ? credentials : undefined].flatMap((text) => text?.split(',').map((item) => item.trim()).filter((item) => item !== '') ?? []);
  return [family, given, '', title ?? '', [...new Set(suffixes)].join(', ')];
}
