import type { Contact } from '../model/contact.js';
import type { NextAction } from '../lifecycle/next-action.js';
import type { Outcome } from './outcomes.js';

/**
 * The agenda lines a contact's open outcomes call for: a dated lead, offer,
 * résumé review or other outcome to act on by its day, and a referral to
 * someone without a note yet to add as a contact — named in words, or linked
 * (`[[id]]`) to a note that `resolves` says is not there. An item ticked `[x]`
 * is closed; one without a date waits (a referral excepted: adding the person
 * is the next step whenever it comes). Without `resolves`, linked referrals
 * call for nothing.
 *
 * `namesakes` gives the ids of the contacts a name may already be about
 * (see `namesakes`): a referral to someone who has a note is to be linked to
 * it, not added again, and its action says so (with `existing` when there is
 * one such note).
 *
 * `contactSlug` gives the id a note for a name gets: a person the contact
 * names in words and also links to that id without a note is one line, the
 * named one (`addReferral` for the name links it and points the link at the
 * new note), due on the earliest day either line gives.
 */
export function outcomeActions(contact: Contact, resolves?: (id: string) => boolean, namesakes?: (name: string, organization?: string) => readonly string[], contactSlug?: (name: string) => string): NextAction[] {
  const actions: NextAction[] = [];
  const existing = (name: string, outcome: Outcome) => referralNamesakes(contact, name, outcome, namesakes);
  const namedIds = contactSlug && namesBesideMissingLinks(contact, resolves) ? namedReferralIds(contact, contactSlug) : undefined;
  const linkedDues = namedIds && resolves ? missingLinkDues(contact, resolves) : undefined;
  for (const outcome of contact.outcomes) {
    if (outcome.done === true) continue;
    if (outcome.kind === 'referral') {
      if (outcome.name !== undefined) {
        const ids = existing(outcome.name, outcome);
        const action = ids.length === 0 ? `Add ${outcome.name} (referred by ${contact.name})` : `Link ${outcome.name} (referred by ${contact.name}) to ${linkChoice(ids)}`;
        // The link's line this one stands for may be the one with the date.
        const due = linkedDues && contactSlug ? earlier(outcome.due, linkedDues.get(contactSlug(outcome.name)) ?? null) : outcome.due;
        actions.push({ contactId: contact.id, kind: 'add-referral', action, due, line: outcome.line, referral: outcome.name, ...(ids.length === 1 ? { existing: ids[0]! } : {}) });
      } else if (outcome.unnamed !== undefined) {
        // Their name is the next step: without it there is no one to write to yet. (Its first word is a determiner, "The …" mid-sentence is "the …".)
        actions.push({ contactId: contact.id, kind: 'ask-referral-name', action: `Ask ${contact.name} for the name of ${outcome.unnamed.charAt(0).toLowerCase()}${outcome.unnamed.slice(1)}`, due: outcome.due, line: outcome.line });
      } else if (outcome.contact !== undefined && resolves && !resolves(outcome.contact) && !namedIds?.has(outcome.contact)) {
        // Written as a link before the note: as much a next conversation as a name, so it stays on the agenda until the note exists.
        const name = nameFromLink(outcome.contact);
        const ids = existing(name, outcome);
        const action = ids.length === 0 ? `Add a note for [[${outcome.contact}]] (referred by ${contact.name})` : `Point [[${outcome.contact}]] (referred by ${contact.name}) at ${linkChoice(ids)}`;
        actions.push({ contactId: contact.id, kind: 'add-referral', action, due: outcome.due, line: outcome.line, referral: name, ...(ids.length === 1 ? { existing: ids[0]! } : {}) });
      }
    } else if (outcome.due !== null) {
      actions.push({ contactId: contact.id, kind: 'outcome', action: outcomeAction(outcome, contact), due: outcome.due, line: outcome.line });
    }
  }
  return actions;
}

/**
 * The ids of the contacts other than `contact` that a referral's name may be about (`namesakes`), sorted: the same
 * whichever order the notes were read in. A namesake at another organization than the line names is someone else.
 */
