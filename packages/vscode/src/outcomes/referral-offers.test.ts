import { readNote } from '@rapport/core';
import { describe, expect, it } from 'vitest';
import { referralNameColumn, referralOffers } from './referral-offers.js';

const text = [
  '---',
  'type: contact',
  'name: Marcus Bell',
  'stage: held',
  'history:',
  '  - date: 2026-11-01',
  '    stage: held',
  '---',
  '',
  '## Outcomes',
  '',
  '- Referral: Renee Jackson, analytics lead at Xcel Energy',
  '- Referral: [[dana-okafor]]',
  '- [x] Referral: Li Wei',
  '- [ ] Referral: Tom Reyes (by 2026-12-10)',
  '- Met Joan Smith at the meetup',
  '',
].join('\n');

describe('referralOffers', () => {
  it('offers each open referral written as a name, on its line, with the span of the name', () => {
    const offers = referralOffers('marcus-bell.md', text);
    expect(offers.map((offer) => [offer.line, offer.title, text.slice(offer.nameStart, offer.nameEnd)])).toEqual([
      [11, 'Add Renee Jackson as a contact (referred by Marcus Bell)', 'Renee Jackson'],
      [14, 'Add Tom Reyes as a contact (referred by Marcus Bell)', 'Tom Reyes'],
    ]);
    expect(offers[0]).toMatchObject({ referrerId: 'marcus-bell', name: 'Renee Jackson' });
  });

  it('offers to link a name that has a note already, rather than to add it', () => {
    const renee = readNote('renee-jackson-msn-rn.md', '---\ntype: contact\nname: "Renee Jackson, MSN, RN"\nstage: identified\n---\n').contact!;
    expect(referralOffers('marcus-bell.md', text, undefined, [renee]).map((offer) => offer.title)).toEqual([
      'Link Renee Jackson to [[renee-jackson-msn-rn]] (referred by Marcus Bell)',
      'Add Tom Reyes as a contact (referred by Marcus Bell)',
    ]);
  });

  it('reads labels of the folder’s configuration', () => {
    const custom = text.replace('- Met Joan Smith at the meetup', '- Talk to: Joan Smith');
    expect(referralOffers('marcus-bell.md', custom, { 'Talk to': 'referral' }).map((offer) => offer.name)).toEqual(['Joan Smith']);
  });

  it('offers nothing in a note that is not a contact', () => {
    expect(referralOffers('notes.md', '# Notes\n\n## Outcomes\n\n- Referral: Renee Jackson\n')).toEqual([]);
  });
});

describe('referralNameColumn', () => {
  it('is after the marker, a box and the label, where a name goes before the words kept', () => {
    expect(referralNameColumn('- Referral: their informatics lead')).toBe(12);
    expect(referralNameColumn('- [ ] Referral:   her CMIO (by 2026-12-10)')).toBe(18);
    expect(referralNameColumn('  * Intro: someone on the alerts team')).toBe(11);
    expect(referralNameColumn('3. Referral: the head of research')).toBe(13);
  });

  it('is 0 on a line that is no labelled list item', () => {
    expect(referralNameColumn('their informatics lead')).toBe(0);
    expect(referralNameColumn('- Met Joan Smith at the meetup')).toBe(0);
    expect(referralNameColumn('')).toBe(0);
  });
});
