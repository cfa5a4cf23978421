import { collate } from '../collation.js';
import type { Diagnostic } from '../diagnostics.js';
import { LetterNotFoundError, LetterTemplateError } from '../errors.js';
import type { Contact } from '../model/contact.js';
import type { Stage } from '../model/vocabulary.js';
import { didYouMean } from '../model/did-you-mean.js';
import { letterUnfit } from './fit.js';
import type { NoteStore } from '../workspace/store.js';
import { compileLetterTemplate } from './render-template.js';
import { SHIPPED_TEMPLATES } from './shipped-templates.js';
import { parseLetterTemplate, type LetterTemplate } from './template.js';

/** Where a user's own letter templates live, relative to the notes folder. */
export const TEMPLATES_FOLDER = '.rapport/templates';

/** The extension of a template file. */
const EXTENSION = '.eta';

/** Where letter templates may come from: the shipped ones, and the folder's own when it is trusted. */
export interface TemplateOptions {
  /**
   * Run templates from `.rapport/templates/`. They are JavaScript, able to
   * do anything the process can, so only a caller that knows the folder is
   * trusted (VS Code workspace trust, `rapport trust`) sets this to `true`.
   * When `false`, only the shipped letters are listed and rendered, and
   * user files are not even read. Default `false`.
   */
  readonly allowUserTemplates?: boolean;
}

/** Options of `listLetters`. */
export interface ListLettersOptions extends TemplateOptions {
  /** Only the letters that fit this contact (no referral without a referrer, no follow-up after a decline). Default: every letter. */
  readonly for?: Contact;
}

/** One letter that can be written, for menus and `rapport letter --list`. */
export interface LetterInfo {
  readonly name: string;
  readonly description: string;
  readonly origin: 'shipped' | 'user';
  /** A user template that replaces the shipped one of the same name. */
  readonly overrides: boolean;
  readonly file?: string;
  readonly needs: readonly string[];
  readonly stage?: Stage;
  /** Set when the user template is malformed: rendering it throws `LetterTemplateError`. */
  readonly problem?: Diagnostic;
}

/** The shipped template named `name`, parsed. */
export function shippedLetterTemplate(name: string): LetterTemplate | undefined {
  const text = Object.hasOwn(SHIPPED_TEMPLATES, name) ? SHIPPED_TEMPLATES[name] : undefined;
  return text === undefined ? undefined : parseLetterTemplate(name, text, 'shipped');
}

/** Names of the shipped letters, in the order of the interview. */
export const SHIPPED_LETTERS: readonly string[] = Object.keys(SHIPPED_TEMPLATES);

async function userTemplateFiles(store: NoteStore): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const file of await store.listFiles(TEMPLATES_FOLDER)) {
    const base = file.slice(file.lastIndexOf('/') + 1);
    if (base.toLowerCase().endsWith(EXTENSION) && base.length > EXTENSION.length) files.set(base.slice(0, -EXTENSION.length), file);
  }
  return files;
}

/** Every letter that can be written: the shipped ones, replaced or joined by the user's. */
export async function listLetters(store: NoteStore, options: ListLettersOptions = {}): Promise<LetterInfo[]> {
  const letters = await allLetters(store, options);
  const contact = options.for;
  return contact ? letters.filter((letter) => letterUnfit(letter.name, contact) === undefined) : letters;
}

async function allLetters(store: NoteStore, options: TemplateOptions): Promise<LetterInfo[]> {
  const user = options.allowUserTemplates === true ? await userTemplateFiles(store) : new Map<string, string>();
  const infos: LetterInfo[] = [];
  for (const name of SHIPPED_LETTERS) {
    if (user.has(name)) continue;
    const template = shippedLetterTemplate(name)!;
    infos.push({ name, description: template.description, origin: 'shipped', overrides: false, needs: template.needs, ...(template.stage ? { stage: template.stage } : {}) });
  }
  for (const [name, file] of [...user].sort(([a], [b]) => collate(a, b))) {
    const overrides = SHIPPED_LETTERS.includes(name);
    try {
      const template = await readUserTemplate(store, name, file);
      compileLetterTemplate(template);
      infos.push({ name, description: template.description, origin: 'user', overrides, file, needs: template.needs, ...(template.stage ? { stage: template.stage } : {}) });
    } catch (error) {
      if (!(error instanceof LetterTemplateError)) throw error;
      infos.push({ name, description: '', origin: 'user', overrides, file, needs: [], problem: templateDiagnostic(error, file) });
    }
  }
  return infos;
}

/**
 * The template to render for `name`: the user's file when there is one (and
 * user templates are allowed), else the shipped one. Throws
 * `LetterNotFoundError`, or `LetterTemplateError` for a malformed front part.
 */
export async function loadLetterTemplate(store: NoteStore, name: string, options: TemplateOptions = {}): Promise<LetterTemplate> {
  const allowUser = options.allowUserTemplates === true;
  const user = allowUser ? await userTemplateFiles(store) : new Map<string, string>();
  const file = user.get(name);
  if (file !== undefined) return readUserTemplate(store, name, file);
  const shipped = shippedLetterTemplate(name);
  if (shipped) return shipped;
  const available = [...new Set([...SHIPPED_LETTERS, ...user.keys()])];
  const notAllowed = allowUser ? undefined : (await userTemplateFiles(store)).get(name);
  if (notAllowed !== undefined) {
    throw new LetterNotFoundError(name, available, 'user templates are turned off here (allowUserTemplates), so there is no letter', notAllowed);
  }
  throw new LetterNotFoundError(name, available);
}

/**
 * Why `letter` is no letter's name, or `undefined`: a name recorded in a
 * history entry (`advance(…, { letter })`) is what later letters and the
 * report go by, and a typo (`folow-up`) would be kept as a letter no one can
 * write again. The names are the shipped letters and the folder's own
 * templates (in `.rapport/templates/`); a template is only looked for, never
 * run, and one whose front part has a mistake is still that letter.
 * `advance` cannot check it (it has no store), so the caller does: the CLI
 * refuses such a name unless `--force`.
 *
 * @example
 * ```ts
 * import { MemoryStore, unknownLetterProblem } from '@rapport/core';
 *
 * console.log(await unknownLetterProblem(new MemoryStore(), 'folow-up'));
 * // → unknown letter "folow-up" (did you mean follow-up?): the letters are cold-email, cold-letter, follow-up, keep-in-touch, linkedin-note, referral, thank-you
 * ```
 */
export async function unknownLetterProblem(store: NoteStore, letter: string): Promise<string | undefined> {
  try {
    await loadLetterTemplate(store, letter, { allowUserTemplates: true });
    return undefined;
  } catch (error) {
    if (!(error instanceof LetterNotFoundError)) return undefined;
    const names = [...new Set(error.available)].sort();
    return `unknown letter "${letter}"${didYouMean(letter, names)}: the letters are ${names.join(', ')}`;
  }
}

async function readUserTemplate(store: NoteStore, name: string, file: string): Promise<LetterTemplate> {
  const stored = await store.read(file);
  if (!stored) throw new LetterNotFoundError(name, SHIPPED_LETTERS);
  return parseLetterTemplate(name, stored.text, 'user', file);
}

function templateDiagnostic(error: LetterTemplateError, file: string): Diagnostic {
  return {
    file,
    line: error.line,
    column: error.column,
    endLine: error.line,
    endColumn: error.column,
    severity: 'error',
    rule: 'invalid-letter-template',
    message: error.reason,
  };
}
