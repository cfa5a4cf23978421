/** Places the referral graph on a grid for drawing: one column per generation of introductions. */
import { referralRoots, type Contact, type ReferralGraph } from '@rapport/core';

export interface LaidOutNode {
  /** Contact id, or `?target` for a referral that has no note yet. */
  readonly key: string;
  readonly label: string;
  readonly detail: string;
  readonly column: number;
  readonly row: number;
  readonly pending: boolean;
  readonly file?: string;
}

export interface LaidOutEdge {
  readonly from: string;
  readonly to: string;
}

export interface GraphLayout {
  readonly nodes: readonly LaidOutNode[];
  readonly edges: readonly LaidOutEdge[];
  readonly columns: number;
  readonly rows: number;
}

/**
 * Depth-first from each root: a contact sits one column right of whoever
 * introduced them, and each subtree takes consecutive rows, so chains read
 * left to right. Contacts in a cycle with no root are started from their
 * alphabetically first member.
 */
export function layoutReferrals(graph: ReferralGraph, contacts: ReadonlyMap<string, Contact>): GraphLayout {
  const children = new Map<string, string[]>();
  for (const edge of graph.edges) children.set(edge.from, [...(children.get(edge.from) ?? []), edge.to]);
  const nodes: LaidOutNode[] = [];
  const edges: LaidOutEdge[] = [];
  const placed = new Set<string>();
  let row = 0;
  let columns = 0;

  const place = (id: string, column: number): void => {
    placed.add(id);
    const contact = contacts.get(id);
    columns = Math.max(columns, column + 1);
    nodes.push({
      key: id,
      label: contact?.name ?? id,
      detail: [contact?.organization, contact?.stage].filter(Boolean).join(' · '),
      column,
      row: row++,
      pending: false,
      ...(contact ? { file: contact.file } : {}),
    });
    const next = (children.get(id) ?? []).sort((a, b) => (contacts.get(a)?.name ?? a).localeCompare(contacts.get(b)?.name ?? b));
    for (const child of next) {
      edges.push({ from: id, to: child });
      if (!placed.has(child)) place(child, column + 1);
    }
    for (const pending of graph.pending.filter((entry) => entry.from === id)) {
      const key = `?${pending.target}`;
      edges.push({ from: id, to: key });
      if (placed.has(key)) continue;
      placed.add(key);
      columns = Math.max(columns, column + 2);
      nodes.push({ key, label: nameOfId(pending.target), detail: `no note yet (${pending.target})`, column: column + 1, row: row++, pending: true });
    }
  };

  for (const root of referralRoots(graph)) if (!placed.has(root)) place(root, 0);
  // Cycles have no root, and a contact whose referrals all lack notes has no edge: start those too.
  const inCycles = [...new Set([...graph.edges.map((edge) => edge.from), ...graph.pending.map((entry) => entry.from)])].filter((id) => !placed.has(id)).sort();
  for (const id of inCycles) if (!placed.has(id)) place(id, 0);
  return { nodes, edges, columns, rows: row };
}

/** A referral without a note is named from its link: `renee-jackson` → "Renee Jackson"; any other text as written. */
export function nameOfId(target: string): string {
  return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(target) ? target.split('-').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ') : target;
}
