import { readFile, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  CHANNELS,
  findContact,
  isCalendarDate,
  isChannel,
  LetterNotFoundError,
  LetterTemplateError,
  listLetters,
  markLetterSent,
  MissingLetterFieldsError,
  renderLetter,
  todayIn,
  type Channel,
  type LetterInfo,
} from '@rapport/core';
import type { CommandContext } from '../context.js';
import { EXIT, UsageError, type RegisterCommand } from '../program.js';

interface LetterOptions {
  list?: boolean;
  draft?: boolean;
  out?: string;
  force?: boolean;
  set: string[];
  sent?: boolean;
  date?: string;
  via?: string;
  today?: string;
  userTemplates: boolean;
  json?: boolean;
}

const FIELD_VALUE = /^([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)=(.*)$/s;

export const registerLetter: RegisterCommand = (program, context, setExitCode) => {
  program
    .command('letter')
    .description('write a letter to a contact from a template, filled from the note and your profile; --sent records it')
    .argument('[template]', 'letter template: cold-email, cold-letter, referral, follow-up, thank-you, keep-in-touch, or your own')
    .argument('[contact]', 'contact id or path to its note')
    .option('--list', 'list the letters you can write (also when no template is given)')
    .option('--draft', 'leave [[fill: field]] markers for missing fields instead of failing')
    .option('--out <file>', 'write the letter to this file instead of printing it')
    .option('--force', 'with --out, overwrite the file if it exists')
    .option('--set <field=value>', 'fill or override a field, e.g. --set article="https://…" (repeatable)', (value: string, previous: string[]) => [...previous, value], [])
    .option('--sent', "record the letter as sent: moves the contact to the letter's stage (contacted, followed-up, thanked, nurturing)")
    .option('--date <YYYY-MM-DD>', 'with --sent: the day it was sent (default: today)')
    .option('--via <channel>', `with --sent: the channel used (${CHANNELS.join(', ')}; default: email when the contact has one, else linkedin)`)
    .option('--today <YYYY-MM-DD>', 'write the letter as of this day')
    .option('--no-user-templates', 'run only the letters shipped with Rapport, never .rapport/templates/*.eta')
    .option('--json', 'print {template, origin, contact, subject, body, missing, stage, via} (or the list of letters)')
    .addHelpText(
      'after',
      `
Examples:
  rapport letter --list
  rapport letter thank-you marcus-bell
  rapport letter referral elena-vasquez --out elena.txt --sent --via email
  rapport letter keep-in-touch maya-chen --set article="https://www.nngroup.com/articles/diary-studies/"
  rapport letter cold-letter hannah-schultz --draft --set visiting="Murrysville, January 5–7"
`,
    )
    .action(async (template: string | undefined, reference: string | undefined, options: LetterOptions) => {
      const ctx = context();
      if (options.list || template === undefined) return printList(ctx, await listLetters(ctx.store, { allowUserTemplates: options.userTemplates }), options, setExitCode);
      if (reference === undefined) throw new UsageError(`which contact is the ${template} letter for? (rapport letter ${template} <id|path>)`);
      for (const [flag, value] of [['--date', options.date], ['--via', options.via]] as const) {
        if (value !== undefined && !options.sent) throw new UsageError(`${flag} goes with --sent`);
      }
      if (options.sent && options.draft) throw new UsageError('--sent records a letter you sent; a --draft is not ready to send');
      if (options.force && options.out === undefined) throw new UsageError('--force goes with --out');
      for (const [flag, value] of [['--date', options.date], ['--today', options.today]] as const) {
        if (value !== undefined && !isCalendarDate(value)) throw new UsageError(`invalid ${flag} "${value}" (use YYYY-MM-DD)`);
      }
      if (options.via !== undefined && !isChannel(options.via)) throw new UsageError(`unknown channel "${options.via}" (use one of: ${CHANNELS.join(', ')})`);
      const values: Record<string, string> = {};
      for (const pair of options.set) {
        const match = FIELD_VALUE.exec(pair);
        if (!match) throw new UsageError(`--set needs field=value, such as --set article="https://…" (got "${pair}")`);
        values[match[1]!] = match[2]!;
      }

      const workspace = await ctx.workspace();
      const contact = findContact(workspace, workspace.index.contact(reference) || !workspace.index.contact(ctx.notePath(reference)) ? reference : ctx.notePath(reference));
      const today = options.today ?? todayIn(workspace.config.timezone);
      let letter;
      try {
        letter = await renderLetter(workspace, template, contact.id, { draft: Boolean(options.draft), values, today, allowUserTemplates: options.userTemplates });
      } catch (error) {
        if (error instanceof LetterNotFoundError) throw new UsageError(error.message);
        if (error instanceof MissingLetterFieldsError) return problem(ctx, setExitCode, missingFieldsMessage(error));
        if (error instanceof LetterTemplateError) return problem(ctx, setExitCode, error.message);
        throw error;
      }
      if (options.sent && letter.stage === undefined) throw new UsageError(`the ${template} template does not say which stage sending it records (add \`stage:\` to its front part, or use rapport advance)`);

      // With --sent, a letter whose sending cannot be recorded is taken back: the file must not suggest it was.
      let undoOut: (() => Promise<void>) | undefined;
      if (options.out !== undefined) {
        const file = resolve(ctx.io.cwd, options.out);
        const previous = options.force ? await readFile(file).catch(() => undefined) : undefined;
        undoOut = () => (previous === undefined ? rm(file, { force: true }) : writeFile(file, previous));
        try {
          await writeFile(file, letter.text, { encoding: 'utf8', flag: options.force ? 'w' : 'wx' });
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${options.out} already exists (add --force to overwrite it)`);
          throw error;
        }
        ctx.io.stderr.write(`Wrote the ${letter.template} letter to ${contact.name} to ${options.out}\n`);
      } else if (options.json) {
        ctx.json({ template: letter.template, origin: letter.origin, contact: letter.contact, subject: letter.subject, body: letter.body, missing: letter.missing, stage: letter.stage ?? null, via: letter.via });
      } else {
        ctx.io.stdout.write(letter.text);
      }
      if (letter.missing.length > 0) {
        ctx.io.stderr.write(`Draft: fill ${letter.missing.map((field) => `[[fill: ${field.field}]]`).join(', ')} before sending\n`);
      }

      if (options.sent) {
        const sent = await markLetterSent(workspace, contact.id, template, {
          date: options.date ?? today,
          allowUserTemplates: options.userTemplates,
          ...(options.via ? { via: options.via as Channel } : {}),
        }).catch(async (error: unknown) => {
          if (undoOut) {
            await undoOut();
            ctx.io.stderr.write(`Took back ${options.out}: the letter could not be recorded as sent\n`);
          }
          throw error;
        });
        ctx.io.stderr.write(`Recorded: ${contact.name} ${sent.from} → ${sent.stage} (${sent.date}, via ${sent.via}, letter ${template})  ${sent.file}\n`);
      }
    });
};

function problem(ctx: CommandContext, setExitCode: (code: number) => void, message: string): void {
  ctx.io.stderr.write(`rapport: ${message}\n`);
  setExitCode(EXIT.problems);
}

function missingFieldsMessage(error: MissingLetterFieldsError): string {
  const lines = error.missing.map((field) => {
    const where = field.source === 'value' ? `pass it with --set ${field.field}="…"` : `${field.hint} in ${field.file}`;
    return `  - ${field.field}: ${where}`;
  });
  const count = error.missing.length === 1 ? '1 field is' : `${error.missing.length} fields are`;
  return `cannot write the "${error.template}" letter to ${error.contact}: ${count} missing\n${lines.join('\n')}\n(run with --draft for the letter with [[fill: …]] markers to complete by hand)`;
}

function printList(ctx: CommandContext, letters: readonly LetterInfo[], options: LetterOptions, setExitCode: (code: number) => void): void {
  const problems = letters.filter((letter) => letter.problem);
  if (problems.length > 0) setExitCode(EXIT.problems);
  if (options.json) return ctx.json(letters);
  const { colors } = ctx;
  const width = Math.max(...letters.map((letter) => letter.name.length));
  for (const letter of letters) {
    if (letter.problem) {
      const { file, line, column, message } = letter.problem;
      ctx.print(`${letter.name.padEnd(width)}  ${colors.red('broken')} ${file}:${line}:${column} ${message}`);
      continue;
    }
    const origin = letter.origin === 'shipped' ? '' : colors.dim(letter.overrides ? ` (yours: ${letter.file}, replaces the shipped one)` : ` (yours: ${letter.file})`);
    const stage = letter.stage ? colors.dim(` → ${letter.stage}`) : '';
    ctx.print(`${colors.cyan(letter.name.padEnd(width))}  ${letter.description || colors.dim('no description')}${stage}${origin}`);
  }
  if (!options.userTemplates) ctx.print(colors.dim('(user templates are off: only shipped letters are listed)'));
}
