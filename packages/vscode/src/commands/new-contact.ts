import * as vscode from 'vscode';
import { addReferral, createContact, nameFromLink, namesakes, SOURCES, type Contact, type Source, type Workspace } from '@rapport/core';
import { AFTER_MEETING_STAGES, organizationKey, sameNameAndOrganization, unreadableNamesake } from '@rapport/core/internal';
import { saveOpenNote } from '../notes/note-edits.js';
import type { Services } from '../services.js';
import { openAtProblem } from './contact-target.js';

/** Answers given up front (from a referral node or a caller); missing ones are asked. */
export interface NewContactInput {
  readonly name?: string;
  /** Prefills the name question (a referral's name as written in the Outcomes). */
  readonly suggestedName?: string;
  readonly organization?: string;
  readonly role?: string;
  /** `null`: no source. */
  readonly source?: Source | null;
  /** Id of the contact who referred this one; `null`: nobody. */
  readonly referredBy?: string | null;
  /** The target of the referrer's Outcomes link written before this note (`[[Priya Shah]]`): pointed at the new note. */
  readonly fromLink?: string;
  /** Open the new note in an editor. Default true. */
  readonly open?: boolean;
}

const TITLE = 'New Contact';

/** Sources under which someone may have been referred: after any other, "Who referred them?" is not asked. */
const MAY_BE_REFERRED: readonly (Source | null)[] = ['referral', null];

/**
 * `rapport.newContact`: asks name, organization, role, source and referrer, then writes the note. When a
 * contact has that name and organization already, asks first whether to open that note or create another.
 */
