import { NoteNotFoundError } from '../errors.js';
import { readNote } from '../note/read-contact.js';
import { readLayout } from '../note/source.js';
import { createContact } from '../workspace/create-contact.js';
import { editNote, type Workspace } from '../workspace/workspace.js';
import type { NewContact } from '../note/template.js';
import { outcomeLabelKey } from './outcomes.js';

/**
 * Creates the contact a referral names (`referred_by` the referrer, source
 * `referral`) and turns the name in the referrer's Outcomes line into a
 * `[[link]]` to the new note, leaving every other character as it was. When
 * no Outcomes line names the person, only the contact is created.
 */
export async function addReferral(workspace: Workspace, referrerId: string, contact: NewContact): Promise<{ id: string; file: string; linked: boolean }> {
  const referrer = workspace.index.contact(referrerId);
  if (!referrer) throw new NoteNotFoundError(referrerId);
  const created = await createContact(workspace, { source: 'referral', ...contact, referredBy: referrer.id });
  const wanted = outcomeLabelKey(contact.name);
  let linked = false;
  await editNote(workspace, referrer.file, (text) => {
    const layout = readLayout(text);
    const labels = workspace.config.outcomeLabels ? { outcomeLabels: workspace.config.outcomeLabels } : {};
    const referral = readNote(referrer.file, text, labels).contact?.outcomes.find((outcome) => outcome.kind === 'referral' && outcome.name !== undefined && outcomeLabelKey(outcome.name) === wanted);
    if (!referral || referral.nameStart === undefined || referral.nameEnd === undefined) return text;
    linked = true;
    const shift = layout.bom ? 1 : 0;
    return text.slice(0, referral.nameStart + shift) + `[[${created.id}]]` + text.slice(referral.nameEnd + shift);
  });
  return { ...created, linked };
}
