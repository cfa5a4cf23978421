import { collate } from '../collation.js';
import type { Contact } from '../model/contact.js';
import { namesakeIdsAmong } from '../model/person-name.js';
import { nameFromLink, referralNamesakes } from '../outcomes/outcome-actions.js';

/** One "who led to whom" link between two contacts. */
export interface ReferralEdge {
  /** Id of the contact who made the introduction. */
  readonly from: string;
  /** Id of the contact they led to. */
  readonly to: string;
  /**
   * Where the link was written: the referred note's `referred_by`, the referrer's Outcomes (a `[[link]]`, or an open
   * `Referral:` naming the one contact so named, as the agenda's "Link … to [[id]]" finds it), or both.
   */
  readonly sources: readonly ('referred_by' | 'outcomes')[];
}

/**
 * Someone named in a contact's Outcomes who has no note yet: a referral
 * still to follow up. Either a `[[link]]` to an id no note has (`target` is
 * the id), or a `Referral:` outcome that names the person without a link
 * (`name` is set, and `target` is the name as written, or the id a link
 * elsewhere gives them: see `ReferralGraphOptions.contactSlug`).
 */
export interface PendingReferral {
  readonly from: string;
  /** Who the referral is to: referrals with the same `target` are one person. */
  readonly target: string;
  /** Set when the referral is a name written without a link, e.g. `- Referral: Renee Jackson`. */
  readonly name?: string;
}

/** Who referred whom: the edges between contacts that have notes, and the referrals to people who have none yet. */
export interface ReferralGraph {
  readonly edges: readonly ReferralEdge[];
  readonly pending: readonly PendingReferral[];
}

/** Options of `referralGraph`. */
export interface ReferralGraphOptions {
  /**
   * Ids that have a note even where it cannot be read as a contact (`NoteIndex.brokenNotes()`):
   * a link to one is neither an edge nor a referral still to add.
   */
  readonly unreadableIds?: ReadonlySet<string>;
  /**
   * The id a note for a name gets: `contactSlug`, synchronously (`await loadSlugger()`). Given, a
   * referral written as a name ("Renee Jackson") whose id a link to no note names (`[[renee-jackson]]`)
   * is that same person: its `target` becomes the id, and a referrer who wrote both has one referral,
   * the named one. Without it, the two are told apart by what was written. Default: none.
   */
  readonly contactSlug?: (name: string) => string;
}

/**
 * Builds the referral graph from `referred_by` links, Outcomes wikilinks and `Referral:` outcomes that name, in words,
 * the one contact so named (see `namedReferralLinksOf`).
 */
export function referralGraph(contacts: readonly Contact[], options: ReferralGraphOptions = {}): ReferralGraph {
  const ids = new Set(contacts.map((contact) => contact.id));
  const namesakes = namesakeIdsAmong(contacts);
  const unreadable = options.unreadableIds;
  const edges = new Map<string, { from: string; to: string; sources: Set<'referred_by' | 'outcomes'> }>();
  const add = (from: string, to: string, source: 'referred_by' | 'outcomes') => {
    if (from === to) return;
    const key = `${from}\u0000${to}`;
    const edge = edges.get(key) ?? { from, to, sources: new Set() };
    edge.sources.add(source);
    edges.set(key, edge);
  };
  const pending: PendingReferral[] = [];
  for (const contact of contacts) {
    if (contact.referredBy && ids.has(contact.referredBy)) add(contact.referredBy, contact.id, 'referred_by');
    const named = namedReferralLinksOf(contact, namesakes);
    for (const target of [...contact.outcomeLinks, ...named.values()]) if (ids.has(target)) add(contact.id, target, 'outcomes');
    pending.push(...pendingReferralsOf(contact, (id) => ids.has(id) || unreadable?.has(id) === true, named));
  }
  return {
    edges: [...edges.values()]
      .map((edge) => ({ from: edge.from, to: edge.to, sources: [...edge.sources].sort() }))
      .sort((a, b) => collate(a.from, b.from) || collate(a.to, b.to)),
    pending: options.contactSlug ? namedAsLinked(pending, options.contactSlug) : pending,
  };
}

