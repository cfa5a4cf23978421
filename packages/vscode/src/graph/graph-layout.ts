/**
 * Places the referral graph for drawing with dagre (a layered graph layout):
 * each generation of introductions is one column, left to right, and dagre
 * orders the rows so that edges cross as little as it can.
 */
import { graphlib, layout as dagreLayout } from '@dagrejs/dagre';
import { nameFromLink, type Contact, type ReferralGraph } from '@rapport/core';

export const NODE_WIDTH = 230;
export const NODE_HEIGHT = 50;
const COLUMN_GAP = 60;
const ROW_GAP = 14;
const MARGIN = 16;

export interface LaidOutNode {
  /** Contact id, or `?target` for a referral that has no note yet. */
  readonly key: string;
  readonly label: string;
  readonly detail: string;
  /** Top-left corner and size, in the drawing's units. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly pending: boolean;
  readonly file?: string;
}

export interface LaidOutEdge {
  readonly from: string;
  readonly to: string;
  /** The route from the middle of the referrer's right side to the middle of the referred one's left side; bends between. */
  readonly points: readonly { readonly x: number; readonly y: number }[];
}

export interface GraphLayout {
  readonly nodes: readonly LaidOutNode[];
  readonly edges: readonly LaidOutEdge[];
  readonly width: number;
  readonly height: number;
}

interface NodeInput {
  readonly key: string;
  readonly label: string;
  readonly detail: string;
  readonly pending: boolean;
  readonly file?: string;
}

/**
 * Everyone who referred someone or was referred, and each referral without a
 * note yet as a node of its own (`?target`), laid out by dagre. Nodes come
 * back sorted by name, so the order does not depend on dagre's internals.
 */
export function layoutReferrals(graph: ReferralGraph, contacts: ReadonlyMap<string, Contact>): GraphLayout {
  const inputs = new Map<string, NodeInput>();
  const contactNode = (id: string) => {
    if (inputs.has(id)) return;
    const contact = contacts.get(id);
    inputs.set(id, {
      key: id,
      label: contact?.name ?? id,
      detail: [contact?.organization, contact?.stage].filter(Boolean).join(' · '),
      pending: false,
      ...(contact ? { file: contact.file } : {}),
    });
  };
  const links: { from: string; to: string }[] = [];
  for (const edge of graph.edges) {
    contactNode(edge.from);
    contactNode(edge.to);
    links.push({ from: edge.from, to: edge.to });
  }
  // Labelled by a name as written where one referral has it: "José Núñez" rather than the link's "Jose Nunez".
  const named = new Set<string>();
  for (const pending of graph.pending) {
    contactNode(pending.from);
    const key = `?${pending.target}`;
    if (!inputs.has(key) || (pending.name !== undefined && !named.has(key))) {
      const label = pending.name ?? nameFromLink(pending.target);
      inputs.set(key, { key, label, detail: pending.target === label ? 'no note yet' : `no note yet (${pending.target})`, pending: true });
      if (pending.name !== undefined) named.add(key);
    }
    links.push({ from: pending.from, to: key });
  }
  if (inputs.size === 0) return { nodes: [], edges: [], width: 0, height: 0 };

  const g = new graphlib.Graph({ multigraph: false });
  g.setGraph({ rankdir: 'LR', nodesep: ROW_GAP, ranksep: COLUMN_GAP, marginx: MARGIN, marginy: MARGIN });
  g.setDefaultEdgeLabel(() => ({}));
  // Inserted by name, so that dagre's tie-breaks follow the names.
  const sorted = [...inputs.values()].sort((a, b) => a.label.localeCompare(b.label) || a.key.localeCompare(b.key));
  for (const node of sorted) g.setNode(node.key, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const link of links) g.setEdge(link.from, link.to);
  dagreLayout(g);

  const nodes = sorted.map((input): LaidOutNode => {
    const placed = g.node(input.key);
    return { ...input, x: (placed.x ?? 0) - NODE_WIDTH / 2, y: (placed.y ?? 0) - NODE_HEIGHT / 2, width: NODE_WIDTH, height: NODE_HEIGHT };
  });
  const byKey = new Map(nodes.map((node) => [node.key, node]));
  const edges = links.map((link): LaidOutEdge => {
    const from = byKey.get(link.from)!;
    const to = byKey.get(link.to)!;
    // From the middle of the referrer's right side to the middle of the referred one's left side (dagre clips to
    // the nearest side, which on wide boxes starts fanned edges on the top or bottom). Keep dagre's bends only
    // for an edge that crosses columns, where they route it around the boxes in between.
    const route = g.edge(link.from, link.to).points ?? [];
    const bends = route.length > 3 ? route.slice(1, -1).map((point: { x: number; y: number }) => ({ x: point.x, y: point.y })) : [];
    return { ...link, points: [{ x: from.x + from.width, y: from.y + from.height / 2 }, ...bends, { x: to.x, y: to.y + to.height / 2 }] };
  });
  const label = g.graph();
  return { nodes, edges, width: label.width ?? 0, height: label.height ?? 0 };
}
