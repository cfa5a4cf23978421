/** Who led to whom, as plain data for the Referrals view (tested without VS Code). */
import { referralRoots, referralsOf, type BrokenNote, type Contact, type ReferralGraph } from '@rapport/core';
import { STAGE_ICONS } from '../contacts-tree/contact-view.js';

export type ReferralNodeView =
  | {
      readonly kind: 'contact';
      readonly contactId: string;
      readonly file: string;
      readonly label: string;
      readonly description: string;
      readonly icon: string;
      /** Ids from the root down to this contact, so a cycle cannot recurse forever. */
      readonly path: readonly string[];
    }
  | {
      readonly kind: 'pendingReferral';
      /** The name or id written in the Outcomes wikilink. */
      readonly target: string;
      /** Set for a `Referral: <name>` written without a link: adding the contact also links that line. */
      readonly name?: string;
      readonly referredBy: string;
      readonly path: readonly string[];
    }
  | {
      /** Linked from the Outcomes to a note that exists but cannot be read: to fix, not to create again. */
      readonly kind: 'unreadableReferral';
      readonly target: string;
      readonly file: string;
      readonly referredBy: string;
      readonly path: readonly string[];
    };

/** The note with this id that cannot be read as a contact, if there is one (`NoteIndex.brokenNote`). */
export type BrokenNoteLookup = (id: string) => BrokenNote | undefined;

/**
 * Contacts that start a chain of introductions, and those not referred by anyone who
 * have named people with no note yet (or whose note cannot be read): the view is where
 * those people are added.
 */
export function referralRootViews(graph: ReferralGraph, contacts: ReadonlyMap<string, Contact>, brokenNote: BrokenNoteLookup = () => undefined): ReferralNodeView[] {
  const referred = new Set(graph.edges.map((edge) => edge.to));
  const naming = [...graph.pending.map((entry) => entry.from), ...[...contacts.values()].filter((contact) => unreadableLinks(contact, brokenNote).length > 0).map((contact) => contact.id)];
  return [...new Set([...referralRoots(graph), ...naming.filter((id) => !referred.has(id))])]
    .map((id) => contactNode(id, contacts, []))
    .filter((node): node is ReferralNodeView => node !== undefined)
    .sort(byLabel);
}

/** The people a contact led to, then those whose note cannot be read, then the referrals that have no note yet. */
export function referralChildViews(graph: ReferralGraph, contacts: ReadonlyMap<string, Contact>, parent: ReferralNodeView, brokenNote: BrokenNoteLookup = () => undefined): ReferralNodeView[] {
  if (parent.kind !== 'contact') return [];
  const path = [...parent.path, parent.contactId];
  const referred = referralsOf(graph, parent.contactId)
    .filter((id) => !path.includes(id))
    .map((id) => contactNode(id, contacts, path))
    .filter((node): node is ReferralNodeView => node !== undefined)
    .sort(byLabel);
  const pending = graph.pending
    .filter((entry) => entry.from === parent.contactId)
    .map((entry): ReferralNodeView => ({ kind: 'pendingReferral', target: entry.target, referredBy: entry.from, path, ...(entry.name !== undefined ? { name: entry.name } : {}) }));
  const unreadable = unreadableLinks(contacts.get(parent.contactId), brokenNote).map(
    (note): ReferralNodeView => ({ kind: 'unreadableReferral', target: note.id, file: note.file, referredBy: parent.contactId, path }),
  );
  return [...referred, ...unreadable, ...pending];
}

/** Whether the contact with `id` (`contact`, for its links to notes that cannot be read) has anyone to show under it. */
export function hasReferrals(graph: ReferralGraph, id: string, contact?: Contact, brokenNote: BrokenNoteLookup = () => undefined): boolean {
  return graph.edges.some((edge) => edge.from === id) || graph.pending.some((entry) => entry.from === id) || unreadableLinks(contact, brokenNote).length > 0;
}

/** The notes a contact's Outcomes link to that cannot be read, each once, in the order linked. */
function unreadableLinks(contact: Contact | undefined, brokenNote: BrokenNoteLookup): BrokenNote[] {
  const found = new Map<string, BrokenNote>();
  for (const target of contact?.outcomeLinks ?? []) {
    const note = target === contact!.id || found.has(target) ? undefined : brokenNote(target);
    if (note) found.set(target, note);
  }
  return [...found.values()];
}

function contactNode(id: string, contacts: ReadonlyMap<string, Contact>, path: readonly string[]): ReferralNodeView | undefined {
  const contact = contacts.get(id);
  if (!contact) return undefined;
  return {
    kind: 'contact',
    contactId: id,
    file: contact.file,
    label: contact.name,
    description: [contact.organization, contact.stage].filter(Boolean).join(' · '),
    icon: STAGE_ICONS[contact.stage],
    path,
  };
}

function byLabel(a: ReferralNodeView, b: ReferralNodeView): number {
  return (a.kind === 'contact' ? a.label : a.target).localeCompare(b.kind === 'contact' ? b.label : b.target);
}
