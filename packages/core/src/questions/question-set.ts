import type { Diagnostic, DiagnosticRule } from '../diagnostics.js';
import { InvalidInputError } from '../errors.js';
import { LineIndex, readLayout } from '../note/source.js';
import type { NoteStore } from '../workspace/store.js';
import { questionKey } from './question-key.js';
import { CLOSING_QUESTION, CLOSING_THEME, QUESTION_BANK, QUESTION_THEMES, type Question, type QuestionTheme } from './bank.js';
import { tailoredQuestions, type QuestionAudience } from './tailored.js';
import { FENCE_OPEN } from '../note/body.js';

/** Where a user adds questions, relative to the notes folder. */
export const QUESTIONS_PATH = '.rapport/questions.md';

/** The bank merged with the user's questions. */
export interface QuestionSet {
  /** Bank themes in order, the user's new themes just before "who else". */
  readonly themes: readonly QuestionTheme[];
  /** Every question, theme by theme, bank before user; the closing question last. */
  readonly questions: readonly Question[];
  /** Problems in `.rapport/questions.md`. */
  readonly diagnostics: readonly Diagnostic[];
}

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$/;

/** Letters and digits only, lowercased: "Day-to-day" and "day to day" name the same theme. */
function themeKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

export { questionKey };

function slug(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'mine';
}

/**
 * Reads a user's questions file and merges it with the bank. Each `##`
 * heading names a theme (a bank theme by id or label, or a new one); each
 * list item under it is a question. Problems are diagnostics; nothing throws.
 *
 * ```markdown
 * ## Trends
 * - How is AI changing patient research?
 * ## Working with clinicians
 * - How do you get time with busy nurses?
 * ```
 */
export function readQuestions(text: string | undefined, file = QUESTIONS_PATH): QuestionSet {
  const diagnostics: Diagnostic[] = [];
  if (text === undefined) return { themes: QUESTION_THEMES, questions: QUESTION_BANK, diagnostics };
  const layout = readLayout(text);
  const lines = new LineIndex(layout.content);
  const report = (offset: number, length: number, severity: Diagnostic['severity'], rule: DiagnosticRule, message: string, hint?: string) => {
    const from = lines.position(offset);
    const to = lines.position(offset + length);
    diagnostics.push({ file, line: from.line, column: from.column, endLine: to.line, endColumn: to.column, severity, rule, message, ...(hint ? { hint } : {}) });
  };

  const byKey = new Map<string, QuestionTheme>();
  for (const theme of QUESTION_THEMES) {
    byKey.set(themeKey(theme.id), theme);
    byKey.set(themeKey(theme.label), theme);
  }
  const custom: QuestionTheme[] = [];
  const added = new Map<string, string[]>();
  const seen = new Map(QUESTION_BANK.map((question) => [questionKey(question.text), question.id]));
  let theme: QuestionTheme | undefined;
  /** Where each theme of the user's own is headed, to say so when it ends up with no question. */
  const headings = new Map<string, { start: number; length: number }>();
  let item: { offset: number; parts: string[] } | undefined;
  let inFence = false;
  let inComment = false;

  const themeFor = (title: string): QuestionTheme => {
    const known = byKey.get(themeKey(title));
    if (known) return known;
    let id = slug(title);
    while (QUESTION_THEMES.some((other) => other.id === id) || custom.some((other) => other.id === id)) id = `${id}-mine`;
    const created: QuestionTheme = { id, label: title, tiara: false };
    custom.push(created);
    byKey.set(themeKey(title), created);
    return created;
  };

  const closeItem = () => {
    if (!item) return;
    const question = item.parts.join(' ').replace(/\s+/g, ' ').trim();
    const at = item.offset;
    item = undefined;
    if (question === '') return report(at, 1, 'warning', 'empty-question', 'This list item has no question', 'Write the question after the `-`, or delete the line');
    if (!theme) {
      report(at, question.length, 'warning', 'question-outside-theme', 'This question is not under a theme heading; it is listed under "My questions"', 'Put a heading such as `## Trends` or `## My own theme` above it');
      theme = themeFor('My questions');
    }
    const key = questionKey(question);
    const previous = seen.get(key);
    if (previous) return report(at, question.length, 'info', 'duplicate-question', `This question is already in the list as ${previous}; it is skipped`);
    const list = added.get(theme.id) ?? [];
    list.push(question);
    added.set(theme.id, list);
    // The id the question gets below: numbered after the bank's questions of its theme.
    seen.set(key, `${theme.id}-${bankQuestions(theme.id).length + list.length} (yours)`);
  };

  let offset = layout.bodyStart;
  for (const raw of layout.content.slice(layout.bodyStart).split('\n')) {
    const line = raw.replace(/\r$/, '');
    const start = offset;
    offset += raw.length + 1;
    if (FENCE_OPEN.test(line)) inFence = !inFence;
    if (inFence || FENCE_OPEN.test(line)) {
      closeItem();
      continue;
    }
    if (inComment || line.trimStart().startsWith('<!--')) {
      inComment = !line.includes('-->');
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      closeItem();
      if (heading[1]!.length === 1) continue;
      const title = (heading[2] ?? '').trim();
      if (title === '') {
        report(start, line.length, 'warning', 'empty-theme', 'This heading has no theme name; its questions go to the theme above it');
        continue;
      }
      theme = themeFor(title);
      if (!headings.has(theme.id)) headings.set(theme.id, { start, length: line.length });
      continue;
    }
    const listItem = ITEM.exec(line);
    if (listItem) {
      closeItem();
      item = { offset: start + line.length - line.trimStart().length, parts: [listItem[1] ?? ''] };
      continue;
    }
    if (line.trim() === '') {
      closeItem();
      continue;
    }
    // A `-` alone is an empty item: a line after it that is not indented is a paragraph of its own, as in Markdown.
    if (item && !(item.parts.length === 1 && item.parts[0] === '' && !/^[ \t]/.test(line))) {
      item.parts.push(line.trim());
      continue;
    }
    closeItem();
    report(start, line.length, 'info', 'ignored-text', 'Text that is not a list item is not a question; it is ignored', 'Start each question with `- `');
  }
  closeItem();
  // A theme of the user's own with no question is not offered: picking it would give nothing.
  for (const [id, heading] of headings) {
    if (added.has(id) || !custom.some((other) => other.id === id)) continue;
    const empty = custom.find((other) => other.id === id)!;
    report(heading.start, heading.length, 'warning', 'empty-theme', `The theme "${empty.label}" has no question, so it is not offered`, 'Add questions under it as `- ` list items, or delete the heading');
    custom.splice(custom.indexOf(empty), 1);
  }

  const closingIndex = QUESTION_THEMES.findIndex((other) => other.id === CLOSING_THEME);
  const themes = [...QUESTION_THEMES.slice(0, closingIndex), ...custom, ...QUESTION_THEMES.slice(closingIndex)];
  const questions: Question[] = [];
  for (const current of themes) {
    const bank = bankQuestions(current.id);
    questions.push(...bank);
    (added.get(current.id) ?? []).forEach((text, index) => questions.push({ id: `${current.id}-${bank.length + index + 1}`, theme: current.id, text, origin: 'user' }));
  }
  questions.push(CLOSING_QUESTION);
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return { themes, questions, diagnostics };
}