export function referralNamesakes(contact: Contact, name: string, outcome: Outcome, namesakes?: (name: string, organization?: string) => readonly string[]): string[] {
  return (namesakes?.(name, organizationNamed(outcome)) ?? []).filter((id) => id !== contact.id).sort();
}

/** Whether a contact's open referrals name someone in words beside a link to an id without a note: only then may the two be one person. */
export function namesBesideMissingLinks(contact: Contact, resolves?: (id: string) => boolean): boolean {
  const open = contact.outcomes.filter((outcome) => outcome.kind === 'referral' && outcome.done !== true);
  return resolves !== undefined && open.some((outcome) => outcome.name !== undefined) && open.some((outcome) => outcome.contact !== undefined && !resolves(outcome.contact));
}

/** The ids notes for the people a contact's open referrals name in words would get. */
function namedReferralIds(contact: Contact, contactSlug: (name: string) => string): Set<string> {
  const ids = new Set<string>();
  for (const outcome of contact.outcomes) if (outcome.kind === 'referral' && outcome.done !== true && outcome.name !== undefined) ids.add(contactSlug(outcome.name));
  return ids;
}

/** The earliest day each open referral linked to an id without a note gives (`null` when none of its lines has one). */
function missingLinkDues(contact: Contact, resolves: (id: string) => boolean): Map<string, string | null> {
  const dues = new Map<string, string | null>();
  for (const outcome of contact.outcomes) {
    if (outcome.kind !== 'referral' || outcome.done === true || outcome.contact === undefined || resolves(outcome.contact)) continue;
    dues.set(outcome.contact, earlier(dues.get(outcome.contact) ?? null, outcome.due));
  }
  return dues;
}

/** The earlier of two `YYYY-MM-DD` days, either of which may be missing. */
function earlier(one: string | null, other: string | null): string | null {
  if (one === null) return other;
  return other === null || one <= other ? one : other;
}

/**
 * Where a referral's line says the person works: the words after the last "at" that
 * follows the name ("Tom Becker, protection engineer at Duquesne Light"), if any.
 */
export function organizationNamed(outcome: Outcome): string | undefined {
  const after = afterPerson(outcome) ?? withoutDate(outcome.text);
  // The last "at" ("met at the meetup at the library" → "the library"), found in one pass: the agenda asks for every referral.
  let last: RegExpExecArray | undefined;
  for (const match of after.matchAll(/\bat\s+/g)) last = match;
  if (!last) return undefined;
  // Up to a comma, a bracket or a dash: "at Walgreens Health — say Kevin sent me" names Walgreens Health.
  const said = /^[^,;()\u2014\u2013]*?(?=\s+-\s|[,;()\u2014\u2013]|$)/.exec(after.slice(last.index + last[0].length))![0].trim();
  return said === '' ? undefined : withoutFullStop(said);
}

/** What a referral's line says the person does and where: what a note created for them starts with. */
export interface WorkNamed {
  readonly role?: string;
  readonly organization?: string;
}

