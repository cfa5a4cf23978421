import { readFile, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  CHANNELS,
  isChannel,
  LetterNotFoundError,
  LetterTemplateError,
  LetterUnfitError,
  LINKEDIN_NOTE_LIMIT,
  listLetters,
  markLetterSent,
  MissingLetterFieldsError,
  renderLetter,
  SHIPPED_LETTERS,
  todayIn,
  type Channel,
  type LetterInfo,
} from '@rapport/core';
import { checkLetterRecordable, stageChangeWords } from '@rapport/core/internal';
import type { CommandContext } from '../context.js';
import { trustState } from '../trust.js';
import { EXIT, UsageError, type RegisterCommand } from '../program.js';
import { assertSafeOutput } from '../output-file.js';
import { joinRepeated, printable } from '../io.js';
import { endedSnooze, recordIn, refuseFutureDate } from './recording.js';
import { checkDateOptions } from '../date-options.js';
import { didYouMean } from '@rapport/core/internal';

interface LetterOptions {
  list?: boolean;
  draft?: boolean;
  out?: string;
  force?: boolean;
  set: string[];
  sent?: boolean;
  note?: string;
  date?: string;
  via?: string;
  today?: string;
  userTemplates: boolean;
  allowTemplates?: boolean;
  json?: boolean;
}

