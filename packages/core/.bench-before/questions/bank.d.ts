/** A group of questions. The first five are the TIARA frame: trends, insights, advice, resources, assignments. */
export interface QuestionTheme {
    /** Short id used in question ids and `--theme`, e.g. `trends`. */
    readonly id: string;
    readonly label: string;
    /** One of the five TIARA themes. */
    readonly tiara: boolean;
}
export interface Question {
    /** Stable id: the theme id and a number, e.g. `trends-2`. */
    readonly id: string;
    /** Theme id. */
    readonly theme: string;
    readonly text: string;
    /** From Rapport's bank, or from the user's `.rapport/questions.md`. */
    readonly origin: 'bank' | 'user';
}
/** The themes in the order a conversation and the bank follow; "who else" always comes last. */
export declare const QUESTION_THEMES: readonly QuestionTheme[];
/** The theme whose one question closes every list. */
export declare const CLOSING_THEME = "referrals";
/** Rapport's question bank, theme by theme; the last question is always "who else should I talk to?". */
export declare const QUESTION_BANK: readonly Question[];
/** The question that ends every list: who else to talk to. */
export declare const CLOSING_QUESTION: Question;