// Words after the comma that say where you met or where they were, not where they work: "met at …", "formerly at …".
const NOT_WHERE_THEY_WORK = /^(met|meet|meeting|seen|saw|spoke|spoken|speaking|talked|presented|formerly|previously|once|used|was|were|ex)$/i;
// Words that start a phrase which is no role ("works at …", "her manager at …"): the organization stands, the role is left out.
const NO_ROLE = /^(works|working|work|is|now|currently|still|also|based|who|she|he|they|my|his|her|their|our|your)$/i;
// Small words inside an organization's name ("University of Pittsburgh", "Center for Digital Health").
const NAME_CONNECTOR = /^(of|for|and|&|the|de|du|des|la|le|on|in|y|und)$/i;
// Words that make someone a person's relation rather than a role: "Dana's manager", "a friend from Boston" name no employer.
const RELATION = /^(manager|boss|supervisor|colleague|co-?worker|friend|mentor|mentee|partner|wife|husband|spouse|sister|brother|mother|father|mom|dad|cousin|aunt|uncle|daughter|son|niece|nephew|teammate|roommate|neighbou?r|classmate|assistant|intern|report)s?$/i;
// "Carelink's", "Xcel Energy’s": a name written as the owner of what follows.
const POSSESSIVE = /['\u2019]s$/;
// What a referral is "on": "on Carelink's alerts team".
const TEAM = /^(team|group|unit|department)$/i;

/**
 * The role and organization a referral's line gives after the person's name,
 * to be written into the note created for them. Stricter than
 * `organizationNamed`, which only tells namesakes apart. The line reads
 * "<name>, " then one of
 *
 * - "[role] at <Organization>" ("research lead at Three Rivers Health", "at
 *   Northwind Labs"; also "<name> at <Organization>" with no comma), with one
 *   "at"; a role "on the <…> team" is the role alone;
 * - "[role] from <Organization>", "<role> with <Organization>" ("nurse
 *   informaticist with Carelink"), with one of them;
 * - "[the] [role] on <Organization>'s [<…>] team" ("the nurse informaticist on
 *   Carelink's alerts team");
 * - "<Organization>'s <role>" ("Carelink's nurse informaticist");
 * - "<role>, <Organization>" ("nurse informaticist, Carelink"), the role with a
 *   word in lower case or one acronym ("CMIO"), so that "Brightline Health,
 *   Pittsburgh" is not read as a role and a place.
 *
 * The organization is its words up to the first lower-case word that is not
 * part of a name ("Carelink Labs who thinks like a researcher" → "Carelink
 * Labs"), and must start with a capital or a digit ("at the library", "a
 * friend from college" name none). Nothing is read where the words may be
 * about something else: "met at …", "formerly at …", "my cousin from Ohio",
 * "Dana's manager" (a relation, not a role), a name `isPerson` says is
 * someone's written as an owner or after "with" ("on Dana's team"), or two
 * places ("with Dana from Carelink"); "works at …", "her manager at …" give
 * no role.
 *
 * @param isPerson Whether words name a person (someone in the notes), who is no organization; default: nobody.
 */
export function workNamed(outcome: Outcome, isPerson: (words: string) => boolean = () => false): WorkNamed {
  const after = afterPerson(outcome);
  if (after === undefined) return {};
  // "<name>, …", or "<name> at|from|on <Organization>" with no comma.
  const clause = /^\s*(?:,\s*|(?=(?:at|from|on)\s))([^;()[\]"\u201c\u201d\u2014\u2013]*?)(?=\s+-\s|[;()[\]"\u201c\u201d\u2014\u2013]|$)/.exec(after)?.[1];
  if (clause === undefined) return {};
  const readings = [workAt, workWith, workOnTeam, workOfOwner, workBeforeComma];
  for (const read of readings) {
    const work = read(clause, isPerson);
    if (work) return work;
  }
  return {};
}

/** A way a referral's line says where someone works: `undefined` when the clause is not written that way, `{}` when it is but names no employer for sure. */
type WorkReading = (clause: string, isPerson: (words: string) => boolean) => WorkNamed | undefined;

const workAt: WorkReading = (clause, isPerson) => {
  const ats = [...clause.matchAll(/(?:^|\s)at\s+/g)];
  if (ats.length === 0) return undefined;
  if (ats.length !== 1) return {};
  const at = ats[0]!;
  const role = roleWritten(clause.slice(0, at.index)).replace(/(?:^|\s+)on\s+the\s+(?:\S+\s+)*?(?:team|group|unit|department)$/i, '');
  const first = role.split(/\s+/)[0]!;
  if (NOT_WHERE_THEY_WORK.test(first)) return {};
  const where = clause.slice(at.index + at[0].length).split(',')[0]!;
  const organization = leadingOrganization(where);
  if (!organization || (organization.possessive && isPerson(organization.name))) return {};
  // "Dana's manager at UPMC": where they work, but a relation is no role.
  return { ...(role !== '' && isRole(role) ? { role } : {}), organization: ownName(organization, where) };
};

const workWith: WorkReading = (clause, isPerson) => {
  // Not "from": "a nurse from Ohio" names where they come from as often as where they work.
  const links = [...clause.matchAll(/(?:^|\s)(with)\s+/g)];
  if (links.length === 0) return undefined;
  // Two candidates ("with Dana from Carelink"): which one is where they work?
  if (links.length !== 1 || /(?:^|\s)from\s/.test(clause)) return {};
  const link = links[0]!;
  const role = roleWritten(clause.slice(0, link.index));
  // After "with" a person is as likely as an employer ("Grace Liu, with Dana"): only a role before it says it is work.
  if (role === '' || !isRole(role)) return {};
  const where = clause.slice(link.index + link[0].length).split(',')[0]!;
  const organization = leadingOrganization(where);
  if (!organization || isPerson(organization.name)) return {};
  return { ...(role === '' ? {} : { role }), organization: ownName(organization, where) };
};

const workOnTeam: WorkReading = (clause, isPerson) => {
  const on = /(?:^|\s)on\s+/.exec(clause);
  if (!on) return undefined;
  const onWhat = clause.slice(on.index + on[0].length).split(',')[0]!;
  const organization = leadingOrganization(onWhat);
  const team = onWhat.trim().split(/\s+/).slice(organization?.words ?? 0);
  if (!organization?.possessive || team.length === 0 || !TEAM.test(team.at(-1)!)) return undefined;
  const role = roleWritten(clause.slice(0, on.index));
  if (!isRole(role) || isPerson(organization.name)) return {};
  return { ...(role === '' ? {} : { role }), organization: organization.name };
};

const workOfOwner: WorkReading = (clause, isPerson) => {
  const part = clause.split(',')[0]!.trim();
  const organization = leadingOrganization(part);
  if (!organization?.possessive) return undefined;
  const words = part.split(/\s+/).slice(organization.words);
  // "Carelink's alerts team" names a team, no role.
  const role = TEAM.test(words.at(-1) ?? '') ? '' : words.join(' ');
  if (words.length === 0 || !isRole(role) || isPerson(organization.name)) return {};
  return { ...(role === '' ? {} : { role }), organization: organization.name };
};

const workBeforeComma: WorkReading = (clause, isPerson) => {
  const parts = clause.split(',').map((part) => part.trim());
  if (parts.length !== 2) return undefined;
  const role = roleWritten(parts[0]!);
  const organization = leadingOrganization(parts[1]!);
  // The whole of what follows the comma is the name: "Carelink" yes, "Carelink nurses" no.
  if (!organization || organization.possessive || organization.words !== parts[1]!.split(/\s+/).length) return undefined;
  // A lower-case word says a role; capitals alone may be credentials ("Tom Reyes, RN, BSN").
  const saysRole = /(?:^|\s)\p{Ll}/u.test(role);
  if (role === '' || !saysRole || !isRole(role) || isPerson(organization.name)) return {};
  return { role, organization: organization.name };
};

/** The words before "at", "from", "on": without an article, "the nurse informaticist" is a nurse informaticist. */
function roleWritten(words: string): string {
  return words.trim().replace(/^(a|an|the)\s+/i, '');
}

/** Words that may stand for a role (or none): not where they met, whose relation they are, or a pronoun. */
function isRole(role: string): boolean {
  const words = role.split(/\s+/);
  return !NOT_WHERE_THEY_WORK.test(words[0]!) && !NO_ROLE.test(words[0]!) && !words.some((word) => RELATION.test(word));
}

/**
 * The organization's name `text` starts with: its words up to the first
 * lower-case word that is not part of a name, or up to the one written as
 * an owner ("Xcel Energy's grid team" → "Xcel Energy"), with a capital or a
 * digit first; how many words it took.
 */
function leadingOrganization(text: string): { readonly name: string; readonly written: string; readonly possessive: boolean; readonly words: number } | undefined {
  const kept: string[] = [];
  for (const word of text.trim().split(/\s+/)) {
    if (/[\p{Lu}\p{N}]/u.test(word) || (kept.length > 0 && NAME_CONNECTOR.test(word))) kept.push(word);
    else break;
    if (POSSESSIVE.test(word)) break;
  }
  while (kept.length > 0 && NAME_CONNECTOR.test(kept.at(-1)!)) kept.pop();
  const possessive = kept.length > 0 && POSSESSIVE.test(kept.at(-1)!);
  const written = withoutFullStop(kept.join(' '));
  const name = possessive ? written.replace(POSSESSIVE, '') : written;
  // A name has a letter: "from 2019" says when, not where.
  return /\p{L}/u.test(name) ? { name, written, possessive, words: kept.length } : undefined;
}

/**
 * The organization's name as `text` (what follows "at" or "with") gives it: with its `'s` when
 * nothing follows, as the name's own ("at Children's", "at McDonald's"), without it when words do
 * ("at Carelink's clinic": the owner of what follows).
 */
function ownName(organization: NonNullable<ReturnType<typeof leadingOrganization>>, text: string): string {
  return organization.possessive && organization.words === text.trim().split(/\s+/).length ? organization.written : organization.name;
}

/** Abbreviations that end an organization's name with their own period: "Pecan Street Inc.", "Smith & Sons Co.". */
const ABBREVIATED = /(?:^|\s)(?:inc|co|corp|ltd|llc|plc|bros|assn|assoc|intl|univ|dept|jr|sr|st)\.$/i;

/** A name without the period that ends the sentence it closes, keeping one that ends an abbreviation ("Inc.", "L.L.C.", "U.S."). */
function withoutFullStop(name: string): string {
  if (!name.endsWith('.') || ABBREVIATED.test(name) || /(?:^|\s)(?:\p{L}\.){2,}$/u.test(name)) return name;
  return name.slice(0, -1);
}

/**
 * What a referral's line says after the person, its date left out: after
 * the name it starts with, or after the `[[link]]` it starts with; `undefined`
 * for a line that starts with neither.
 */
function afterPerson(outcome: Outcome): string | undefined {
  const text = withoutDate(outcome.text);
  const person = outcome.name !== undefined && text.startsWith(outcome.name) ? outcome.name.length : /^\[\[[^\]]*\]\]/.exec(text)?.[0].length;
  return person === undefined ? undefined : text.slice(person);
}

