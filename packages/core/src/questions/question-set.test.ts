import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { MemoryStore } from '../workspace/memory-store.js';
import { CLOSING_QUESTION, QUESTION_BANK, QUESTION_THEMES } from './bank.js';
import { findTheme, loadQuestions, pickQuestions, readQuestions } from './question-set.js';

describe('the question bank', () => {
  it('holds at least 40 questions with unique ids and texts', () => {
    expect(QUESTION_BANK.length).toBeGreaterThanOrEqual(40);
    expect(new Set(QUESTION_BANK.map((question) => question.id)).size).toBe(QUESTION_BANK.length);
    expect(new Set(QUESTION_BANK.map((question) => question.text.toLowerCase())).size).toBe(QUESTION_BANK.length);
    expect(QUESTION_BANK.every((question) => question.text.endsWith('?') && question.origin === 'bank')).toBe(true);
  });

  it('groups them by theme: TIARA first, then day to day, path, skills, hindsight, and "who else" last', () => {
    expect(QUESTION_THEMES.map((theme) => theme.id)).toEqual(['trends', 'insights', 'advice', 'resources', 'assignments', 'day', 'path', 'skills', 'hindsight', 'referrals']);
    expect(QUESTION_THEMES.filter((theme) => theme.tiara).map((theme) => theme.label)).toEqual(['Trends', 'Insights', 'Advice', 'Resources', 'Assignments']);
    const order = QUESTION_BANK.map((question) => QUESTION_THEMES.findIndex((theme) => theme.id === question.theme));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    for (const theme of QUESTION_THEMES) expect(QUESTION_BANK.some((question) => question.theme === theme.id), theme.id).toBe(true);
    expect(QUESTION_BANK.at(-1)).toBe(CLOSING_QUESTION);
    expect(CLOSING_QUESTION.text).toMatch(/^Who else would you recommend I talk to/);
    expect(QUESTION_BANK.filter((question) => /who else/i.test(question.text))).toEqual([CLOSING_QUESTION]);
  });
});

describe('readQuestions (.rapport/questions.md)', () => {
  const file = `# My questions

Questions I like to ask, by theme.

## Trends
- How is AI changing patient research?
- What changes do you see coming in this field over the next few years?

## day-to-day
1. How many studies run at once
   on your team?

## Working with clinicians
- How do you get time with busy nurses?
-

<!-- - a commented-out question -->
\`\`\`
- not a question either
\`\`\`
`;

  it('adds the user questions to their themes and new themes before "who else", which stays last', () => {
    const set = readQuestions(file);
    expect(set.themes.map((theme) => theme.id)).toEqual(['trends', 'insights', 'advice', 'resources', 'assignments', 'day', 'path', 'skills', 'hindsight', 'working-with-clinicians', 'referrals']);
    const mine = set.questions.filter((question) => question.origin === 'user');
    expect(mine).toEqual([
      { id: 'trends-6', theme: 'trends', text: 'How is AI changing patient research?', origin: 'user' },
      { id: 'day-6', theme: 'day', text: 'How many studies run at once on your team?', origin: 'user' },
      { id: 'working-with-clinicians-1', theme: 'working-with-clinicians', text: 'How do you get time with busy nurses?', origin: 'user' },
    ]);
    expect(set.questions.indexOf(mine[0]!)).toBe(set.questions.findIndex((question) => question.id === 'trends-5') + 1);
    expect(set.questions.at(-1)).toBe(CLOSING_QUESTION);
    expect(set.questions).toHaveLength(QUESTION_BANK.length + 3);
  });

  it('reports problems with line and column, and never throws', () => {
    const set = readQuestions(file);
    expect(set.diagnostics.map(({ line, column, severity, rule }) => ({ line, column, severity, rule }))).toEqual([
      { line: 3, column: 1, severity: 'info', rule: 'ignored-text' },
      { line: 7, column: 1, severity: 'info', rule: 'duplicate-question' },
      { line: 15, column: 1, severity: 'warning', rule: 'empty-question' },
    ]);
    expect(set.diagnostics[1]!.message).toContain('trends-1');
    expect(set.diagnostics.every((diagnostic) => diagnostic.file === '.rapport/questions.md')).toBe(true);
  });

  it('names a question written twice by the id the first one has', () => {
    const set = readQuestions('## Trends\n- What surprised you this year?\n\n## Working with clinicians\n- What surprised you this year?\n- How do you get time with busy nurses?\n');
    expect(set.diagnostics.map((diagnostic) => diagnostic.message)).toEqual(['This question is already in the list as trends-6 (yours); it is skipped']);
    expect(set.questions.find((question) => question.text === 'What surprised you this year?')?.id).toBe('trends-6');
  });

  it('takes "#word" without a space for text, not a heading', () => {
    const set = readQuestions('## Advice\n#notaheading\n- Would you read my portfolio?\n');
    expect(set.questions.find((question) => question.origin === 'user')).toMatchObject({ id: 'advice-6' });
    expect(set.diagnostics).toMatchObject([{ line: 2, rule: 'ignored-text' }]);
  });

  it('warns of a theme of your own with no question and does not offer it; a bank theme left empty is only the bank', () => {
    const set = readQuestions('## Empty theme\n\n## Advice\n\n## Networking\n- Which meetups do you go to?\n');
    expect(set.diagnostics.map(({ line, column, severity, rule, message }) => ({ line, column, severity, rule, message }))).toEqual([
      { line: 1, column: 1, severity: 'warning', rule: 'empty-theme', message: 'The theme "Empty theme" has no question, so it is not offered' },
    ]);
    expect(set.themes.map((theme) => theme.id)).toEqual(['trends', 'insights', 'advice', 'resources', 'assignments', 'day', 'path', 'skills', 'hindsight', 'networking', 'referrals']);
    expect(findTheme(set, 'Empty theme')).toBeUndefined();
  });

  it('reads a `-` alone followed by a line that is not indented as an empty item and stray text, as Markdown does', () => {
    const set = readQuestions('## Working with clinicians\n-\nSome stray text here.\n-\n  How do you get time with busy nurses?\n');
    expect(set.diagnostics.map(({ line, rule }) => [line, rule])).toEqual([
      [2, 'empty-question'],
      [3, 'ignored-text'],
    ]);
    expect(set.questions.filter((question) => question.origin === 'user').map((question) => question.text)).toEqual(['How do you get time with busy nurses?']);
  });

  it('puts a question outside any theme under "My questions", with a warning', () => {
    const set = readQuestions('- Where do you see me in five years?\n');
    expect(set.diagnostics).toMatchObject([{ line: 1, column: 1, rule: 'question-outside-theme', severity: 'warning' }]);
    expect(set.questions.find((question) => question.origin === 'user')).toMatchObject({ id: 'my-questions-1', theme: 'my-questions' });
  });

  it('is the bank alone when the file is missing, read through the store', async () => {
    expect((await loadQuestions(new MemoryStore())).questions).toEqual(QUESTION_BANK);
    const set = await loadQuestions(new MemoryStore({ '.rapport/questions.md': '## Advice\n- Would you read my portfolio?\n' }));
    expect(set.questions.find((question) => question.id === 'advice-6')?.text).toBe('Would you read my portfolio?');
  });
});