const FIELD_VALUE = /^([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)=(.*)$/s;

export const registerLetter: RegisterCommand = (program, context, setExitCode) => {
  program
    .command('letter')
    .description('write a letter to a contact from a template, filled from the note and your profile; --sent records it')
    .argument('[template]', 'letter template: cold-email, cold-letter, referral, linkedin-note, follow-up, thank-you, keep-in-touch, or your own')
    .argument('[contact]', 'contact id or path to its note')
    .option('--list', 'list the letters you can write (also when no template is given); --list <contact>: those that fit this contact')
    .option('--draft', 'leave [[fill: field]] markers for missing fields instead of failing')
    .option('--out <file>', 'write the letter to this file instead of printing it')
    .option('--force', 'with --out, overwrite the file if it exists; with --sent, record it even when dated after today, before the last history entry or before the meeting')
    .option('--set <field=value>', 'fill or override a field, e.g. --set article="https://…" (repeatable)', (value: string, previous: string[]) => [...previous, value], [])
    .option('--sent', "record the letter as sent: moves the contact to the letter's stage (contacted, followed-up, thanked, nurturing)")
    .option('--note <text>', 'with --sent: a remark for the history entry (default, for a letter given --set article=…: "shared: " and the article)', joinRepeated)
    .option('--date <YYYY-MM-DD>', 'with --sent: the day it was sent (default: today)')
    .option('--via <channel>', `the channel it goes through (${CHANNELS.join(', ')}; default: a follow-up goes the way the request went; else email when the contact has one, else the last message's, else linkedin with a profile, else letter); linkedin, phone and in-person leave out the Subject: line`)
    .option('--today <YYYY-MM-DD>', 'write the letter as of this day')
    .option('--allow-templates', "run this folder's own templates (.rapport/templates/*.eta) for this run, trusted or not (see rapport trust)")
    .option('--no-user-templates', 'run only the letters shipped with Rapport, never .rapport/templates/*.eta')
    .option('--json', 'print {template, origin, contact, subject, body, missing, stage, via} (or the list of letters)')
    .addHelpText(
      'after',
      `
Examples:
  rapport letter --list
  rapport letter --list elena-vasquez
  rapport letter linkedin-note tomas-herrera
  rapport letter thank-you marcus-bell
  rapport letter referral elena-vasquez --out elena.txt --sent --via email
  rapport letter keep-in-touch maya-chen --set article="https://www.nngroup.com/articles/diary-studies/"
  rapport letter cold-letter hannah-schultz --draft --set visiting="Murrysville, January 5–7"
  rapport letter follow-up owen-park --allow-templates

Templates in .rapport/templates/ are code: they run only in a folder you trusted (rapport trust),
or with --allow-templates; otherwise the shipped letter is used, and stderr says so.
`,
    )
    .action(async (template: string | undefined, reference: string | undefined, options: LetterOptions) => {
      const ctx = context();
      if (options.allowTemplates && !options.userTemplates) throw new UsageError('--allow-templates and --no-user-templates contradict each other');
      const gate = await templateGate(ctx, options);
      if (options.list || template === undefined) {
        // `--list <contact>`: the one argument names the contact, and only the letters that fit them are listed.
        const forContact = template === undefined ? undefined : await contactFor(ctx, template);
        const letters = await listLetters(ctx.store, { allowUserTemplates: gate.allow, ...(forContact ? { for: forContact } : {}) });
        // Said on stderr: the list itself (and --json) stays empty for scripts.
        if (forContact && letters.length === 0) ctx.io.stderr.write(`No letter fits ${printable(forContact.name)} now (stage ${forContact.stage}); rapport advance records a step without a letter\n`);
        return printList(ctx, letters, options, setExitCode, gate);
      }
      if (reference === undefined) throw new UsageError(`which contact is the ${template} letter for? (rapport letter ${template} <id|path>)`);
      if (options.date !== undefined && !options.sent) throw new UsageError('--date goes with --sent');
      if (options.note !== undefined && !options.sent) throw new UsageError('--note goes with --sent');
      if (options.sent && options.draft) throw new UsageError('--sent records a letter you sent; a --draft is not ready to send');
      if (options.force && options.out === undefined && !options.sent) throw new UsageError('--force goes with --out or --sent');
      checkDateOptions({ '--date': options.date, '--today': options.today });
      if (options.via !== undefined && !isChannel(options.via)) throw new UsageError(`unknown channel "${options.via}" (use one of: ${CHANNELS.join(', ')})`);
      const values: Record<string, string> = {};
      for (const pair of options.set) {
        const match = FIELD_VALUE.exec(pair);
        if (!match) throw new UsageError(`--set needs field=value, such as --set article="https://…" (got "${pair}")`);
        values[match[1]!] = match[2]!;
      }

      const workspace = await ctx.workspaceToWrite('no letter written');
      const contact = ctx.contact(workspace, reference);
      const today = options.today ?? todayIn(workspace.config.timezone);
      const blocked = gate.blocked.find((file) => templateName(file) === template);
      // Said before writing, so it shows even when the shipped letter then lacks a field.
      if (blocked && SHIPPED_LETTERS.includes(template)) {
        ctx.io.stderr.write(`rapport: used the shipped ${template} letter, not ${blocked}: ${gate.why}; read it, then run rapport trust (or add --allow-templates for this run)\n`);
      }
      let letter;
      try {
        letter = await renderLetter(workspace, template, contact.id, { draft: Boolean(options.draft), values, today, allowUserTemplates: gate.allow, ...(options.via ? { via: options.via as Channel } : {}) });
      } catch (error) {
        if (error instanceof LetterNotFoundError && error.notAllowedFile !== undefined && !options.userTemplates) {
          throw new UsageError(`${error.notAllowedFile} did not run: --no-user-templates runs only the letters shipped with Rapport`);
        }
        if (error instanceof LetterNotFoundError && blocked) throw new UsageError(`${blocked} did not run: ${gate.why}; read it, then run rapport trust (or add --allow-templates for this run)`);
        if (error instanceof LetterNotFoundError) throw new UsageError(`${error.message}${didYouMean(template, error.available)}`);
        if (error instanceof LetterUnfitError) throw new UsageError(error.message);
        if (error instanceof MissingLetterFieldsError) return problem(ctx, setExitCode, missingFieldsMessage(error));
        if (error instanceof LetterTemplateError) return problem(ctx, setExitCode, error.message);
        throw error;
      }
      if (options.sent && letter.stage === undefined) throw new UsageError(`the ${template} template does not say which stage sending it records (add \`stage:\` to its front part, or use rapport advance)`);
      // A letter that will not be recorded is refused before it is printed or written.
      const noteText = workspace.index.text(contact.file);
      if (options.sent) refuseFutureDate(contact.name, options.date ?? today, today, options.force);
      if (options.sent) ctx.refuseMisreadContact(workspace, contact, options.force);
      const stage = letter.stage;
      if (options.sent && !options.force && noteText !== undefined && stage !== undefined) {
        await recordIn(contact.name, async () => checkLetterRecordable(noteText, stage, options.date ?? today));
      }

      // With --sent, a letter whose sending cannot be recorded is taken back: the file must not suggest it was.
      let undoOut: (() => Promise<void>) | undefined;
      if (options.out !== undefined) {
        const file = resolve(ctx.io.cwd, options.out);
        await assertSafeOutput(file, ctx.store.root, options.out);
        const previous = options.force ? await readFile(file).catch(() => undefined) : undefined;
        undoOut = () => (previous === undefined ? rm(file, { force: true }) : writeFile(file, previous));
        try {
          await writeFile(file, letter.text, { encoding: 'utf8', flag: options.force ? 'w' : 'wx' });
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${options.out} already exists (add --force to overwrite it)`);
          throw error;
        }
        ctx.io.stderr.write(`Wrote the ${letter.template} letter to ${printable(contact.name)} to ${options.out}\n`);
      } else if (options.json) {
        ctx.json({ template: letter.template, origin: letter.origin, contact: letter.contact, subject: letter.subject, body: letter.body, missing: letter.missing, stage: letter.stage ?? null, via: letter.via, warnings: letter.warnings, ...(letter.length === undefined ? {} : { length: letter.length }) });
      } else {
        ctx.io.stdout.write(letter.text);
      }
      if (letter.missing.length > 0) {
        ctx.io.stderr.write(`Draft: fill ${letter.missing.map((field) => `[[fill: ${field.field}]]`).join(', ')} before sending\n`);
      }
      for (const warning of letter.warnings) ctx.io.stderr.write(`rapport: ${warning}\n`);
      if (letter.viaByPost) ctx.io.stderr.write('rapport: (or give the channel it goes by, e.g. --via email)\n');
      if (letter.length !== undefined && letter.length > LINKEDIN_NOTE_LIMIT) {
        ctx.io.stderr.write('rapport: (to give a field shorter for this note only: --set, e.g. --set impressedBrief="…")\n');
        if (options.sent) ctx.io.stderr.write('rapport: not recorded as sent: LinkedIn would not take it as it is\n');
        return setExitCode(EXIT.problems);
      }

      if (options.sent) {
        const sent = await recordIn(contact.name, () =>
          markLetterSent(workspace, contact.id, template, {
            date: options.date ?? today,
            allowUserTemplates: gate.allow,
            via: letter.via,
            // What was shared is what the next keep-in-touch should not share again.
            ...(options.note !== undefined ? { note: options.note } : values.article ? { note: `shared: ${values.article}` } : {}),
            ...(options.force ? { force: true } : {}),
          }),
        ).catch(async (error: unknown) => {
          if (undoOut) {
            await undoOut();
            ctx.io.stderr.write(`Took back ${options.out}: the letter could not be recorded as sent\n`);
          }
          throw error;
        });
        ctx.io.stderr.write(`Recorded: ${printable(contact.name)} ${stageChangeWords(sent.from, sent.stage)} (${sent.date}, via ${sent.via}, letter ${template})  ${sent.file}\n`);
        const snooze = endedSnooze(workspace, contact, today);
        if (snooze !== undefined) ctx.io.stderr.write(`${snooze}\n`);
      }
    });
};

async function contactFor(ctx: CommandContext, reference: string) {
  const workspace = await ctx.workspace();
  return ctx.contact(workspace, reference);
}

function problem(ctx: CommandContext, setExitCode: (code: number) => void, message: string): void {
  ctx.io.stderr.write(`rapport: ${message}\n`);
  setExitCode(EXIT.problems);
}

function missingFieldsMessage(error: MissingLetterFieldsError): string {
  const lines = error.missing.map((field) => {
    // A value given on the command line: the core's hint says what to give; the generic one only repeats that.
    const generic = field.hint === `give a value for \`${field.field}\` when writing the letter`;
    const where = field.source === 'value' ? `pass it with --set ${field.field}="…"${generic ? '' : ` (${field.hint})`}` : field.line === undefined ? `${field.hint} in ${field.file}` : `${field.file}:${field.line}: ${field.hint}`;
    return `  - ${field.field}: ${where}`;
  });
  const count = error.missing.length === 1 ? '1 field is' : `${error.missing.length} fields are`;
  return `cannot write the "${error.template}" letter to ${error.contact}: ${count} missing\n${lines.join('\n')}\n(run with --draft for the letter with [[fill: …]] markers to complete by hand)`;
}

/** The letter a template file defines, as the core's registry names it: `…/follow-up.eta` → `follow-up`. */
function templateName(file: string): string | undefined {
  const base = file.slice(file.lastIndexOf('/') + 1);
  return base.toLowerCase().endsWith('.eta') && base.length > 4 ? base.slice(0, -4) : undefined;
}

interface TemplateGate {
  /** Whether the folder's templates run. */
  readonly allow: boolean;
  /** Template files that exist but do not run because the folder is not trusted (or changed since). */
  readonly blocked: readonly string[];
  /** Why they do not run. */
  readonly why: string;
}

/**
 * Folder templates are JavaScript: they run only when the folder is trusted
 * (`rapport trust`, with the templates unchanged since) or with
 * `--allow-templates`, never from a folder that was just cloned.
 */
async function templateGate(ctx: CommandContext, options: LetterOptions): Promise<TemplateGate> {
  if (!options.userTemplates) return { allow: false, blocked: [], why: '' };
  if (options.allowTemplates) return { allow: true, blocked: [], why: '' };
  const state = await trustState(ctx.store.root, ctx.io.env);
  if (state.kind === 'no-templates' || state.kind === 'trusted') return { allow: state.kind === 'trusted', blocked: [], why: '' };
  const why = state.kind === 'changed' ? 'a template changed since you trusted this folder' : "this folder's templates are code, and the folder is not trusted";
  return { allow: false, blocked: state.files, why };
}

function printList(ctx: CommandContext, letters: readonly LetterInfo[], options: LetterOptions, setExitCode: (code: number) => void, gate: TemplateGate): void {
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
  const blocked = gate.blocked.filter((file) => templateName(file) !== undefined);
  if (blocked.length > 0) ctx.print(colors.dim(`(not run: ${blocked.join(', ')}: ${gate.why}; read them, then run rapport trust)`));
}
