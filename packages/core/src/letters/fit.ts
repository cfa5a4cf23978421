import type { Contact } from '../model/contact.js';
import { isLinkedInConnection } from '../model/linkedin.js';
import { hasMet } from '../lifecycle/met.js';
import { replySince, stageDate } from '../lifecycle/next-action.js';
import type { Stage } from '../model/vocabulary.js';

/** The shipped letters that open a conversation: each records the contact as `contacted`. */
const FIRST_LETTERS: readonly string[] = ['cold-email', 'cold-letter', 'linkedin-note', 'referral'];

/** Stages in which the contact has answered, and what that says, before why a letter is out of place. */
const ANSWERED: Partial<Record<Stage, string>> = {
  scheduled: 'has answered already (stage `scheduled`)',
  prepared: 'has answered already (stage `prepared`)',
  held: 'has talked with you already (stage `held`)',
  thanked: 'has talked with you already (stage `thanked`)',
  nurturing: 'is someone you keep in touch with (stage `nurturing`)',
};

/** The letter that fits instead, once they have talked with you. */
const AFTER_TALKING: Partial<Record<Stage, string>> = { held: '; write thank-you', thanked: '; write keep-in-touch', nurturing: '; write keep-in-touch' };

/** For each stage the contact has answered in, `whyNot` after what the stage says, and the letter to write instead. */
function onceAnswered(whyNot: string): Partial<Record<Stage, string>> {
  return Object.fromEntries(Object.entries(ANSWERED).map(([stage, said]) => [stage, `${said}: ${whyNot}${AFTER_TALKING[stage as Stage] ?? ''}`]));
}

/** The stages in which a first letter is out of place, and why, said after the contact's name. */
const NO_FIRST_LETTER: Partial<Record<Stage, string>> = {
  'followed-up': 'has had a letter and a follow-up already (stage `followed-up`): a third letter reads as pressure',
  ...onceAnswered('a first letter would record them as contacted again'),
  declined: 'declined (stage `declined`), and after a no another first letter is unwelcome',
  'no-response': 'is marked as not replying (stage `no-response`): after giving up, another letter reads as pressure',
};

/** The stages in which a follow-up is unwelcome or out of place, and why, said after the contact's name. */
const NO_FOLLOW_UP: Partial<Record<Stage, string>> = {
  identified: 'has had no letter yet (stage `identified`): a follow-up follows one; write a first letter',
  'followed-up': 'has had a follow-up already (stage `followed-up`), and one is the polite limit: a second reads as pressure',
  ...onceAnswered('a follow-up asks for a reply you have had'),
  declined: 'declined (stage `declined`), and after a no a follow-up is unwelcome',
  'no-response': 'is marked as not replying (stage `no-response`): after giving up, a follow-up reads as pressure',
  archived: 'is archived (stage `archived`): a follow-up follows a letter still waiting for a reply',
};

/**
 * Why letter `templateName` does not fit the contact's situation, or
 * `undefined` when it does: a referral needs someone who referred them; a
 * first letter is for someone not yet answering, a follow-up only for a letter
 * still waiting for its reply, and once; a thank-you and a keep-in-touch note
 * follow a conversation (a thank-you may go out while the note still says the
 * meeting is to come); a LinkedIn connection request (`linkedin-note`) is
 * for someone not yet connected (see `isLinkedInConnection`). Applies to a
 * user's letter of the same name too.
 */
export function letterUnfit(templateName: string, contact: Contact): string | undefined {
  if (templateName === 'referral' && !contact.referredBy) {
    return `nobody referred ${contact.name} (\`referred_by\` is not set in ${contact.file}); write a cold-email, cold-letter or linkedin-note instead, or set \`referred_by: "[[id]]"\` to the person who gave you the name`;
  }
  if (templateName === 'linkedin-note' && isLinkedInConnection(contact)) {
    return `${contact.name} is one of your LinkedIn connections already (\`linkedin_connected\` in ${contact.file}): a connection request is for someone you are not connected to; send a LinkedIn message instead: rapport letter cold-email ${contact.id} --via linkedin`;
  }
  const why = FIRST_LETTERS.includes(templateName) ? NO_FIRST_LETTER[contact.stage] : templateName === 'follow-up' ? NO_FOLLOW_UP[contact.stage] : undefined;
  if (why) return `${contact.name} ${why}`;
  const reply = templateName === 'follow-up' && contact.stage === 'contacted' ? replySince(contact, stageDate(contact, 'contacted') ?? '') : undefined;
  if (reply) return `${contact.name} replied on ${reply.date} (logged in the history): a follow-up asks for a reply you have had; agree a time, or write your own answer`;
  const afterMeeting = templateName === 'thank-you' || templateName === 'keep-in-touch';
  const meetingToCome = templateName === 'thank-you' && (contact.stage === 'scheduled' || contact.stage === 'prepared');
  if (afterMeeting && !meetingToCome && !hasMet(contact)) {
    return `${contact.name} has not talked with you yet (stage \`${contact.stage}\`, and no meeting held in the history): a ${templateName} letter follows a conversation`;
  }
  return undefined;
}
