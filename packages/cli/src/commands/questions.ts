import { editNote, insertQuestions, InvalidInputError, loadQuestions, newQuestions, pickQuestions, QUESTION_THEMES, questionAudience, type Question, type QuestionPick } from '@rapport/core';
import { UsageError, type RegisterCommand } from '../program.js';
import { colorsFor, formatDiagnostic, printable } from '../io.js';

interface QuestionsOptions {
  theme?: string;
  into?: string;
  for?: string;
  pick?: string;
  json?: boolean;
}

export const registerQuestions: RegisterCommand = (program, context) => {
  program
    .command('questions')
    .description(`the question bank by theme: first the five TIARA themes, a frame for informational interviews (${tiaraLabels().join(', ')}), then more; with yours from .rapport/questions.md; --into adds a set to a note`)
    .option('--theme <theme>', 'only this theme (trends, insights, advice, resources, assignments, day, path, skills, hindsight, or one of yours)')
    .option('--pick <ids|count>', 'these questions in this order (e.g. path-1,skills-1,advice-3), or a number of them chosen for the person: openers first, your themes included, "who else" last')
    .option('--into <contact>', "add the questions to the contact's ## Questions section (id or path); \"who else\" stays last")
    .option('--for <contact>', 'choose --pick <count> for this contact (as --into does) and print them')
    .option('--json', 'print a JSON array of {id, theme, text, origin}')
    .addHelpText('after', '\nExamples:\n  rapport questions --theme advice\n  rapport questions --pick 8 --for lauren-fitzgerald\n  rapport questions --pick 8 --into lauren-fitzgerald\n  rapport questions --pick path-1,skills-1,hindsight-1 --into contacts/health-tech/elena-vasquez.md\n')
    .action(async (options: QuestionsOptions) => {
      const ctx = context();
      const set = await loadQuestions(ctx.store);
      for (const d of set.diagnostics) {
        ctx.io.stderr.write(`${formatDiagnostic(d, colorsFor(ctx.io.stderr, ctx.io.env))}\n`);
      }
      if (options.for !== undefined && options.into !== undefined && options.for !== options.into) throw new UsageError('--for and --into name two different contacts: give one');
      const target = options.into ?? options.for;
      const workspace = target === undefined ? undefined : options.into !== undefined ? await ctx.workspaceToWrite() : await ctx.workspace();
      const contact = workspace && target !== undefined ? ctx.contact(workspace, target) : undefined;
      const pick: QuestionPick = {
        ...(options.theme !== undefined ? { theme: options.theme } : {}),
        ...(options.pick !== undefined ? pickOption(options.pick) : {}),
        ...(workspace && contact ? { for: questionAudience(workspace, contact) } : {}),
      };
      let questions: Question[];
      try {
        questions = pickQuestions(set, pick);
      } catch (error) {
        if (error instanceof InvalidInputError) throw new UsageError(error.message);
        throw error;
      }
      // Listing a theme shows that theme; "who else" joins only a set meant for a note.
      if (options.into === undefined && options.theme !== undefined && options.pick === undefined) questions = questions.slice(0, -1);

      if (options.into !== undefined && workspace && contact) {
        const texts = questions.map((question) => question.text);
        const added = newQuestions(workspace.index.text(contact.file) ?? '', texts).length;
        await editNote(workspace, contact.file, (text) => insertQuestions(text, texts), { retries: 5 });
        ctx.print(added === 0 ? `${printable(contact.name)}: these questions are already in ${contact.file}` : `${printable(contact.name)}: added ${added} question${added === 1 ? '' : 's'} to ## Questions in ${contact.file}`);
        // Questions are half of preparing for a booked meeting: the agenda asks for it until the stage says so.
        if (contact.stage === 'scheduled') ctx.print(ctx.colors.dim(`When your research is done too: rapport advance ${contact.id} prepared`));
        return;
      }
      if (options.json) return ctx.json(questions);
      const { colors } = ctx;
      const width = Math.max(...questions.map((question) => question.id.length));
      const line = (question: Question) => `  ${colors.cyan(question.id.padEnd(width))}  ${question.text}${question.origin === 'user' ? colors.dim(' (yours)') : ''}`;
      if (options.pick !== undefined) return questions.forEach((question) => ctx.print(line(question)));
      let explained = false;
      for (const theme of set.themes) {
        const inTheme = questions.filter((question) => question.theme === theme.id);
        if (inTheme.length === 0) continue;
        // Said where the word is first met, once: the acronym means nothing to someone who has not read about informational interviews.
        if (theme.tiara && !explained) {
          ctx.print(colors.dim(`TIARA = ${tiaraLabels().join(', ')}: five themes that cover an informational interview, from where the field is going to what you could try next`));
          explained = true;
        }
        ctx.print(`${colors.bold(theme.label)}${theme.tiara ? colors.dim(' (TIARA)') : ''}`);
        inTheme.forEach((question) => ctx.print(line(question)));
      }
    });
};

/** The five TIARA themes' names, in their order. */
function tiaraLabels(): string[] {
  return QUESTION_THEMES.filter((theme) => theme.tiara).map((theme) => theme.label);
}

function pickOption(value: string): { count: number } | { ids: string[] } {
  if (/^\s*\d+\s*$/.test(value)) return { count: Number(value) };
  const ids = value.split(',').map((id) => id.trim()).filter(Boolean);
  if (ids.length === 0) throw new UsageError('--pick needs question ids (path-1,skills-2) or a number');
  return { ids };
}

