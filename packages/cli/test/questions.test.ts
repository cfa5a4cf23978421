import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleCopy, exampleFolder, rapport, snapshot } from './support/run-cli.js';

describe('rapport questions', () => {
  it('prints help with examples', () => {
    expect(rapport(['questions', '--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('Examples') });
  });

  it('lists the bank by theme, TIARA first and "who else" last', () => {
    const result = rapport(['questions', '--dir', exampleCopy()]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    const headings = lines.filter((line) => !line.startsWith('  '));
    expect(headings).toEqual(['TIARA = Trends, Insights, Advice, Resources, Assignments: five themes that cover an informational interview, from where the field is going to what you could try next', 'Trends (TIARA)', 'Insights (TIARA)', 'Advice (TIARA)', 'Resources (TIARA)', 'Assignments (TIARA)', 'Day to day', 'Path into the field', 'Skills employers want', 'What they would do differently', 'Who else to talk to']);
    expect(lines.length - headings.length).toBeGreaterThanOrEqual(40);
    expect(lines.at(-1)).toMatch(/^ {2}referrals-1\s+Who else would you recommend I talk to/);
  });

  it('filters by theme', () => {
    const result = rapport(['questions', '--theme', 'Path into the field', '--dir', exampleCopy()]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n').slice(1).map((line) => line.trim().split(/\s+/)[0])).toEqual(['path-1', 'path-2', 'path-3', 'path-4', 'path-5']);
    // A TIARA theme alone still says what TIARA is, first.
    expect(rapport(['questions', '--theme', 'advice', '--dir', exampleCopy()]).stdout.split('\n').slice(0, 2)).toEqual(['TIARA = Trends, Insights, Advice, Resources, Assignments: five themes that cover an informational interview, from where the field is going to what you could try next', 'Advice (TIARA)']);
  });

  it('says what TIARA is in its help', () => {
    expect(rapport(['questions', '--help']).stdout.replace(/\s+/g, ' ')).toContain('the question bank by theme: first the five TIARA themes, a frame for informational interviews (Trends, Insights, Advice, Resources, Assignments), then more;');
  });

  it("adds the user's questions from .rapport/questions.md, reporting problems on stderr", () => {
    const folder = exampleCopy();
    writeFileSync(join(folder, '.rapport/questions.md'), '# Mine\n\n## Working with clinicians\n- How do you get time with busy nurses?\n\n## Trends\n- What changes do you see coming in this field over the next few years?\n');
    const result = rapport(['questions', '--json', '--dir', folder]);
    expect(result.code).toBe(0);
    const questions = JSON.parse(result.stdout) as { id: string; origin: string }[];
    expect(questions.filter((question) => question.origin === 'user').map((question) => question.id)).toEqual(['working-with-clinicians-1']);
    expect(questions.at(-1)!.id).toBe('referrals-1');
    expect(result.stderr).toBe('.rapport/questions.md:7:1 info This question is already in the list as trends-1; it is skipped [duplicate-question]\n');
  });

  it('inserts a picked set into a note, before its closing "who else", losslessly and only once', () => {
    const folder = exampleCopy();
    const file = join(folder, 'lauren-fitzgerald.md');
    const before = readFileSync(file, 'utf8');
    const result = rapport(['questions', '--pick', 'skills-1,hindsight-1', '--into', 'lauren-fitzgerald', '--dir', folder]);
    expect(result).toMatchObject({ code: 0, stdout: 'Lauren Fitzgerald: added 2 questions to ## Questions in lauren-fitzgerald.md\nWhen your research is done too: rapport advance lauren-fitzgerald prepared\n' });
    expect(readFileSync(file, 'utf8')).toBe(
      before.replace(
        '4. Who else would you recommend I talk to?\n',
        '4. Which skills, qualities and experience do employers look for in new hires?\n5. If you were starting out again, what would you do differently?\n6. Who else would you recommend I talk to?\n',
      ),
    );
    const again = rapport(['questions', '--pick', 'skills-1,hindsight-1', '--into', 'lauren-fitzgerald', '--dir', folder]);
    expect(again.stdout).toBe('Lauren Fitzgerald: these questions are already in lauren-fitzgerald.md\nWhen your research is done too: rapport advance lauren-fitzgerald prepared\n');
    expect(readFileSync(file, 'utf8')).not.toBe(before);
  });

  it('fills an empty ## Questions section with a count of questions, "who else" last', () => {
    const folder = exampleCopy();
    const path = 'contacts/health-tech/elena-vasquez.md';
    const before = readFileSync(join(folder, path), 'utf8');
    const result = rapport(['questions', '--pick', '4', '--into', join(folder, path), '--dir', folder]);
    expect(result.code).toBe(0);
    const after = readFileSync(join(folder, path), 'utf8');
    expect(after).toBe(
      before.replace(
        '## Questions\n\n',
        '## Questions\n\n1. What attracted you to this work in the first place?\n2. How do hiring managers weigh experience gained in a different career?\n3. Which new tools, methods or regulations are changing how the work gets done?\n4. Who else would you recommend I talk to, and may I mention that you suggested them?\n\n',
      ),
    );
    expect(readFileSync(join(exampleFolder, path), 'utf8')).toBe(before);
  });

  it('chooses a count for the person with --for: an opener first, a manager asked about hiring, "who else" last, and another list for someone else (issue 12.14)', () => {
    const folder = exampleCopy();
    const elena = rapport(['questions', '--pick', '5', '--for', 'elena-vasquez', '--dir', folder]);
    expect(elena.code).toBe(0);
    expect(elena.stdout).toBe(
      [
        '  insights-1   What attracted you to this work in the first place?',
        '  skills-4     How do hiring managers weigh experience gained in a different career?',
        '  trends-2     Which new tools, methods or regulations are changing how the work gets done?',
        '  advice-3     Would you be willing to look at my résumé and tell me what a hiring manager would notice first?',
        '  referrals-1  Who else would you recommend I talk to, and may I mention that you suggested them?',
        '',
      ].join('\n'),
    );
    const tomas = rapport(['questions', '--pick', '5', '--for', 'tomas-herrera', '--dir', folder]);
    expect(tomas.stdout).not.toBe(elena.stdout);
    expect(tomas.stdout.split('\n')[0]).toMatch(/^ {2}(insights-1|path-1) /);
    expect(tomas.stdout.trimEnd().split('\n').at(-1)).toMatch(/^ {2}referrals-1 /);
  });

  it("includes the user's own theme in a count", () => {
    const folder = exampleCopy();
    writeFileSync(join(folder, '.rapport/questions.md'), '## Working with clinicians\n- How do you get time with busy nurses?\n');
    const result = rapport(['questions', '--pick', '6', '--for', 'elena-vasquez', '--dir', folder]);
    expect(result.stdout).toContain('working-with-clinicians-1  How do you get time with busy nurses? (yours)');
  });

  it.each([
    [['questions', '--theme', 'gossip'], 2, 'unknown theme "gossip"'],
    [['questions', '--pick', 'trends-1,nope-9', '--into', 'maya-chen'], 2, 'unknown question id: nope-9'],
    [['questions', '--pick', '0', '--into', 'maya-chen'], 2, 'cannot pick 0 questions'],
    [['questions', '--into', 'nobody-at-all'], 3, 'no contact note found for "nobody-at-all"'],
  ])('rapport %j exits %i and writes nothing', (args, code, message) => {
    const folder = exampleCopy();
    mkdirSync(join(folder, '.rapport'), { recursive: true });
    const before = snapshot(folder);
    const result = rapport([...args, '--dir', folder]);
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(message);
    expect(snapshot(folder)).toEqual(before);
  });
});
