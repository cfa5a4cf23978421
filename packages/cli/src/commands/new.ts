import { addReferral, contactSlug, createContact, namesakes, isEmailAddress, isProfileUrl, isSource, noteId, SOURCES, type Source, type Workspace } from '@rapport/core';
import { sameNameAndOrganization, unreadableNamesake } from '@rapport/core/internal';
import { FailureError, UsageError, type RegisterCommand } from '../program.js';
import { printable } from '../io.js';
import { checkDateOptions } from '../date-options.js';

interface NewOptions {
  org?: string;
  role?: string;
  source?: string;
  referredBy?: string;
  from?: string;
  tags?: string;
  email?: string;
  linkedin?: string;
  date?: string;
  today?: string;
  force?: boolean;
}

export const registerNew: RegisterCommand = (program, context) => {
  program
    .command('new')
    .description('create a contact note from the template; prints its path')
    .argument('<name>', 'the person\'s full name')
    .option('--org <organization>', 'organization')
    .option('--role <role>', 'role or title')
    .option('--source <source>', `how you found them (${SOURCES.join(', ')})`)
    .option('--referred-by <contact>', 'the contact who referred them (id or path to the note)')
    .option('--from <contact>', 'the contact whose Outcomes name this person as a referral: sets referred_by and source referral, and links the name there (or points a link made before the note at it)')
    .option('--tags <a,b>', 'comma-separated tags')
    .option('--email <address>', 'email address')
    .option('--linkedin <url>', 'LinkedIn profile URL')
    .option('--date <YYYY-MM-DD>', 'day identified (default: --today)')
    .option('--today <YYYY-MM-DD>', 'take this day as today (default: today in the configured time zone)')
    .option('--force', 'create the note even when a contact has the same name and organization (with --from: the same name), or a note that cannot be read may be about them, instead of refusing (or, with --from, linking that note)')
    .addHelpText('after', '\nExample:\n  rapport new "Lee Park" --org UPMC --role "Clinical Informatics Lead" --referred-by marcus-bell --tags informatics,clinical\n')
    .action(async (name: string, options: NewOptions) => {
      if (name.trim() === '') throw new UsageError('a contact needs a name');
      if (options.source !== undefined && !isSource(options.source)) throw new UsageError(`unknown source "${options.source}" (use one of: ${SOURCES.join(', ')})`);
      checkDateOptions({ '--date': options.date, '--today': options.today });
      if (options.linkedin !== undefined && !isProfileUrl(options.linkedin)) throw new UsageError(`--linkedin must be a profile URL starting with https://`);
      // Refused as rapport check would refuse it in the note: the pre-commit hook would then block the commit.
      if (options.email !== undefined && !isEmailAddress(options.email)) throw new UsageError(`--email "${options.email}" is not an email address (such as ana.ruiz@example.org)`);
      const ctx = context();
      const workspace = await ctx.workspaceToWrite();
      if (options.from !== undefined && options.referredBy !== undefined) throw new UsageError('give --from or --referred-by, not both');
      const referrer = options.from !== undefined ? ctx.contact(workspace, options.from, '--from').id : options.referredBy === undefined ? undefined : ctx.contact(workspace, options.referredBy, '--referred-by').id;
      const conflicted = await conflictedNamesake(workspace, name.trim());
      if (conflicted) throw new FailureError(`${conflicted} has an unresolved merge conflict and may already be about ${printable(name.trim())}: resolve it first (nothing was created)`);
      const unreadable = options.force ? undefined : await unreadableNamesake(workspace, name.trim());
      if (unreadable) {
        const [problem] = unreadable.problems;
        const why = problem ? `:${problem.line} cannot be read (${printable(problem.message)})` : ' cannot be read';
        throw new FailureError(`${ctx.displayPath(unreadable.file)}${why} and may already be about ${printable(name.trim())}: fix it first, or create a second note with --force (nothing was created)`);
      }
      const named = namesakes(workspace.index.contacts(), name.trim());
      // The importer's rule: the same name at the same organization is the same person.
      const same = options.from === undefined && !options.force && options.org !== undefined ? sameNameAndOrganization(workspace.index.contacts(), name.trim(), options.org) : undefined;
      if (same) throw new FailureError(`${ctx.displayPath(same.file)} is already about ${printable(same.name)} at ${printable(same.organization!)}: nothing was created (--force creates a second note)`);
      const tags = options.tags?.split(',').map((tag) => tag.trim()).filter(Boolean);
      const fields = { ...(options.email ? { email: options.email } : {}), ...(options.linkedin ? { linkedin: options.linkedin } : {}) };
      const today = ctx.today(workspace, options.today);
      if (options.date !== undefined && options.date > today) throw new UsageError(`--date ${options.date} is after today (${today}): the day you found them cannot be still to come`);
      const contact = {
        name,
        date: options.date ?? today,
        ...(options.org ? { organization: options.org } : {}),
        ...(options.role ? { role: options.role } : {}),
        ...(options.source ? { source: options.source as Source } : {}),
        ...(referrer ? { referredBy: referrer } : {}),
        ...(tags && tags.length > 0 ? { tags } : {}),
        ...(Object.keys(fields).length > 0 ? { fields } : {}),
      };
      if (options.from !== undefined && referrer) {
        const added = await addReferral(workspace, referrer, contact, options.force ? { newNote: true } : {});
        ctx.print(ctx.displayPath(added.file));
        if (added.existing) {
          const referrerFile = ctx.displayPath(workspace.index.contact(referrer)!.file);
          const where = added.linked ? `linked it on ${referrerFile}` : added.linkedBefore ? `${referrerFile} links to it already` : 'no Outcomes line named them';
          const referredBy = added.referredByAdded ? `, added referred_by: "[[${referrer}]]" to it` : '';
          ctx.io.stderr.write(`rapport: ${ctx.displayPath(added.file)} is already about ${printable(name.trim())}: ${where}${referredBy}, nothing was created (--force creates a second note)\n`);
          return;
        }
      } else {
        ctx.print(ctx.displayPath((await createContact(workspace, contact)).file));
      }
      // Two people can share a name, so this is a heads-up rather than a refusal.
      const namesake = named[0];
      if (namesake) ctx.io.stderr.write(`rapport: warning: ${ctx.displayPath(namesake.file)} is also about ${printable(namesake.name)}; created a second note\n`);
    });
};

/** A note in a merge conflict that may be this person: its contact cannot be read, so a new note could be a duplicate. */
async function conflictedNamesake(workspace: Workspace, name: string): Promise<string | undefined> {
  const slug = await contactSlug(name);
  const lowerName = name.toLowerCase();
  for (const diagnostic of workspace.index.diagnostics('merge-conflict')) {
    const id = noteId(diagnostic.file);
    if (id === slug || id.startsWith(`${slug}-`) || workspace.index.text(diagnostic.file)?.toLowerCase().includes(lowerName)) return diagnostic.file;
  }
  return undefined;
}
