import { type MeetingFormat, type Stage } from '../model/vocabulary.js';
/** Details of a meeting being scheduled. */
export interface MeetingInput {
    /** `YYYY-MM-DDTHH:mm`, optionally with an offset such as `-05:00`. */
    readonly at: string;
    /** Default 30: ask for half an hour. */
    readonly minutes?: number;
    /** Default `video`. */
    readonly format?: MeetingFormat;
    readonly place?: string;
    readonly link?: string;
}
export interface AdvanceOptions {
    /** Day of the change, `YYYY-MM-DD`. */
    readonly date: string;
    /** Channel used, e.g. `email` for a letter sent. */
    readonly via?: string;
    /** Name of the letter template that was sent. */
    readonly letter?: string;
    /** A short free-text remark for the history entry. */
    readonly note?: string;
    /** For `scheduled`: when and how the conversation takes place. */
    readonly meeting?: MeetingInput;
}
/**
 * Moves a contact to `stage`: sets `stage` and appends a dated history entry
 * (plus the meeting, when scheduling). Any stage can follow any other — a
 * meeting can be rescheduled, a step skipped — but every change is recorded.
 */
export declare function advance(text: string, stage: string, options: AdvanceOptions): string;
/** Records a touch (a call, a shared article) without changing the stage. */
export declare function logInteraction(text: string, stage: Stage, options: Omit<AdvanceOptions, 'meeting'>): string;