/**
 * Pending referrals with each name that `contactSlug` turns into the id of a pending link
 * pointed at that id, so that a person written once as `[[renee-jackson]]` and once as
 * "Renee Jackson" is one person; then each referrer's referral to them once, in the place of
 * the first, the named one kept (it has the name as written, and adding it links its line).
 */
export function namedAsLinked(pending: readonly PendingReferral[], contactSlug: (name: string) => string): readonly PendingReferral[] {
  const linked = new Set(pending.filter((item) => item.name === undefined).map((item) => item.target));
  // Most folders have no such pair: the slugger runs only where a name could meet a link.
  if (linked.size === 0 || pending.every((item) => item.name === undefined)) return pending;
  const pointed = pending.map((item) => {
    const id = item.name === undefined ? undefined : contactSlug(item.name);
    return id !== undefined && linked.has(id) ? { ...item, target: id } : item;
  });
  return [...oncePer(pointed, (referral) => `${referral.from}\u0000${referral.target}`).values()];
}

/** One pending referral for each key, in the place of the first with it: the one with the name as written where there is one. */
function oncePer(pending: readonly PendingReferral[], key: (item: PendingReferral) => string): Map<string, PendingReferral> {
  const kept = new Map<string, PendingReferral>();
  for (const item of pending) {
    const first = kept.get(key(item));
    // A Map keeps a key's first place when its value is replaced.
    if (!first || (first.name === undefined && item.name !== undefined)) kept.set(key(item), item);
  }
  return kept;
}

/**
 * The contacts a contact's open `Referral:` outcomes name in words, by the name as written: where `namesakes` finds
 * one contact other than the referrer (none at another organization than the line names, as the agenda and
 * `addReferral` take it), the referral is to them, not to someone without a note. Two namesakes stay unresolved:
 * only the user knows which one is meant.
 */
export function namedReferralLinksOf(contact: Contact, namesakes: (name: string, organization?: string) => readonly string[]): Map<string, string> {
  const links = new Map<string, string>();
  for (const outcome of contact.outcomes) {
    if (outcome.kind !== 'referral' || outcome.name === undefined || outcome.done === true || links.has(outcome.name)) continue;
    const ids = referralNamesakes(contact, outcome.name, outcome, namesakes);
    if (ids.length === 1) links.set(outcome.name, ids[0]!);
  }
  return links;
}

/**
 * A contact's referrals that have no note yet, in the order written: links
 * to ids that do not `resolve`, then open `Referral:` outcomes naming
 * someone without a link (each name once), but for the names in
 * `namedLinks` (`namedReferralLinksOf`): those have a note.
 */
export function pendingReferralsOf(contact: Contact, resolves: (id: string) => boolean, namedLinks?: ReadonlyMap<string, string>): PendingReferral[] {
  const pending: PendingReferral[] = contact.outcomeLinks.filter((target) => !resolves(target)).map((target) => ({ from: contact.id, target }));
  const names = new Set<string>();
  for (const outcome of contact.outcomes) {
    // Ticked `[x]`: the user closed it without a note (as the agenda does).
    if (outcome.kind !== 'referral' || outcome.name === undefined || outcome.done === true || names.has(outcome.name) || namedLinks?.has(outcome.name)) continue;
    names.add(outcome.name);
    pending.push({ from: contact.id, target: outcome.name, name: outcome.name });
  }
  return pending;
}

/** The people a contact led to. */
export function referralsOf(graph: ReferralGraph, id: string): string[] {
  return graph.edges.filter((edge) => edge.from === id).map((edge) => edge.to);
}

/** The chain of introductions that led to a contact, oldest first (cycles are cut). */
export function referralChain(graph: ReferralGraph, id: string): string[] {
  const referrerOf = new Map<string, string>();
  for (const edge of graph.edges) if (!referrerOf.has(edge.to)) referrerOf.set(edge.to, edge.from);
  const chain: string[] = [];
  const seen = new Set([id]);
  for (let current = referrerOf.get(id); current && !seen.has(current); current = referrerOf.get(current)) {
    chain.unshift(current);
    seen.add(current);
  }
  return chain;
}

