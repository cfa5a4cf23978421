import { describe, expect, it } from 'vitest';
import { NoteIndex } from '@rapport/core';
import { openOutcomes } from './open-outcomes.js';

const note = (name: string, outcomes: string[]) =>
  `---\ntype: contact\nname: "${name}"\nstage: held\nhistory:\n  - date: 2026-11-01\n    stage: held\n---\n\n## Outcomes\n\n${outcomes.join('\n')}\n`;

describe('openOutcomes', () => {
  it('lists open leads and offers, soonest due first, undated last, with the line of each', () => {
    const index = new NoteIndex();
    index.set('zoe.md', note('Zoe Park', ['- Lead: Acme: Data Analyst (by 2026-12-20)', '- Job shadow: a day on the ward']));
    index.set('ann.md', note('Ann Lee', ['- [x] Lead: closed one (by 2026-12-01)', '- Résumé review: send it due: 2026-12-05', '- Referral: Bo Diaz', '- Advice: learn SQL']));
    expect(openOutcomes(index.contacts()).map((item) => [item.contactName, item.label, item.due, item.file, item.line])).toEqual([
      ['Ann Lee', 'Résumé review', '2026-12-05', 'ann.md', 13],
      ['Zoe Park', 'Lead', '2026-12-20', 'zoe.md', 12],
      ['Zoe Park', 'Job shadow', null, 'zoe.md', 13],
    ]);
  });
});
