import { describe, expect, it } from 'vitest';
import { loadSlugger, NoteIndex, type Contact, type ReferralGraphOptions } from '@rapport/core';
import { layoutReferrals, type LaidOutNode } from './graph-layout.js';
import { graphSvg } from './graph-svg.js';

const note = (name: string, referredBy?: string, outcomes = '') =>
  `---\ntype: contact\nname: "${name}"\nstage: held\n${referredBy ? `referred_by: "[[${referredBy}]]"\n` : ''}history:\n  - date: 2026-11-01\n    stage: held\n---\n\n## Outcomes\n\n${outcomes}\n`;

function layoutOf(notes: Record<string, string>, options: Pick<ReferralGraphOptions, 'contactSlug'> = {}) {
  const index = new NoteIndex();
  for (const [file, text] of Object.entries(notes)) index.set(file, text);
  const contacts = new Map<string, Contact>(index.contacts().map((contact) => [contact.id, contact]));
  return layoutReferrals(index.referralGraph(options), contacts);
}

const overlap = (a: LaidOutNode, b: LaidOutNode) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('layoutReferrals (dagre)', () => {
  // Ann referred Bea and Dan and named someone without a note; Bea referred Cal.
  const layout = layoutOf({
    'a.md': note('Ann', undefined, '- [[later-person]]'),
    'b.md': note('Bea', 'a'),
    'c.md': note('Cal', 'b'),
    'd.md': note('Dan <script>', 'a'),
  });
  const node = (key: string) => layout.nodes.find((each) => each.key === key)!;

  it('has one node per person and per referral without a note, sorted by name', () => {
    expect(layout.nodes.map((each) => [each.key, each.label, each.pending])).toEqual([
      ['a', 'Ann', false],
      ['b', 'Bea', false],
      ['c', 'Cal', false],
      ['d', 'Dan <script>', false],
      ['?later-person', 'Later Person', true],
    ]);
    expect(node('?later-person')).toMatchObject({ detail: 'no note yet (later-person)' });
    expect(node('c')).toMatchObject({ file: 'c.md', detail: 'held' });
  });

  it('puts each referrer left of the people they referred, one column per generation', () => {
    for (const [from, to] of [['a', 'b'], ['a', 'd'], ['a', '?later-person'], ['b', 'c']] as const) {
      expect(node(from).x + node(from).width).toBeLessThan(node(to).x);
    }
    // Bea, Dan and the pending referral are the same generation: the same column.
    expect(node('d').x).toBe(node('b').x);
    expect(node('?later-person').x).toBe(node('b').x);
    // Three columns of 230 with two gaps of 60 and margins of 16; the tallest column holds three boxes of 50 with gaps of 14.
    expect(layout.width).toBe(16 + 230 + 60 + 230 + 60 + 230 + 16);
    expect(layout.height).toBe(16 + 50 + 14 + 50 + 14 + 50 + 16);
  });

  it('never overlaps two boxes', () => {
    for (const [i, a] of layout.nodes.entries()) for (const b of layout.nodes.slice(i + 1)) expect(overlap(a, b), `${a.key} and ${b.key}`).toBe(false);
  });

  it('routes each edge from the referrer to the referred box', () => {
    expect(layout.edges.map((edge) => `${edge.from}→${edge.to}`).sort()).toEqual(['a→?later-person', 'a→b', 'a→d', 'b→c']);
    for (const edge of layout.edges) {
      const first = edge.points[0]!;
      const last = edge.points.at(-1)!;
      expect(first.x).toBe(node(edge.from).x + 230);
      expect(last.x).toBe(node(edge.to).x);
    }
  });

  it('lays out a cycle (nobody first) without losing anyone', () => {
    const cycle = layoutOf({ 'x.md': note('Xia', 'y'), 'y.md': note('Yan', 'x') });
    expect(cycle.nodes.map((each) => each.key)).toEqual(['x', 'y']);
    expect(overlap(cycle.nodes[0]!, cycle.nodes[1]!)).toBe(false);
    expect(cycle.edges).toHaveLength(2);
  });

  it('draws someone linked as [[jose-nunez]] by one and named "José Núñez" by another as one box, by the name as written', async () => {
    const merged = layoutOf({ 'a.md': note('Ann', undefined, '- Referral: [[jose-nunez]]'), 'b.md': note('Bea', undefined, '- Referral: José Núñez') }, { contactSlug: await loadSlugger() });
    expect(merged.nodes.map((each) => [each.key, each.label, each.detail])).toEqual([
      ['a', 'Ann', 'held'],
      ['b', 'Bea', 'held'],
      ['?jose-nunez', 'José Núñez', 'no note yet (jose-nunez)'],
    ]);
    expect(merged.edges).toHaveLength(2);
  });

  it('is empty when nobody referred anybody', () => {
    expect(layoutOf({ 'a.md': note('Ann') })).toEqual({ nodes: [], edges: [], width: 0, height: 0 });
  });

  it('draws every node and edge as SVG with names escaped', () => {
    const svg = graphSvg(layout);
    expect(svg.match(/<g class="node/g)).toHaveLength(5);
    expect(svg.match(/<path class="edge/g)).toHaveLength(4);
    expect(svg.match(/<path class="edge pending/g)).toHaveLength(1);
    expect(svg).toContain('Dan &#60;script&#62;');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('data-file="c.md"');
    expect(svg).toMatch(/^<svg id="graph" xmlns="http:\/\/www.w3.org\/2000\/svg" width="100%" height="100%" viewBox="0 0 842 210" preserveAspectRatio="xMidYMid meet"/);
    expect(svg).toContain('>Later Person</text>');
  });
});