/** The bank's questions of a theme, "who else" left for the end. */
function bankQuestions(theme: string): Question[] {
  return QUESTION_BANK.filter((question) => question.theme === theme && question !== CLOSING_QUESTION);
}

/** The bank plus `.rapport/questions.md`, read through the store. */
export async function loadQuestions(store: NoteStore): Promise<QuestionSet> {
  const stored = await store.read(QUESTIONS_PATH);
  return readQuestions(stored?.text);
}

/** A theme by id or label (case and punctuation ignored). */
export function findTheme(set: QuestionSet, name: string): QuestionTheme | undefined {
  const key = themeKey(name);
  return set.themes.find((theme) => themeKey(theme.id) === key || themeKey(theme.label) === key);
}

/** Which questions `pickQuestions` returns: by theme, by id, or a number of them tailored to the person. */
export interface QuestionPick {
  /** Only questions of this theme (id or label). Default: every theme. */
  readonly theme?: string;
  /** These questions, in this order (most important first). */
  readonly ids?: readonly string[];
  /**
   * This many questions, "who else" included: rapport-building openers
   * first, the themes that matter for the person (`for`) and the user's own
   * themes next, then the rest, varied by person (see `tailoredQuestions`).
   * Default: all.
   */
  readonly count?: number;
  /** The person a counted pick is for. Default: nobody in particular (the same list every time). */
  readonly for?: QuestionAudience;
}

/**
 * Chooses questions for a conversation. The closing "who else should I talk
 * to?" is always included, and always last. Unknown ids or themes throw
 * `InvalidInputError`.
 */
export function pickQuestions(set: QuestionSet, pick: QuestionPick = {}): Question[] {
  const closing = set.questions.at(-1)!;
  let candidates = set.questions.filter((question) => question !== closing);
  if (pick.theme !== undefined) {
    const theme = findTheme(set, pick.theme);
    if (!theme) throw new InvalidInputError(`unknown theme "${pick.theme}" (use one of: ${set.themes.map((other) => other.id).join(', ')})`);
    candidates = candidates.filter((question) => question.theme === theme.id);
  }
  let chosen: Question[];
  if (pick.ids !== undefined) {
    const unknown = pick.ids.filter((id) => !set.questions.some((question) => question.id === id));
    if (unknown.length > 0) throw new InvalidInputError(`unknown question id${unknown.length === 1 ? '' : 's'}: ${unknown.join(', ')}`);
    chosen = [...new Set(pick.ids)].map((id) => set.questions.find((question) => question.id === id)!).filter((question) => question !== closing);
  } else if (pick.count !== undefined) {
    if (!Number.isInteger(pick.count) || pick.count < 1) throw new InvalidInputError(`cannot pick ${pick.count} questions (give a whole number, 1 or more)`);
    chosen = tailoredQuestions(candidates, set.themes, pick.count - 1, pick.for);
  } else {
    chosen = candidates;
  }
  return [...chosen, closing];
}
