/** Priya Raman's note, whose Outcomes name Grace Liu as a referral. */
export const REFERRER_NOTE: string;
/** The Outcomes line naming Grace Liu before New Contact. */
export const REFERRAL_LINE: string;
/** That line after New Contact: only her name became a link. */
export const LINKED_REFERRAL_LINE: string;
/** The note New Contact writes for the browser and memfs tests' answers, dated `today` (`YYYY-MM-DD`). */
export function newContactNote(today: string): string;