export async function newContact(services: Services, input: NewContactInput = {}): Promise<{ id: string; file: string } | undefined> {
  const workspace = await services.notes.requireWorkspaceToWrite();
  const { prompts } = services;
  // Only the questions asked are counted: a referral's New Contact asks three, as "1/3" to "3/3". Who referred
  // them is asked only for some sources, so it is not counted ahead: a last step of its own when asked ("5/5").
  const asked = [input.name, input.organization, input.role, input.source].filter((answer) => answer === undefined).length;
  let step = 0;
  const counted = () => ({ step: ++step, totalSteps: asked });
  const lastStep = () => ({ step: ++step, totalSteps: step });
  const name =
    input.name ??
    (await prompts.input({ id: 'contact.name', title: TITLE, ...counted(), prompt: 'Full name of the person', placeholder: 'e.g. Maya Chen', ...(input.suggestedName ? { value: input.suggestedName } : {}), validate: (value) => (value.trim() === '' ? 'A contact needs a name' : undefined) }));
  if (name === undefined) return undefined;
  const organization = input.organization ?? (await prompts.input({ id: 'contact.organization', title: TITLE, ...counted(), prompt: 'Organization (optional)', placeholder: 'e.g. Acme Health' }));
  if (organization === undefined) return undefined;
  // As `rapport new` refuses it: the same name at the same organization is the same person. (From a referral's
  // link, addReferral links a namesake's note instead of creating one.)
  const same = input.fromLink === undefined ? sameNameAndOrganization(workspace.index.contacts(), name.trim(), organization) : undefined;
  if (same) {
    const choice = await prompts.pick<'open' | 'create'>({
      id: 'contact.existing',
      title: TITLE,
      placeholder: `${same.name} at ${same.organization} already has a note: ${same.file}`,
      items: [
        { label: `Open ${same.file}`, description: 'nothing is created', value: 'open' },
        { label: 'Create another note anyway', description: 'for someone else with the same name', value: 'create' },
      ],
    });
    if (choice === undefined) return undefined;
    if (choice === 'open') {
      await vscode.window.showTextDocument(services.notes.uriOf(same.file), { preview: false });
      return undefined;
    }
  }
  // As `rapport new` refuses it: a note that cannot be read may be about them, and is in no list to be found by.
  const unreadable = input.fromLink === undefined && !same ? await unreadableNamesake(workspace, name.trim()) : undefined;
  if (unreadable) {
    const choice = await prompts.pick<'open' | 'create'>({
      id: 'contact.unreadable',
      title: TITLE,
      placeholder: `${unreadable.file} cannot be read as a contact, and may already be about ${name.trim()}`,
      items: [
        { label: `Open ${unreadable.file}`, description: 'at its problem; nothing is created', value: 'open' },
        { label: 'Create another note anyway', description: 'for someone else with the same name', value: 'create' },
      ],
    });
    if (choice === undefined) return undefined;
    if (choice === 'open') {
      await openAtProblem(services, unreadable);
      return undefined;
    }
  }
  // Someone whose Outcomes name this person, with no note yet, most likely referred them: offered first, and their line linked to the new note.
  const naming = input.referredBy === undefined ? referrersNaming(workspace, name.trim()) : [];
  const role = input.role ?? (await prompts.input({ id: 'contact.role', title: TITLE, ...counted(), prompt: 'Role or title (optional)', placeholder: 'e.g. UX Research Lead' }));
  if (role === undefined) return undefined;
  const source =
    input.source !== undefined
      ? input.source
      : await prompts.pick<Source | null>({
          id: 'contact.source',
          title: TITLE,
          ...counted(),
          placeholder: 'How did you find them?',
          items: [...SOURCES.map((value) => ({ label: value, value })), { label: 'skip', description: 'no source', value: null }],
          ...(naming.length > 0 ? { focus: 'referral' as const } : {}),
        });
  if (source === undefined) return undefined;
  const referredBy =
    input.referredBy !== undefined
      ? input.referredBy
      : !MAY_BE_REFERRED.includes(source)
        ? null
        : await prompts.pick<string | null>({
            id: 'contact.referredBy',
            title: TITLE,
            ...lastStep(),
            placeholder: source === 'referral' ? 'Who referred them? Pick them, or Nobody (type to search)' : 'Who referred them?',
            items: referrerItems(workspace, name.trim(), organization, naming, source),
            // A source of `referral` says somebody did: Enter picks nobody unless a contact's Outcomes name them.
            ...(naming[0] ? { focus: naming[0].referrer.id } : source === 'referral' ? { noDefault: true } : {}),
          });
  if (referredBy === undefined) return undefined;

  const contact = {
    name: name.trim(),
    date: services.notes.today(),
    ...(organization.trim() ? { organization: organization.trim() } : {}),
    ...(role.trim() ? { role: role.trim() } : {}),
    ...(source ? { source } : {}),
  };
  // From a referrer's Outcomes line (a link made before the note, or the name written there): the line is pointed at the new note.
  const named = naming.find((entry) => entry.referrer.id === referredBy);
  const link = input.fromLink ?? named?.link;
  const referrer = referredBy && (input.fromLink !== undefined || named) ? workspace.index.contact(referredBy) : undefined;
  if (referrer && (await saveOpenNote(services.notes.uriOf(referrer.file))) === false) return undefined;
  const created = referrer
    ? await addReferral(workspace, referrer.id, contact, { ...(link !== undefined ? { link } : {}), ...(same ? { newNote: true } : {}) })
    : await createContact(workspace, { ...contact, ...(referredBy ? { referredBy } : {}) });
  services.notes.notifyEdited(referrer ? [created.file, referrer.file] : [created.file]);
  if (input.open !== false) await vscode.window.showTextDocument(services.notes.uriOf(created.file), { preview: false });
  if (referrer && 'existing' in created && created.existing) {
    const where = created.linked ? `linked it on ${referrer.file}` : created.linkedBefore ? `${referrer.file} links to it already` : `${referrer.file}'s Outcomes did not name them`;
    const referredBy = created.referredByAdded ? `, added referred_by: "[[${referrer.id}]]" to it` : '';
    void services.prompts.info(`${created.file} is already about ${contact.name}: ${where}${referredBy}; nothing was created.`);
  }
  // The same name elsewhere may be someone else, or the same person who moved on: said, as `rapport new` says it.
  const namesake = same || referrer ? undefined : namesakes(workspace.index.contacts(), contact.name).find((other) => other.file !== created.file);
  if (namesake) {
    const open = `Open ${namesake.file}`;
    const where = namesake.organization ? ` at ${namesake.organization}` : '';
    void services.prompts.info(`${namesake.file} is also about ${namesake.name}${where}: created a second note, ${created.file}. If they are one person, keep one note.`, open).then((action) => {
      if (action === open) void vscode.window.showTextDocument(services.notes.uriOf(namesake.file), { preview: false });
    });
  }
  return created;
}

