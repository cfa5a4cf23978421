import type { Diagnostic } from '../diagnostics.js';
import type { NoteStore } from '../workspace/store.js';
import { type Question, type QuestionTheme } from './bank.js';
/** Where a user adds questions, relative to the notes folder. */
export declare const QUESTIONS_PATH = ".rapport/questions.md";
/** The bank merged with the user's questions. */
export interface QuestionSet {
    /** Bank themes in order, the user's new themes just before "who else". */
    readonly themes: readonly QuestionTheme[];
    /** Every question, theme by theme, bank before user; the closing question last. */
    readonly questions: readonly Question[];
    /** Problems in `.rapport/questions.md`. */
    readonly diagnostics: readonly Diagnostic[];
}
/** Lowercase words without the final punctuation, to spot the same question written twice. */
export declare function questionKey(text: string): string;
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
export declare function readQuestions(text: string | undefined, file?: string): QuestionSet;
/** The bank plus `.rapport/questions.md`, read through the store. */
export declare function loadQuestions(store: NoteStore): Promise<QuestionSet>;
/** A theme by id or label (case and punctuation ignored). */
export declare function findTheme(set: QuestionSet, name: string): QuestionTheme | undefined;
export interface QuestionPick {
    /** Only questions of this theme (id or label). Default: every theme. */
    readonly theme?: string;
    /** These questions, in this order (most important first). */
    readonly ids?: readonly string[];
    /** This many questions, taking each theme's first question in turn, then its second… Default: all. */
    readonly count?: number;
}
/**
 * Chooses questions for a conversation. The closing "who else should I talk
 * to?" is always included, and always last. Unknown ids or themes throw
 * `InvalidInputError`.
 */
export declare function pickQuestions(set: QuestionSet, pick?: QuestionPick): Question[];
