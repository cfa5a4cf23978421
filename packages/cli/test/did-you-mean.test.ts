import { describe, expect, it } from 'vitest';
import { exampleCopy, rapport, snapshot } from './support/run-cli.js';

const STAGES = 'identified, contacted, followed-up, scheduled, prepared, held, thanked, nurturing, declined, no-response, archived';

describe('did you mean', () => {
  const folder = exampleCopy();

  it.each([
    [['advance', 'hannah-shultz', 'followed-up'], 3, 'no contact note found for "hannah-shultz" (did you mean hannah-schultz?)'],
    [['advance', 'contacts/health-tech/marcus-bel.md', 'thanked'], 3, 'no contact note found for "contacts/health-tech/marcus-bel.md" (did you mean marcus-bell?)'],
    [['letter', 'thank-you', 'marcus', '--today', '2026-11-23'], 3, 'no contact note found for "marcus" (did you mean marcus-bell?)'],
    [['questions', '--into', 'lauren-fitzgerlad'], 3, 'no contact note found for "lauren-fitzgerlad" (did you mean lauren-fitzgerald?)'],
    [['new', 'Lee Park', '--referred-by', 'maya-chan'], 3, '--referred-by: no contact note found for "maya-chan" (did you mean maya-chen?)'],
    [['advance', 'maya-chen', 'sheduled'], 2, `unknown stage "sheduled": did you mean scheduled? (use one of: ${STAGES})`],
    [['list', '--stage', 'contact'], 2, `unknown stage "contact": did you mean contacted? (use one of: ${STAGES})`],
  ])('%j suggests what was meant and writes nothing', (args, code, message) => {
    const before = snapshot(folder);
    expect(rapport([...args, '--dir', folder])).toEqual({ code, stdout: '', stderr: `rapport: ${message}\n` });
    expect(snapshot(folder)).toEqual(before);
  });
});
