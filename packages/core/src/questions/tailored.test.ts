import { describe, expect, it } from 'vitest';
import { OPENING_QUESTIONS } from './tailored.js';
import { pickQuestions, readQuestions } from './question-set.js';

const bank = readQuestions(undefined);
const ids = (questions: readonly { id: string }[]) => questions.map((question) => question.id);

const LENA = { id: 'lena-ortiz', role: 'Load Forecasting Analyst', industry: 'Utilities', tags: ['energy'] };
const TOM = { id: 'tom-becker', role: 'Grid Operations Manager', industry: 'Utilities', tags: ['energy'] };

describe('questions fit the person (issue 12.14)', () => {
  it('open with how they came to this work, never with trends, and end with "who else"', () => {
    for (const audience of [undefined, LENA, TOM, { id: 'x' }, { id: 'y', role: 'Recruiter' }]) {
      for (const count of [2, 4, 8, 12]) {
        const picked = ids(pickQuestions(bank, { count, ...(audience ? { for: audience } : {}) }));
        expect(picked).toHaveLength(count);
        expect(['insights-1', 'path-1']).toContain(picked[0]);
        expect(picked.at(-1)).toBe('referrals-1');
        expect(picked.filter((id) => id === 'referrals-1')).toHaveLength(1);
      }
    }
    expect(ids(pickQuestions(bank, { count: 8, for: LENA })).slice(0, 2).every((id) => OPENING_QUESTIONS.includes(id))).toBe(true);
  });

  it('gives two people different lists, and the same person the same list every time', () => {
    expect(ids(pickQuestions(bank, { count: 8, for: LENA }))).toEqual(['path-1', 'insights-4', 'day-4', 'path-2', 'skills-4', 'hindsight-2', 'assignments-5', 'referrals-1']);
    expect(ids(pickQuestions(bank, { count: 8, for: { ...LENA } }))).toEqual(['path-1', 'insights-4', 'day-4', 'path-2', 'skills-4', 'hindsight-2', 'assignments-5', 'referrals-1']);
    // A manager hires: what employers look for comes right after the openers.
    expect(ids(pickQuestions(bank, { count: 8, for: TOM }))).toEqual(['path-1', 'day-1', 'skills-1', 'trends-2', 'advice-2', 'path-2', 'day-3', 'referrals-1']);
  });

  it("includes the user's own themes", () => {
    const set = readQuestions('## Working with clinicians\n- How do you get time with busy nurses?\n- Which clinicians should a researcher befriend first?\n');
    expect(ids(pickQuestions(set, { count: 8, for: LENA }))).toEqual(['path-1', 'insights-4', 'day-4', 'path-2', 'skills-4', 'working-with-clinicians-1', 'hindsight-2', 'referrals-1']);
    expect(ids(pickQuestions(set, { count: 6 }))).toEqual(['path-1', 'day-5', 'path-4', 'skills-3', 'working-with-clinicians-2', 'referrals-1']);
  });

  it('never picks a question already in their note, and asks what others were asked only after the rest', () => {
    const asked = ['What attracted you to this work in the first place?', 'How did you get into this field, and what did your path look like?'];
    expect(ids(pickQuestions(bank, { count: 8, for: { ...LENA, asked } }))).toEqual(['insights-4', 'day-1', 'day-4', 'path-2', 'skills-4', 'hindsight-2', 'assignments-5', 'referrals-1']);
    const elsewhere = ids(pickQuestions(bank, { count: 8, for: { ...LENA, askedElsewhere: ['Which problems or decisions take up most of your attention?'] } }));
    expect(elsewhere).not.toContain('day-4');
    expect(elsewhere[2]).toMatch(/^day-/);
  });
});
