import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { MemoryStore } from '../workspace/memory-store.js';
import { loadWorkspace } from '../workspace/workspace.js';
import { agenda } from '../lifecycle/next-action.js';
import { setOutcomeDone } from './outcome-done.js';

const HEAD = '---\ntype: contact\nname: Marcus Bell\nstage: thanked\nhistory:\n  - date: 2026-11-20\n    stage: held\n  - date: 2026-11-21\n    stage: thanked\n---\n\n## Outcomes\n\n';
// Lines 14 to 18 of the note.
const OUTCOMES =
  '- Lead: Mon Valley Health: UX Research Associate (by 2026-12-04)\n' +
  '- [ ] Résumé review: send it to him, due: 2026-11-30\n' +
  '* [X] Job shadow: a walk on a med-surg unit\n' +
  '  in January (by 2026-12-11)\n' +
  '1. Intro: Renee Jackson, the CMIO\n';

describe('setOutcomeDone', () => {
  it('gives an item written without a box a ticked one after its marker, and changes nothing else', () => {
    expect(setOutcomeDone(HEAD + OUTCOMES, 14)).toBe(HEAD + OUTCOMES.replace('- Lead:', '- [x] Lead:'));
  });

  it('ticks an open box, and opens a ticked one (an X too) with done false', () => {
    expect(setOutcomeDone(HEAD + OUTCOMES, 15)).toBe(HEAD + OUTCOMES.replace('- [ ] Résumé', '- [x] Résumé'));
    expect(setOutcomeDone(HEAD + OUTCOMES, 16, false)).toBe(HEAD + OUTCOMES.replace('* [X] Job', '* [ ] Job'));
  });

  it('leaves the text as it is when the item is already so, an item without a box counting as open', () => {
    expect(setOutcomeDone(HEAD + OUTCOMES, 16)).toBe(HEAD + OUTCOMES);
    expect(setOutcomeDone(HEAD + OUTCOMES, 14, false)).toBe(HEAD + OUTCOMES);
  });

  it('keeps a byte-order mark and CRLF line endings', () => {
    const crlf = `\uFEFF${(HEAD + OUTCOMES).replace(/\n/g, '\r\n')}`;
    expect(setOutcomeDone(crlf, 15)).toBe(crlf.replace('- [ ] Résumé', '- [x] Résumé'));
  });

  it('knows the labels the config adds, after a numbered marker', () => {
    expect(() => setOutcomeDone(HEAD + OUTCOMES, 18)).toThrow(InvalidInputError);
    expect(setOutcomeDone(HEAD + OUTCOMES, 18, true, { labels: { Intro: 'referral' } })).toBe(HEAD + OUTCOMES.replace('1. Intro:', '1. [x] Intro:'));
  });

  it('refuses a line where no outcome starts, naming the outcomes the note has', () => {
    expect(() => setOutcomeDone(HEAD + OUTCOMES, 17)).toThrow('no outcome starts on line 17 of this note (its outcomes: line 14, Lead; line 15, Résumé review; line 16, Job shadow)');
    expect(() => setOutcomeDone(HEAD, 14)).toThrow('no outcome starts on line 14 of this note (it has none under ## Outcomes)');
  });

  it('finds an outcome read earlier by its words, wherever it moved, and refuses one no longer there', () => {
    const moved = HEAD + '- Advice: start with the patient portal team\n' + OUTCOMES;
    const read = { line: 15, label: 'Résumé review', text: 'send it to him, due: 2026-11-30' };
    expect(setOutcomeDone(moved, read)).toBe(moved.replace('- [ ] Résumé', '- [x] Résumé'));
    expect(() => setOutcomeDone(moved.replace('send it to him', 'send it to her'), read)).toThrow('"Résumé review: send it to him, due: 2026-11-30" is no longer under ## Outcomes as it was read (the note changed since): read it again');
  });

  it('takes a ticked lead and résumé review off the agenda', async () => {
    const now = new Date('2026-12-05T12:00:00Z');
    const dueOutcomes = async (text: string) => {
      const workspace = await loadWorkspace(new MemoryStore({ 'marcus-bell.md': text }));
      return agenda(workspace.index.contacts(), { now, timezone: 'America/New_York' }).filter((item) => item.kind === 'outcome').map((item) => item.line);
    };
    expect(await dueOutcomes(HEAD + OUTCOMES)).toEqual([15, 14]);
    expect(await dueOutcomes(setOutcomeDone(setOutcomeDone(HEAD + OUTCOMES, 14), 15))).toEqual([]);
  });
});
