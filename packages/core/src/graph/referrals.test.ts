import { describe, expect, it } from 'vitest';
import { NoteIndex } from '../workspace/note-index.js';
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
        '  "renee-jackson" [label="Renee Jackson (no note yet)", style=dashed];',
        '  "a" -> "renee-jackson" [style=dashed];',
        '  "Priya Shah" [label="Priya Shah (no note yet)", style=dashed];',
        '  "a" -> "Priya Shah" [style=dashed];',
        '  "Grace Liu" [label="Grace Liu (no note yet)", style=dashed];',
        '  "a" -> "Grace Liu" [style=dashed];',
        '}',
        '',
      ].join('\n'),
    );
  });
});