/** `[[a]]`, or `[[a]] or [[b]]` when several notes have the name. */
function linkChoice(ids: readonly string[]): string {
  return ids.map((id) => `[[${id}]]`).join(' or ');
}

function outcomeAction(outcome: Outcome, contact: Contact): string {
  const what = withoutDate(outcome.text);
  switch (outcome.kind) {
    case 'lead': {
      // In the words of its label ("the offer", "the internship"); `Lead: Xcel Energy: Data Analyst II` names the organization first.
      const lead = `the ${outcome.label.toLowerCase()}`;
      return what.includes(': ') ? `Follow up on ${lead} at ${what}` : `Follow up on ${lead}: ${what}`;
    }
    case 'resume-review':
      return `Send your résumé to ${contact.name} for review`;
    case 'job-shadow':
      return `Arrange the job shadow with ${contact.name}: ${what}`;
    default:
      return `${outcome.label} from ${contact.name}: ${what}`;
  }
}

/** The outcome's text without its date marker and trailing punctuation (an abbreviation keeps its period). */
function withoutDate(text: string): string {
  const said = text
    .replace(/\s*\(by[ \t]+[^)]*\)/gi, '')
    .replace(/,?\s*\bdue:[ \t]*[^\s,;)]*/gi, '')
    .replace(/[\s,;]+$/, '');
  return withoutFullStop(said).replace(/[\s,;]+$/, '').trim();
}

/**
 * The person's name a referral link suggests: the words of an id
 * (`renee-jackson` → "Renee Jackson", `maya` → "Maya", without the accents a
 * slug lost), or the link as written when it is not an id (`[[Priya Shah]]`).
 */
export function nameFromLink(target: string): string {
  if (!/^[a-z0-9]+([-_][a-z0-9]+)*$/.test(target)) return target;
  return target
    .split(/[-_]/)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
}
