// The note New Contact writes for the answers the browser and memfs tests give it (Ada Lovelace,
// referred by Maya Chen), on the date the tests pin: one expectation, checked in each harness.

/** @param {string} today `YYYY-MM-DD` */
export function newContactNote(today) {
  return [
    '---',
    'type: contact',
    'name: Ada Lovelace',
    'stage: identified',
    'role: Research Lead',
    'organization: Analytical Engines',
    'source: referral',
    'referred_by: "[[maya-chen]]"',
    'history:',
    `  - date: ${today}`,
    '    stage: identified',
    '---',
    '',
    '# Ada Lovelace',
    '',
    '## Why this person',
    '',
    'Impressed by:',
    '',
    '## Research',
    '',
    '## Questions',
    '',
    '## Notes',
    '',
    '## Outcomes',
    '',
  ].join('\n');
}
