import { describe, expect, it } from 'vitest';
import { NoteIndex } from '../workspace/note-index.js';
import { loadSlugger } from '../workspace/load-slugger.js';
import { referralGraph, referralsToDot, referralsToMermaid } from './referrals.js';

const note = (name: string, outcomes: string) =>
  `---\ntype: contact\nname: "${name}"\nstage: held\nhistory:\n  - date: 2026-11-01\n    stage: held\n---\n\n## Outcomes\n\n${outcomes}\n`;

function indexOf(notes: Record<string, string>): NoteIndex {
  const index = new NoteIndex();
  for (const [file, text] of Object.entries(notes)) index.set(file, text);
  return index;
}

describe('pending referrals', () => {
  const notes = {
    'marcus-bell.md': note(
      'Marcus Bell',
      [
        '- Referral: Renee Jackson, analytics lead at Xcel Energy (by 2026-12-10)',
        '- Referral: [[dana-okafor]], who runs the portal team',
        '- Referral: [[tom-reyes]]',
        '- [ ] Referral: Li Wei — data engineering',
        '- Referral: Renee Jackson',
        '- Advice: Keep the portfolio short',
        '- Met Joan Smith at the meetup (not labelled: free text)',
      ].join('\n'),
    ),
    'dana-okafor.md': note('Dana Okafor', ''),
  };

  it('lists links to ids without a note, then names written without a link, each name once', () => {
    expect(indexOf(notes).referralGraph().pending).toEqual([
      { from: 'marcus-bell', target: 'tom-reyes' },
      { from: 'marcus-bell', target: 'Renee Jackson', name: 'Renee Jackson' },
      { from: 'marcus-bell', target: 'Li Wei', name: 'Li Wei' },
    ]);
    expect(indexOf(notes).referralGraph().edges).toEqual([{ from: 'marcus-bell', to: 'dana-okafor', sources: ['outcomes'] }]);
  });

  it('gives the same graph from the index and from the contacts', () => {
    const index = indexOf(notes);
    expect(referralGraph(index.contacts())).toEqual(index.referralGraph());
  });

  it('drops a name once the line links to the new note, and the link stays pending until the note exists', () => {
    const index = indexOf(notes);
    index.referralGraph();
    index.set('marcus-bell.md', notes['marcus-bell.md'].replace('Referral: Renee Jackson, analytics', 'Referral: [[renee-jackson]], analytics').replace('- Referral: Renee Jackson\n', ''));
    expect(index.referralGraph().pending.map((item) => item.target)).toEqual(['renee-jackson', 'tom-reyes', 'Li Wei']);
    index.set('renee-jackson.md', note('Renee Jackson', ''));
    expect(index.referralGraph().pending.map((item) => item.target)).toEqual(['tom-reyes', 'Li Wei']);
    expect(index.referralGraph().edges.map((edge) => `${edge.from}→${edge.to}`)).toEqual(['marcus-bell→dana-okafor', 'marcus-bell→renee-jackson']);
  });

  it('leaves out a name ticked [x], as the agenda does', () => {
    const index = indexOf({ 'a.md': note('Ann', '- [x] Referral: Bo Diaz\n- [ ] Referral: Cy Ono') });
    expect(index.referralGraph().pending).toEqual([{ from: 'a', target: 'Cy Ono', name: 'Cy Ono' }]);
  });

  it('draws names without a link as dashed nodes in Mermaid', () => {
    const index = indexOf({ 'a.md': note('Ann', '- Referral: Bo Diaz') });
    expect(referralsToMermaid(index.referralGraph(), index.contacts())).toBe(
      ['flowchart LR', '  n_a["Ann"]', '  n_Bo_Diaz["Bo Diaz (no note yet)"]:::pending', '  n_a -.-> n_Bo_Diaz', '  classDef pending stroke-dasharray: 4 4', ''].join('\n'),
    );
  });

  it('labels a referral given as a link by the name its link suggests, as one given as a name, in Mermaid and DOT', () => {
    const index = indexOf({ 'a.md': note('Ann', '- Referral: [[renee-jackson]], the CMIO\n- Referral: Grace Liu\n- Referral: [[Priya Shah]]') });
    expect(referralsToMermaid(index.referralGraph(), index.contacts())).toBe(
      [
        'flowchart LR',
        '  n_a["Ann"]',
        '  n_Grace_Liu["Grace Liu (no note yet)"]:::pending',
        '  n_Priya_Shah["Priya Shah (no note yet)"]:::pending',
        '  n_renee_jackson["Renee Jackson (no note yet)"]:::pending',
        '  n_a -.-> n_renee_jackson',
        '  n_a -.-> n_Priya_Shah',
        '  n_a -.-> n_Grace_Liu',
        '  classDef pending stroke-dasharray: 4 4',
        '',
      ].join('\n'),
    );
    expect(referralsToDot(index.referralGraph(), index.contacts())).toBe(
      [
        'digraph referrals {',
        '  rankdir=LR;',
        '  node [shape=box];',
        '  "Grace Liu" [label="Grace Liu (no note yet)", style=dashed];',
        '  "Priya Shah" [label="Priya Shah (no note yet)", style=dashed];',
        '  "renee-jackson" [label="Renee Jackson (no note yet)", style=dashed];',
        '  "a" -> "renee-jackson" [style=dashed];',
        '  "a" -> "Priya Shah" [style=dashed];',
        '  "a" -> "Grace Liu" [style=dashed];',
        '}',
        '',
      ].join('\n'),
    );
  });
});

