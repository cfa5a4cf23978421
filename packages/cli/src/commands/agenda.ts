import { addCalendarDays, loadSlugger, type AgendaItem, type Workspace } from '@rapport/core';
import { questionCount, unnamedPerson } from '@rapport/core/internal';
import { printable } from '../io.js';
import { outcomeReference } from '../outcome-reference.js';
import type { RegisterCommand } from '../program.js';

interface AgendaOptions {
  today?: string;
  json?: boolean;
}

/** How many undated actions the text agenda lists. */
const READY_TO_WRITE_SHOWN = 15;

export const registerAgenda: RegisterCommand = (program, context) => {
  program
    .command('agenda')
    .description('due and overdue actions, soonest first, then the people ready for a first letter')
    .option('--today <YYYY-MM-DD>', 'compute due dates as of this day (default: today in the configured time zone)')
    .option('--json', 'print a JSON array of {id, name, action, due, overdue} (due is null for an undated action; snoozedFrom, the day it was due, when a snooze moved it)')
    .addHelpText('after', '\nExample:\n  rapport agenda --today 2026-11-23\n')
    .action(async (options: AgendaOptions) => {
      const ctx = context();
      const workspace = await ctx.workspace();
      const actions = ctx.actionContext(workspace, options.today);
      ctx.warnBrokenNotes(workspace);
      // A name and a link to the id it would get are one person: the slugger (~15 ms to load) only for a referrer who wrote both kinds.
      const contactSlug = workspace.index.namesBesideMissingLinks() ? await loadSlugger() : undefined;
      // The index's agenda: `agenda(contacts(), …)`, in the order the index cache kept (no collator set up for an unchanged folder).
      const items = workspace.index.agenda(contactSlug ? { ...actions, contactSlug } : actions);
      if (options.json) return ctx.json(items.map(({ id, name, action, due, overdue, snoozedFrom }) => ({ id, name, action, due, overdue, ...(snoozedFrom === undefined ? {} : { snoozedFrom }) })));
      if (items.length === 0) return ctx.print('Nothing is due. Time to find someone new to talk to.');
      const weekEnd = addCalendarDays(actions.today, 7);
      // The first letter each person is due, for a line that names someone else to write to (a second person at the organization).
      const firstLetters = new Map(items.flatMap((item) => (item.kind === 'write' && item.letter ? [[item.id, item.letter] as const] : [])));
      const dated = (test: (due: string) => boolean) => items.filter((item) => item.due !== null && test(item.due));
      const groups: [string, AgendaItem[]][] = [
        ['Overdue', items.filter((item) => item.overdue)],
        ['Today', dated((due) => due === actions.today)],
        ['Next 7 days', dated((due) => due > actions.today && due <= weekEnd)],
        ['Later', dated((due) => due > weekEnd)],
        // Undated: people to write to, referrals first (core's agenda order), then any `next` written without a day.
        ['Ready to write', items.filter((item) => item.due === null)],
      ];
      const { colors } = ctx;
      let first = true;
      for (const [title, group] of groups) {
        if (group.length === 0) continue;
        if (!first) ctx.print();
        first = false;
        ctx.print(colors.bold(title === 'Overdue' ? colors.red(`${title} (${group.length})`) : `${title} (${group.length})`));
        // A LinkedIn import can leave hundreds of people to write to: the first few, and the count, keep the agenda readable.
        const shown = title === 'Ready to write' ? group.slice(0, READY_TO_WRITE_SHOWN) : group;
        for (const item of shown) {
          const due = item.due === null ? colors.dim('anytime'.padEnd(10)) : title === 'Overdue' ? colors.red(item.due) : colors.dim(item.due);
          const hint = commandHint(workspace, item, firstLetters);
          const letter = hint === undefined ? '' : colors.dim(`  → ${printable(hint)}`);
          // An action written by hand, or from an Outcomes item, may not name its person ("Send him the article"): the name follows.
          const person = unnamedPerson(item);
          const who = person === undefined ? '' : colors.dim(` · ${printable(person)}`);
          const snoozed = item.snoozedFrom === undefined ? '' : colors.dim(` (snoozed from ${item.snoozedFrom})`);
          ctx.print(`  ${due}  ${printable(item.action)}${who}${snoozed}${letter}`);
        }
        if (shown.length < group.length) ctx.print(colors.dim(`  … and ${group.length - shown.length} more (rapport agenda --json lists them all)`));
      }
    });
};

/**
 * The command that does the item, or records it done, so that the agenda
 * teaches the CLI as it goes. None for a meeting (it is attended, not typed)
 * nor for a referral still to be named (asking is done outside).
 */
function commandHint(workspace: Workspace, item: AgendaItem, firstLetters: ReadonlyMap<string, string>): string | undefined {
  if (item.letter) return `rapport letter ${item.letter} ${item.id}`;
  if (item.referral) return `rapport new --from ${item.id} ${JSON.stringify(item.referral)}`;
  switch (item.kind) {
    case 'second-contact': {
      // A colleague already in the notes is the second person: their first letter, when the agenda has it.
      if (item.colleague !== undefined) return firstLetters.has(item.colleague) ? `rapport letter ${firstLetters.get(item.colleague)} ${item.colleague}` : undefined;
      const organization = workspace.index.contact(item.file)?.organization;
      return organization === undefined ? undefined : `rapport new "Full Name" --org ${JSON.stringify(organization)} (or: rapport dismiss ${item.id})`;
    }
    case 'reply':
    case 'schedule':
      return `rapport advance ${item.id} scheduled --at YYYY-MM-DDTHH:mm`;
    case 'prepare':
      // Questions are offered while the note has none: a second pick would add questions not chosen yet.
      return questionCount(workspace.index.text(item.file) ?? '') === 0 ? `rapport questions --pick 8 --into ${item.id}, then rapport advance ${item.id} prepared` : `rapport advance ${item.id} prepared`;
    case 'mark-held':
      return `rapport advance ${item.id} held`;
    case 'give-up':
      return `rapport advance ${item.id} no-response`;
    case 'manual':
      return `rapport next ${item.id} --done`;
    case 'outcome':
      return outcomeHint(workspace, item);
    default:
      return undefined;
  }
}

/** Once done, an outcome is ticked: `rapport outcome <id> <which> --done`. */
function outcomeHint(workspace: Workspace, item: AgendaItem): string | undefined {
  const contact = workspace.index.contact(item.file);
  const outcome = contact?.outcomes.find((candidate) => candidate.line === item.line);
  return contact && outcome ? `rapport outcome ${item.id} ${outcomeReference(contact, outcome)} --done` : undefined;
}
