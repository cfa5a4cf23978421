/**
 * Facts a letter quotes from the body of a note, each written as a labelled
 * line under a section, e.g. `Impressed by: her keynote …` under
 * `## Why this person`. The label may be bold or start a list item.
 */
export declare const NOTE_FACTS: {
    /** What impressed the seeker: something the person wrote, said or did. */
    readonly impressed: {
        readonly label: "Impressed by";
        readonly section: "Why this person";
    };
    /** Something specific learned in the meeting, for the thank-you. */
    readonly learned: {
        readonly label: "Learned";
        readonly section: "Notes";
    };
    /** A topic discussed, for keep-in-touch notes. Text after a dash (—) is a private reminder. */
    readonly topic: {
        readonly label: "Topic to follow up";
        readonly section: "Notes";
    };
    /** Where and when the seeker is in the person's area, for the cold letter. */
    readonly visiting: {
        readonly label: "In the area";
        readonly section: "Why this person";
    };
};
export type NoteFact = keyof typeof NOTE_FACTS;
/**
 * The text after `label:` on the first line that starts with it, in the
 * named section or, failing that, anywhere in the body. Continuation lines
 * (up to a blank line, a heading or the next list item) are joined, and a
 * final full stop is dropped so the text can sit inside a sentence.
 */
export declare function labelledLine(text: string, label: string, section?: string): string | undefined;
/** One fact of a note, as a letter uses it. */
export declare function noteFact(text: string, fact: NoteFact): string | undefined;