/** Contacts that start a chain: they led to someone and nobody led to them. */
export function referralRoots(graph: ReferralGraph): string[] {
  const referred = new Set(graph.edges.map((edge) => edge.to));
  return [...new Set(graph.edges.map((edge) => edge.from))].filter((id) => !referred.has(id)).sort();
}

function label(contacts: ReadonlyMap<string, Contact>, id: string): string {
  const contact = contacts.get(id);
  if (!contact) return id;
  return contact.organization ? `${contact.name} (${contact.organization})` : contact.name;
}

/**
 * A referral without a note, by the name the rest of Rapport gives them: as written, or the one
 * its link suggests (`[[renee-jackson]]` → "Renee Jackson (no note yet)"), never a bare id.
 */
function pendingLabel(item: PendingReferral): string {
  return `${item.name ?? nameFromLink(item.target)} (no note yet)`;
}

/** Each person a pending referral is to, once, by `target`: a referral with the name as written where there is one. */
function pendingPeople(graph: ReferralGraph): Map<string, PendingReferral> {
  return oncePer(graph.pending, (item) => item.target);
}

/** The graph as a Mermaid flowchart: each person declared once, then who led to whom; referrals without a note are dashed. */
export function referralsToMermaid(graph: ReferralGraph, contacts: readonly Contact[]): string {
  const byId = new Map(contacts.map((contact) => [contact.id, contact]));
  const text = (label: string) => `"${label.replace(/"/g, '#quot;')}"`;
  const ids = [...new Set(graph.edges.flatMap((edge) => [edge.from, edge.to]).concat(graph.pending.map((item) => item.from)))].sort();
  const lines = ['flowchart LR'];
  for (const id of ids) lines.push(`  ${mermaidId(id)}[${text(label(byId, id))}]`);
  const pending = pendingPeople(graph);
  for (const target of [...pending.keys()].sort()) lines.push(`  ${mermaidId(target)}[${text(pendingLabel(pending.get(target)!))}]:::pending`);
  for (const edge of graph.edges) lines.push(`  ${mermaidId(edge.from)} --> ${mermaidId(edge.to)}`);
  for (const item of graph.pending) lines.push(`  ${mermaidId(item.from)} -.-> ${mermaidId(item.target)}`);
  if (graph.pending.length > 0) lines.push('  classDef pending stroke-dasharray: 4 4');
  return lines.join('\n') + '\n';
}

/** The graph in Graphviz DOT. */
export function referralsToDot(graph: ReferralGraph, contacts: readonly Contact[]): string {
  const byId = new Map(contacts.map((contact) => [contact.id, contact]));
  const quote = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const ids = new Set(graph.edges.flatMap((edge) => [edge.from, edge.to]));
  const lines = ['digraph referrals {', '  rankdir=LR;', '  node [shape=box];'];
  for (const id of [...ids].sort()) lines.push(`  ${quote(id)} [label=${quote(label(byId, id))}];`);
  for (const edge of graph.edges) lines.push(`  ${quote(edge.from)} -> ${quote(edge.to)};`);
  const pending = pendingPeople(graph);
  for (const target of [...pending.keys()].sort()) lines.push(`  ${quote(target)} [label=${quote(pendingLabel(pending.get(target)!))}, style=dashed];`);
  for (const item of graph.pending) lines.push(`  ${quote(item.from)} -> ${quote(item.target)} [style=dashed];`);
  lines.push('}');
  return lines.join('\n') + '\n';
}

/** A Mermaid node id: letters, digits and `_`; a character beyond ASCII is spelt as its code point, so 李雷 and 王芳 stay two people. */
function mermaidId(id: string): string {
  return 'n_' + id.replace(/[^\x00-\x7f]/gu, (char) => `_u${char.codePointAt(0)!.toString(16)}_`).replace(/[^A-Za-z0-9_]/g, '_');
}
