import { describe, expect, it } from 'vitest';
import { NoteIndex, type Contact } from '@rapport/core';
import { hasReferrals, referralChildViews, referralRootViews, type ReferralNodeView } from './referral-view.js';

function indexOf(notes: Record<string, string>) {
  const index = new NoteIndex();
  for (const [file, text] of Object.entries(notes)) index.set(file, text);
  return index;
}

const note = (name: string, referredBy?: string, outcomes = '') =>
  `---\ntype: contact\nname: ${name}\nstage: held\n${referredBy ? `referred_by: "[[${referredBy}]]"\n` : ''}history:\n  - date: 2026-11-01\n    stage: held\n---\n\n## Outcomes\n\n${outcomes}\n`;

describe('referral views', () => {
  const index = indexOf({
    'a.md': note('Ann', undefined, '- [[b]]\n- [[zed-unknown]]'),
    'b.md': note('Bea', 'a'),
    'c.md': note('Cal', 'b'),
    'x.md': note('Xia', 'y'),
    'y.md': note('Yul', 'x'),
  });
  const contacts = new Map<string, Contact>(index.contacts().map((contact) => [contact.id, contact]));
  const graph = index.referralGraph();
  const labels = (nodes: ReferralNodeView[]) => nodes.map((node) => (node.kind === 'contact' ? node.label : `?${node.target}`));

  it('starts from the people who began a chain and walks down, pending referrals last', () => {
    const roots = referralRootViews(graph, contacts);
    expect(labels(roots)).toEqual(['Ann']);
    const level1 = referralChildViews(graph, contacts, roots[0]!);
    expect(labels(level1)).toEqual(['Bea', '?zed-unknown']);
    expect(labels(referralChildViews(graph, contacts, level1[0]!))).toEqual(['Cal']);
  });

  it('starts a chain from someone who has only named people with no note yet, or whose note cannot be read, so that they can be added there', () => {
    const only = indexOf({
      'a.md': note('Ann', undefined, '- Referral: Li Wei, data engineer'),
      'b.md': note('Bea', undefined, '- Referral: [[cy-broken]]'),
      'cy-broken.md': '---\ntype: contact\nname: Cy\nrole: Lead: Data\nstage: identified\n---\n',
      'd.md': note('Dov', 'a', '- Referral: [[nobody-yet]]'),
      'e.md': note('Eve', undefined, '- Referral: Zed Okafor'),
    });
    const found = new Map<string, Contact>(only.contacts().map((contact) => [contact.id, contact]));
    // Dov was referred by Ann: he shows under her, not as a chain of his own.
    expect(labels(referralRootViews(only.referralGraph(), found, (id) => only.brokenNote(id)))).toEqual(['Ann', 'Bea', 'Eve']);
    expect(labels(referralRootViews(only.referralGraph(), found))).toEqual(['Ann', 'Eve']);
  });

  it('cuts cycles instead of recursing forever', () => {
    const x: ReferralNodeView = { kind: 'contact', contactId: 'x', file: 'x.md', label: 'Xia', description: '', icon: 'person', path: [] };
    const [y] = referralChildViews(graph, contacts, x);
    expect(labels([y!])).toEqual(['Yul']);
    expect(referralChildViews(graph, contacts, y!)).toEqual([]);
  });

  it('lists a referral written as a name, without a link, after the linked ones, marked as a name', () => {
    const named = indexOf({ 'a.md': note('Ann', undefined, '- [[zed-unknown]]\n- Referral: Li Wei, data engineer') });
    const root: ReferralNodeView = { kind: 'contact', contactId: 'a', file: 'a.md', label: 'Ann', description: '', icon: 'person', path: [] };
    expect(referralChildViews(named.referralGraph(), new Map(), root)).toEqual([
      { kind: 'pendingReferral', target: 'zed-unknown', referredBy: 'a', path: ['a'] },
      { kind: 'pendingReferral', target: 'Li Wei', name: 'Li Wei', referredBy: 'a', path: ['a'] },
    ]);
  });

  it('shows a referral whose note cannot be read as such, to open and fix, not as one with no note yet', () => {
    const broken = indexOf({ 'a.md': note('Ann', undefined, '- Referral: [[sam-whitaker]]\n- [[zed-unknown]]'), 'people/sam-whitaker.md': '---\ntype: contact\nname: Sam Whitaker\nrole: Designer: Patient Access\nstage: identified\n---\n' });
    const found = new Map<string, Contact>(broken.contacts().map((contact) => [contact.id, contact]));
    const root: ReferralNodeView = { kind: 'contact', contactId: 'a', file: 'a.md', label: 'Ann', description: '', icon: 'person', path: [] };
    const brokenNote = (id: string) => broken.brokenNote(id);
    expect(referralChildViews(broken.referralGraph(), found, root, brokenNote)).toEqual([
      { kind: 'unreadableReferral', target: 'sam-whitaker', file: 'people/sam-whitaker.md', referredBy: 'a', path: ['a'] },
      { kind: 'pendingReferral', target: 'zed-unknown', referredBy: 'a', path: ['a'] },
    ]);
    const onlySam = indexOf({ 'a.md': note('Ann', undefined, '- Referral: [[sam-whitaker]]'), 'sam-whitaker.md': '---\ntype: contact\nname: Sam\nstage: [held\n---\n' });
    const onlySamContacts = new Map<string, Contact>(onlySam.contacts().map((contact) => [contact.id, contact]));
    expect(hasReferrals(onlySam.referralGraph(), 'a', onlySamContacts.get('a'), (id) => onlySam.brokenNote(id))).toBe(true);
    expect(hasReferrals(onlySam.referralGraph(), 'a', onlySamContacts.get('a'))).toBe(false);
  });
});