/** A contact whose Outcomes name someone with no note yet, and the link written there (none when the name is written plainly). */
interface NamingReferrer {
  readonly referrer: Contact;
  readonly link?: string;
}

/** The contacts whose pending referrals name `name` (see `namesakes`), each once, in the referral graph's order. */
function referrersNaming(workspace: Workspace, name: string): NamingReferrer[] {
  const pending = workspace.index.referralGraph().pending.map((entry) => ({ from: entry.from, name: entry.name ?? nameFromLink(entry.target), link: entry.name === undefined ? entry.target : undefined }));
  const found = new Map<string, NamingReferrer>();
  for (const entry of namesakes(pending, name)) {
    const referrer = workspace.index.contact(entry.from);
    if (referrer && !found.has(referrer.id)) found.set(referrer.id, { referrer, ...(entry.link !== undefined ? { link: entry.link } : {}) });
  }
  return [...found.values()];
}

/**
 * The answers a pending referral (a name in someone's Outcomes) already
 * gives: who referred them and so the source; the name is only a guess
 * from the link (`renee-jackson` → "Renee Jackson", no accents), so it is
 * asked, prefilled; the link is then pointed at the note, whatever the name.
 */
export function inputFromReferral(target: string, referredBy: string): NewContactInput {
  return { suggestedName: nameFromLink(target), referredBy, source: 'referral', fromLink: target };
}

/**
 * Who may have referred them, likeliest first: the contacts whose Outcomes
 * name them; then people you are in touch with (not only identified, whom
 * you have never written to) at the organization they work at; then people
 * you have talked with; then "Nobody"; then everyone else. For a `referral`
 * nothing is focused, so "Nobody" comes after the likely ones rather than
 * first, where Enter would take it.
 */
function referrerItems(workspace: Workspace, name: string, organization: string, naming: readonly { readonly referrer: Contact }[], source: Source | null): { label: string; description: string; value: string | null }[] {
  const named = new Set(naming.map((entry) => entry.referrer.id));
  const others = workspace.index.contacts().filter((contact) => !named.has(contact.id));
  const inTouch = (contact: Contact) => contact.stage !== 'identified';
  const sameOrganization = organization.trim() === '' ? [] : others.filter((contact) => inTouch(contact) && contact.organization !== undefined && organizationKey(contact.organization) === organizationKey(organization));
  const met = others.filter((contact) => !sameOrganization.includes(contact) && AFTER_MEETING_STAGES.includes(contact.stage));
  const rest = others.filter((contact) => !sameOrganization.includes(contact) && !met.includes(contact));
  const nobody = { label: 'Nobody', description: 'not a referral', value: null };
  const item = (contact: Contact, description: string) => ({ label: contact.name, description, value: contact.id });
  return [
    ...naming.map((entry) => ({ label: entry.referrer.name, description: `names ${name} in their Outcomes`, value: entry.referrer.id })),
    ...(source === 'referral' ? [] : [nobody]),
    ...sameOrganization.map((contact) => item(contact, `also at ${contact.organization}`)),
    ...met.map((contact) => item(contact, `talked with you · ${contact.organization ?? contact.stage}`)),
    ...(source === 'referral' ? [nobody] : []),
    ...rest.map((contact) => item(contact, contact.organization ?? '')),
  ];
}
