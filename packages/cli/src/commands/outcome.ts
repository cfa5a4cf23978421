import { editNote, setOutcomeDone, type Contact, type Outcome } from '@rapport/core';
import { outcomeLabelKey } from '@rapport/core/internal';
import { printable } from '../io.js';
import { UsageError, type RegisterCommand } from '../program.js';
import { checkDateOptions } from '../date-options.js';
import { printNextAction } from './recording.js';

interface OutcomeOptions {
  done?: boolean;
  reopen?: boolean;
  today?: string;
}

export const registerOutcome: RegisterCommand = (program, context) => {
  program
    .command('outcome')
    .description("a contact's outcomes (leads, offers, referrals… under ## Outcomes): list them, tick one done (--done), or open it again (--reopen)")
    .argument('<contact>', 'contact id or path to its note')
    .argument('[outcome]', 'the outcome: its line number, or words of it (its label, e.g. "job shadow", or of its text)')
    .option('--done', 'tick it: its box becomes [x] (an item without one gets it), and it leaves the agenda and the open leads')
    .option('--reopen', 'open it again: [x] becomes [ ]')
    .option('--today <YYYY-MM-DD>', 'compute the next action shown afterwards as of this day')
    .addHelpText('after', '\nExamples:\n  rapport outcome marcus-bell\n  rapport outcome marcus-bell "job shadow" --done\n  rapport outcome marcus-bell 82 --reopen\n')
    .action(async (reference: string, which: string | undefined, options: OutcomeOptions) => {
      checkDateOptions({ '--today': options.today });
      if (options.done && options.reopen) throw new UsageError('choose one of --done and --reopen');
      const done = options.done ? true : options.reopen ? false : undefined;
      const ctx = context();
      const workspace = done === undefined ? await ctx.workspace() : await ctx.workspaceToWrite();
      const contact = ctx.contact(workspace, reference);
      const where = (outcome: Outcome) => ctx.colors.dim(`${ctx.displayPath(contact.file)}:${outcome.line}`);
      if (which === undefined) {
        if (done !== undefined) throw new UsageError(`say which outcome of ${contact.name} to ${done ? 'tick' : 'open again'}: ${listed(contact)}`);
        if (contact.outcomes.length === 0) return ctx.print(`${printable(contact.name)} has no outcomes yet (list items under ## Outcomes that start with a label such as Lead:, Referral:, Job shadow:)`);
        for (const outcome of contact.outcomes) ctx.print(listLine(outcome));
        return;
      }
      const outcome = chosenOutcome(contact, which);
      if (done === undefined) return ctx.print(listLine(outcome));
      const words = wordsOf(outcome);
      if ((outcome.done === true) === done) return ctx.print(`${printable(contact.name)}: already ${done ? 'done' : 'open'}: ${words}  ${where(outcome)}`);
      await editNote(workspace, contact.file, (text) => setOutcomeDone(text, outcome, done, { labels: workspace.config.outcomeLabels }), { retries: 5 });
      ctx.print(`${printable(contact.name)}: ${done ? 'done' : 'open again'}: ${words}  ${where(outcome)}`);
      printNextAction(ctx, workspace, contact.file, options.today);
    });
};

/** An outcome as written: its label and words. */
function wordsOf(outcome: Outcome): string {
  return printable(`${outcome.label}: ${outcome.text}`);
}

/** An outcome as `rapport outcome` lists it: its line, its box, its words. */
function listLine(outcome: Outcome): string {
  return `  ${String(outcome.line).padStart(4)}  ${outcome.done === true ? '[x]' : '[ ]'} ${wordsOf(outcome)}`;
}

/** An outcome in a message that names several: `line 82 (Lead: Mon Valley Health: UX…)`. */
function briefly(outcome: Outcome): string {
  return `line ${outcome.line} (${printable(`${outcome.label}: ${shortText(outcome.text)}`)})`;
}

function listed(contact: Contact): string {
  if (contact.outcomes.length === 0) return 'it has none (list items under ## Outcomes that start with a label such as Lead:)';
  return contact.outcomes.map(briefly).join(', ');
}

/** The first words of an outcome's text, for a list of them on one line. */
function shortText(text: string): string {
  if (text.length <= 40) return text;
  const cut = text.slice(0, 40);
  const space = cut.lastIndexOf(' ');
  return `${(space > 20 ? cut.slice(0, space) : cut).replace(/[\s,;:\u2013\u2014-]+$/, '')}…`;
}

/**
 * The outcome `which` names: a line number where one starts, the outcomes whose label it is (case and
 * accents ignored), else those whose words contain it. Exactly one, or a usage error listing them.
 */
export function chosenOutcome(contact: Contact, which: string): Outcome {
  if (/^\d+$/.test(which.trim())) {
    const line = Number(which.trim());
    const atLine = contact.outcomes.find((outcome) => outcome.line === line);
    if (!atLine) throw new UsageError(`no outcome of ${contact.name} starts on line ${line} of ${contact.file}: ${listed(contact)}`);
    return atLine;
  }
  const wanted = outcomeLabelKey(which);
  if (wanted === '') throw new UsageError(`say which outcome of ${contact.name}: ${listed(contact)}`);
  const byLabel = contact.outcomes.filter((outcome) => outcomeLabelKey(outcome.label) === wanted);
  const matches = byLabel.length > 0 ? byLabel : contact.outcomes.filter((outcome) => outcomeLabelKey(`${outcome.label}: ${outcome.text}`).includes(wanted));
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw new UsageError(`no outcome of ${contact.name} says "${which}": ${listed(contact)}`);
  throw new UsageError(`"${which}" fits ${matches.length} outcomes of ${contact.name}: ${matches.map(briefly).join(', ')}; give the line number`);
}