describe('a referral written once as a link and once as a name', () => {
  // Marcus links Renee before her note exists; Dana names her in words.
  const notes = {
    'marcus-bell.md': note('Marcus Bell', '- Referral: [[renee-jackson]], analytics lead at Xcel Energy'),
    'dana-okafor.md': note('Dana Okafor', '- Referral: Renee Jackson'),
  };

  it('is one person when the link is the id the name gets: one node labelled by the name, with both referrers, in Mermaid', async () => {
    const index = indexOf(notes);
    const graph = index.referralGraph({ contactSlug: await loadSlugger() });
    expect(referralsToMermaid(graph, index.contacts())).toBe(
      [
        'flowchart LR',
        '  n_dana_okafor["Dana Okafor"]',
        '  n_marcus_bell["Marcus Bell"]',
        '  n_renee_jackson["Renee Jackson (no note yet)"]:::pending',
        '  n_dana_okafor -.-> n_renee_jackson',
        '  n_marcus_bell -.-> n_renee_jackson',
        '  classDef pending stroke-dasharray: 4 4',
        '',
      ].join('\n'),
    );
  });

  it('is one person in DOT too, declared once', async () => {
    const index = indexOf(notes);
    const graph = index.referralGraph({ contactSlug: await loadSlugger() });
    expect(referralsToDot(graph, index.contacts())).toBe(
      [
        'digraph referrals {',
        '  rankdir=LR;',
        '  node [shape=box];',
        '  "renee-jackson" [label="Renee Jackson (no note yet)", style=dashed];',
        '  "dana-okafor" -> "renee-jackson" [style=dashed];',
        '  "marcus-bell" -> "renee-jackson" [style=dashed];',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('takes the name as written for the label, accents and all, where the link cannot spell them', async () => {
    const index = indexOf({ 'a.md': note('Ann', '- Referral: [[jose-nunez-ortiz]]'), 'b.md': note('Bea', '- Referral: José Núñez-Ortiz, at UPMC') });
    const graph = index.referralGraph({ contactSlug: await loadSlugger() });
    expect(graph.pending).toEqual([
      { from: 'a', target: 'jose-nunez-ortiz' },
      { from: 'b', target: 'jose-nunez-ortiz', name: 'José Núñez-Ortiz' },
    ]);
    expect(referralsToMermaid(graph, index.contacts())).toContain('  n_jose_nunez_ortiz["José Núñez-Ortiz (no note yet)"]:::pending\n');
  });

  it('gives a referrer who wrote both one referral to them, the named one, in the place of the first', async () => {
    const index = indexOf({ 'a.md': note('Ann', '- Referral: [[tom-reyes]]\n- Referral: [[renee-jackson]]\n- Referral: Renee Jackson, analytics lead') });
    expect(index.referralGraph({ contactSlug: await loadSlugger() }).pending).toEqual([
      { from: 'a', target: 'tom-reyes' },
      { from: 'a', target: 'renee-jackson', name: 'Renee Jackson' },
    ]);
  });

  it('keeps two people when the link is another id than the name gets', async () => {
    const index = indexOf({ 'a.md': note('Ann', '- Referral: [[renee-jackson-xcel]]'), 'b.md': note('Bea', '- Referral: Renee Jackson') });
    const graph = index.referralGraph({ contactSlug: await loadSlugger() });
    expect(graph.pending).toEqual([
      { from: 'a', target: 'renee-jackson-xcel' },
      { from: 'b', target: 'Renee Jackson', name: 'Renee Jackson' },
    ]);
    expect(referralsToMermaid(graph, index.contacts())).toBe(
      [
        'flowchart LR',
        '  n_a["Ann"]',
        '  n_b["Bea"]',
        '  n_Renee_Jackson["Renee Jackson (no note yet)"]:::pending',
        '  n_renee_jackson_xcel["Renee Jackson Xcel (no note yet)"]:::pending',
        '  n_a -.-> n_renee_jackson_xcel',
        '  n_b -.-> n_Renee_Jackson',
        '  classDef pending stroke-dasharray: 4 4',
        '',
      ].join('\n'),
    );
  });

  it('tells them apart by what was written without a slugger, and the index agrees with referralGraph either way', async () => {
    const index = indexOf(notes);
    expect(index.referralGraph().pending.map((item) => item.target)).toEqual(['Renee Jackson', 'renee-jackson']);
    const contactSlug = await loadSlugger();
    expect(referralGraph(index.contacts(), { contactSlug })).toEqual(index.referralGraph({ contactSlug }));
    expect(referralGraph(index.contacts())).toEqual(index.referralGraph());
  });

  it('follows edits: the name joins the link once the link is written, and both are edges to her once her note exists', async () => {
    const contactSlug = await loadSlugger();
    const index = indexOf({ 'marcus-bell.md': note('Marcus Bell', '- Referral: [[tom-reyes]]'), 'dana-okafor.md': notes['dana-okafor.md'] });
    expect(index.referralGraph({ contactSlug }).pending.map((item) => item.target)).toEqual(['Renee Jackson', 'tom-reyes']);
    index.set('marcus-bell.md', notes['marcus-bell.md']);
    expect(index.referralGraph({ contactSlug }).pending.map((item) => item.target)).toEqual(['renee-jackson', 'renee-jackson']);
    index.set('renee-jackson.md', note('Renee Jackson', ''));
    const graph = index.referralGraph({ contactSlug });
    expect(graph.pending).toEqual([]);
    expect(graph.edges).toEqual([
      { from: 'dana-okafor', to: 'renee-jackson', sources: ['outcomes'] },
      { from: 'marcus-bell', to: 'renee-jackson', sources: ['outcomes'] },
    ]);
  });

  it('slugs a name once while it stays, in the index: slugging takes ~50 µs a name', async () => {
    const contactSlug = await loadSlugger();
    const slugged: string[] = [];
    const counting = (name: string) => {
      slugged.push(name);
      return contactSlug(name);
    };
    const index = indexOf({ ...notes, 'ann.md': note('Ann', '- Referral: Li Wei') });
    index.referralGraph({ contactSlug: counting });
    expect(slugged.sort()).toEqual(['Li Wei', 'Renee Jackson']);
    index.set('ann.md', note('Ann', '- Referral: Li Wei\n- Referral: Bo Diaz'));
    expect(index.referralGraph({ contactSlug: counting }).pending.map((item) => item.target)).toEqual(['Li Wei', 'Bo Diaz', 'renee-jackson', 'renee-jackson']);
    expect(slugged.sort()).toEqual(['Bo Diaz', 'Li Wei', 'Renee Jackson']);
  });
});

describe('a referral named in words for someone who has a note', () => {
  const jackson = (organization?: string) => `---\ntype: contact\nname: Renee Jackson\n${organization ? `organization: ${organization}\n` : ''}stage: identified\n---\n`;

  it('is an edge to her note, not a node without a note beside hers, in Mermaid', () => {
    const index = indexOf({ 'marcus-bell.md': note('Marcus Bell', '- Referral: Renee Jackson, the CMIO'), 'renee-jackson.md': jackson('Mon Valley Health') });
    const graph = index.referralGraph();
    expect(graph).toEqual({ edges: [{ from: 'marcus-bell', to: 'renee-jackson', sources: ['outcomes'] }], pending: [] });
    expect(referralsToMermaid(graph, index.contacts())).toBe(
      ['flowchart LR', '  n_marcus_bell["Marcus Bell"]', '  n_renee_jackson["Renee Jackson (Mon Valley Health)"]', '  n_marcus_bell --> n_renee_jackson', ''].join('\n'),
    );
    expect(referralGraph(index.contacts())).toEqual(graph);
  });

  it('is one edge with her referred_by, whatever else the line says', () => {
    const renee = jackson().replace('stage: identified', 'referred_by: "[[marcus-bell]]"\nstage: identified');
    const index = indexOf({ 'marcus-bell.md': note('Marcus Bell', '- Referral: Renee Jackson\n- Referral: renee  jackson, the CMIO'), 'renee-jackson.md': renee });
    expect(index.referralGraph().edges).toEqual([{ from: 'marcus-bell', to: 'renee-jackson', sources: ['outcomes', 'referred_by'] }]);
  });

  it('stays a node without a note when two notes have the name, or hers is at another organization than the line names', () => {
    const index = indexOf({
      'marcus-bell.md': note('Marcus Bell', '- Referral: Renee Jackson\n- Referral: Tom Reyes, analyst at Xcel Energy'),
      'renee-jackson.md': jackson('Mon Valley Health'),
      'renee-jackson-upmc.md': jackson('UPMC'),
      'tom-reyes.md': '---\ntype: contact\nname: Tom Reyes\norganization: Duquesne Light\nstage: identified\n---\n',
    });
    expect(index.referralGraph()).toEqual({
      edges: [],
      pending: [
        { from: 'marcus-bell', target: 'Renee Jackson', name: 'Renee Jackson' },
        { from: 'marcus-bell', target: 'Tom Reyes', name: 'Tom Reyes' },
      ],
    });
    expect(referralGraph(index.contacts())).toEqual(index.referralGraph());
  });

  it('takes the one at the organization the line names among two', () => {
    const index = indexOf({ 'marcus-bell.md': note('Marcus Bell', '- Referral: Renee Jackson, CMIO at UPMC'), 'renee-jackson.md': jackson('Mon Valley Health'), 'renee-jackson-upmc.md': jackson('UPMC') });
    expect(index.referralGraph()).toEqual({ edges: [{ from: 'marcus-bell', to: 'renee-jackson-upmc', sources: ['outcomes'] }], pending: [] });
  });

  it('follows edits: an edge once her note exists, a node without a note again once a namesake joins or her note goes', () => {
    const index = indexOf({ 'marcus-bell.md': note('Marcus Bell', '- Referral: Renee Jackson') });
    expect(index.referralGraph().pending).toEqual([{ from: 'marcus-bell', target: 'Renee Jackson', name: 'Renee Jackson' }]);
    index.set('renee-jackson.md', jackson());
    expect(index.referralGraph()).toEqual({ edges: [{ from: 'marcus-bell', to: 'renee-jackson', sources: ['outcomes'] }], pending: [] });
    index.set('renee-jackson-2.md', jackson());
    expect(index.referralGraph()).toEqual({ edges: [], pending: [{ from: 'marcus-bell', target: 'Renee Jackson', name: 'Renee Jackson' }] });
    index.delete('renee-jackson-2.md');
    expect(index.referralGraph().edges).toEqual([{ from: 'marcus-bell', to: 'renee-jackson', sources: ['outcomes'] }]);
    index.delete('renee-jackson.md');
    expect(index.referralGraph()).toEqual({ edges: [], pending: [{ from: 'marcus-bell', target: 'Renee Jackson', name: 'Renee Jackson' }] });
  });
});