describe('pickQuestions', () => {
  const set = readQuestions(undefined);

  it('ends every pick with "who else", exactly once', () => {
    expect(pickQuestions(set, { ids: ['referrals-1', 'advice-2', 'trends-1'] }).map((question) => question.id)).toEqual(['advice-2', 'trends-1', 'referrals-1']);
    expect(pickQuestions(set, { theme: 'Skills employers want' }).map((question) => question.id)).toEqual(['skills-1', 'skills-2', 'skills-3', 'skills-4', 'skills-5', 'referrals-1']);
    expect(pickQuestions(set)).toEqual(QUESTION_BANK);
  });

  it('picks a count: an opener first, the themes that matter next, "who else" last', () => {
    expect(pickQuestions(set, { count: 6 }).map((question) => question.id)).toEqual(['path-1', 'day-5', 'path-4', 'skills-3', 'assignments-5', 'referrals-1']);
    // Two openers from eight questions on: how they came to this work, then not the same again in other words (insights-1).
    expect(pickQuestions(set, { count: 12 }).map((question) => question.id)).toEqual(['path-1', 'day-1', 'day-5', 'path-4', 'skills-3', 'assignments-5', 'advice-3', 'trends-2', 'hindsight-4', 'insights-5', 'resources-4', 'referrals-1']);
    expect(pickQuestions(set, { count: 1000 })).toHaveLength(QUESTION_BANK.length);
    expect(pickQuestions(set, { count: 1 }).map((question) => question.id)).toEqual(['referrals-1']);
  });

  it('refuses unknown ids, themes and counts', () => {
    expect(() => pickQuestions(set, { ids: ['trends-1', 'nope-3'] })).toThrow(InvalidInputError);
    expect(() => pickQuestions(set, { theme: 'gossip' })).toThrow(InvalidInputError);
    expect(() => pickQuestions(set, { count: 0 })).toThrow(InvalidInputError);
  });

  it('finds themes by id or label, ignoring case and punctuation', () => {
    expect(findTheme(set, 'Day-to-day')?.id).toBe('day');
    expect(findTheme(set, 'HINDSIGHT')?.id).toBe('hindsight');
    expect(findTheme(set, 'who else to talk to')?.id).toBe('referrals');
  });
});
