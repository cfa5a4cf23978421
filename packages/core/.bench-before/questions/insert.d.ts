/** The heading questions go under. */
export declare const QUESTIONS_SECTION = "Questions";
/**
 * Adds questions to the note's `## Questions` section (created when
 * missing), numbered after the ones already there. Questions already in
 * the section are skipped. When the section ends with a "who else…?"
 * question, the new ones go just before it so it stays last (only its
 * number changes); otherwise they are appended with `appendToSection`.
 * Everything else in the note stays byte-identical.
 */
export declare function insertQuestions(text: string, questions: readonly string[]): string;
/** The questions `insertQuestions` would add: those not in the section yet, without a second "who else". */
export declare function newQuestions(text: string, questions: readonly string[]): string[];
