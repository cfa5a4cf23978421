// The note New Contact writes for the answers the browser and memfs tests give it (Grace Liu, the nurse
// informaticist Priya Raman's Outcomes name, referred by her), on the date the tests pin: one expectation,
// checked in each harness. Her referral line in Priya's note becomes a link to the new note, and only that.

/** Priya Raman's note, whose Outcomes name Grace Liu as a referral. */
export const REFERRER_NOTE = 'contacts/health-tech/priya-raman.md';
/** The Outcomes line naming Grace Liu before New Contact, and after it: only her name became a link. */
export const REFERRAL_LINE = "- Referral: Grace Liu, the nurse informaticist on Carelink's alerts team.";
export const LINKED_REFERRAL_LINE = "- Referral: [[grace-liu]], the nurse informaticist on Carelink's alerts team.";

/** @param {string} today `YYYY-MM-DD` */
export function newContactNote(today) {
  return [
    '---',
    'type: contact',
    'name: Grace Liu',
    'stage: identified',
    'role: Nurse Informaticist',
    'organization: Carelink Labs',
    'source: referral',
    'referred_by: "[[priya-raman]]"',
    'history:',
    `  - date: ${today}`,
    '    stage: identified',
    '---',
    '',
    '# Grace Liu',
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
