import { describe, expect, it } from 'vitest';
import { NoteIndex, type Contact } from '@rapport/core';
import { layoutReferrals } from './graph-layout.js';
import { graphSvg } from './graph-svg.js';

const note = (name: string, referredBy?: string, outcomes = '') =>
  `---\ntype: contact\nname: "${name}"\nstage: held\n${referredBy ? `referred_by: "[[${referredBy}]]"\n` : ''}history:\n  - date: 2026-11-01\n    stage: held\n---\n\n## Outcomes\n\n${outcomes}\n`;

describe('layoutReferrals', () => {
  const index = new NoteIndex();
  index.set('a.md', note('Ann', undefined, '- [[later-person]]'));
  index.set('b.md', note('Bea', 'a'));
  index.set('c.md', note('Cal', 'b'));
  index.set('d.md', note('Dan <script>', 'a'));
  const contacts = new Map<string, Contact>(index.contacts().map((contact) => [contact.id, contact]));
  const layout = layoutReferrals(index.referralGraph(), contacts);

  it('puts each person one column right of who introduced them, subtrees on consecutive rows', () => {
    expect(layout.nodes.map((node) => [node.key, node.column, node.row])).toEqual([
      ['a', 0, 0],
      ['b', 1, 1],
      ['c', 2, 2],
      ['d', 1, 3],
      ['?later-person', 1, 4],
    ]);
    expect(layout.columns).toBe(3);
    expect(layout.rows).toBe(5);
    expect(layout.nodes.find((node) => node.key === '?later-person')).toMatchObject({ pending: true, label: 'Later Person', detail: 'no note yet (later-person)' });
  });

  it('draws every node and edge as SVG with names escaped', () => {
    const svg = graphSvg(layout);
    expect(svg.match(/<g class="node/g)).toHaveLength(5);
    expect(svg.match(/<path class="edge/g)).toHaveLength(4);
    expect(svg).toContain('Dan &#60;script&#62;');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('data-file="c.md"');
    expect(svg).toMatch(/^<svg id="graph" xmlns="http:\/\/www.w3.org\/2000\/svg" width="100%" height="100%" viewBox="0 0 802 338" preserveAspectRatio="xMidYMid meet"/);
    expect(svg).toContain('>Later Person</text>');
  });
});
