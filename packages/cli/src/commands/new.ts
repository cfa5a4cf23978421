import { createContact, isCalendarDate, isSource, NoteNotFoundError, SOURCES, type Source, type Workspace } from '@rapport/core';
import type { CommandContext } from '../context.js';
import { FailureError, UsageError, type RegisterCommand } from '../program.js';

interface NewOptions {
  org?: string;
  role?: string;
  source?: string;
  referredBy?: string;
  tags?: string;
  email?: string;
  linkedin?: string;
  date?: string;
  today?: string;
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
    .option('--tags <a,b>', 'comma-separated tags')
    .option('--email <address>', 'email address')
    .option('--linkedin <url>', 'LinkedIn profile URL')
    .option('--date <YYYY-MM-DD>', 'day identified (default: --today)')
    .option('--today <YYYY-MM-DD>', 'take this day as today (default: today in the configured time zone)')
    .addHelpText('after', '\nExample:\n  rapport new "Lee Park" --org UPMC --role "Clinical Informatics Lead" --referred-by marcus-bell --tags informatics,clinical\n')
    .action(async (name: string, options: NewOptions) => {
      if (name.trim() === '') throw new UsageError('a contact needs a name');
      if (options.source !== undefined && !isSource(options.source)) throw new UsageError(`unknown source "${options.source}" (use one of: ${SOURCES.join(', ')})`);
      for (const value of [options.date, options.today]) {
        if (value !== undefined && !isCalendarDate(value)) throw new UsageError(`invalid date "${value}" (use YYYY-MM-DD)`);
      }
      if (options.linkedin !== undefined && !/^https?:\/\/\S+$/.test(options.linkedin)) throw new UsageError(`--linkedin must be a profile URL starting with https://`);
      const ctx = context();
      const workspace = await ctx.workspace();
      const referrer = options.referredBy === undefined ? undefined : referrerOf(ctx, workspace, options.referredBy);
      const namesake = workspace.index.contacts().find((contact) => contact.name.toLowerCase() === name.trim().toLowerCase());
      const tags = options.tags?.split(',').map((tag) => tag.trim()).filter(Boolean);
      const fields = { ...(options.email ? { email: options.email } : {}), ...(options.linkedin ? { linkedin: options.linkedin } : {}) };
      const created = await createContact(workspace, {
        name,
        date: options.date ?? ctx.today(workspace, options.today),
        ...(options.org ? { organization: options.org } : {}),
        ...(options.role ? { role: options.role } : {}),
        ...(options.source ? { source: options.source as Source } : {}),
        ...(referrer ? { referredBy: referrer } : {}),
        ...(tags && tags.length > 0 ? { tags } : {}),
        ...(Object.keys(fields).length > 0 ? { fields } : {}),
      });
      ctx.print(created.file);
      // Two people can share a name, so this is a heads-up rather than a refusal.
      if (namesake) ctx.io.stderr.write(`rapport: warning: ${namesake.file} is also about ${namesake.name}; created a second note\n`);
    });
};

function referrerOf(ctx: CommandContext, workspace: Workspace, reference: string): string {
  try {
    return ctx.contact(workspace, reference).id;
  } catch (error) {
    if (error instanceof NoteNotFoundError) throw new FailureError(`--referred-by: no contact note found for "${reference}"`);
    throw error;
  }
}
