/**
 * Notes describe a person in the third person ("her keynote", "the pilot he
 * led"); a letter speaks to them. This rewrites he/she/him/his/her/hers to
 * you/your/yours, outside quotations, so a phrase from the note can sit in
 * the letter. `they` is left alone: in notes it mostly means other people.
 */
export declare function toSecondPerson(text: string): string;
