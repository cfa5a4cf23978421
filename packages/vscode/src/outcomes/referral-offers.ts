/** Which `Referral: <name>` lines of a note offer "Add … as a contact", as plain data (tested without VS Code). */
import { namesakes, readNote, type Contact, type OutcomeKind } from '@rapport/core';
import { organizationNamed } from '@rapport/core/internal';

export interface ReferralOffer {
  /** The person as written on the line. */
  readonly name: string;
  /** Id of the note's contact, who made the referral. */
  readonly referrerId: string;
  readonly referrerName: string;
  /** 0-based line of the outcome's list marker, and the name's span (offsets in `text`). */
  readonly line: number;
  readonly nameStart: number;
  readonly nameEnd: number;
  readonly title: string;
}

/**
 * Open referrals in `text` (a note, as the editor holds it) that name
 * someone without a `[[link]]`. `text` is an editor's text: VS Code has
 * already dropped a byte-order mark, so offsets are the editor's. `contacts`
 * (the folder's) tells who has a note already: such a name is offered to be
 * linked to that note rather than added.
 */
export function referralOffers(file: string, text: string, outcomeLabels?: Readonly<Record<string, OutcomeKind>>, contacts: readonly Contact[] = []): ReferralOffer[] {
  const contact = readNote(file, text, outcomeLabels ? { outcomeLabels } : {}).contact;
  if (!contact) return [];
  const offers: ReferralOffer[] = [];
  for (const outcome of contact.outcomes) {
    if (outcome.kind !== 'referral' || outcome.done === true || outcome.name === undefined || outcome.nameStart === undefined || outcome.nameEnd === undefined) continue;
    offers.push({
      name: outcome.name,
      referrerId: contact.id,
      referrerName: contact.name,
      line: outcome.line - 1,
      nameStart: outcome.nameStart,
      nameEnd: outcome.nameEnd,
      title: offerTitle(outcome.name, contact, contacts, organizationNamed(outcome)),
    });
  }
  return offers;
}

/** "Add … as a contact", or "Link … to [[id]]" when the name has a note already (what `addReferral` then does). */
function offerTitle(name: string, referrer: Contact, contacts: readonly Contact[], organization: string | undefined): string {
  const ids = [...new Set(namesakes(contacts, name, organization).map((other) => other.id))].filter((id) => id !== referrer.id);
  if (ids.length === 1) return `Link ${name} to [[${ids[0]}]] (referred by ${referrer.name})`;
  return `Add ${name} as a contact (referred by ${referrer.name})`;
}

/**
 * Where the name goes on a referral line that has none yet (`- Referral: their informatics lead`):
 * after the list marker, a box and the label, so the name typed there comes before the words that
 * say who they are, which stay. 0 when the line is no labelled list item.
 */
export function referralNameColumn(line: string): number {
  return /^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?[^\s:[\]`][^:[\]`]{0,39}?:[ \t]*/.exec(line)?.[0].length ?? 0;
}
