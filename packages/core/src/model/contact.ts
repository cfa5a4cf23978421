import type { Outcome } from '../outcomes/outcomes.js';
import type { Channel, MeetingFormat, Source, Stage } from './vocabulary.js';

/** One dated stage change, as recorded in a note's `history`. */
export interface HistoryEntry {
  readonly date: string;
  readonly stage: Stage;
  /** How the step was made; an unknown channel in the note is reported (`invalid-value`) and left out. */
  readonly via?: Channel;
  readonly letter?: string;
  readonly note?: string;
  /** `true` for a touch logged without a stage change (`rapport log`): it counts for keeping in touch, not as a step. */
  readonly touch?: boolean;
  /**
   * `true` on a touch that is the contact's reply (`rapport log --replied`), neither a time
   * agreed nor a no: the follow-up rules stop, and the report counts it as a reply.
   */
  readonly replied?: boolean;
}

/** A planned conversation. `at` keeps the note's own text (`YYYY-MM-DDTHH:mm[offset]`). */
export interface Meeting {
  readonly at: string;
  readonly minutes: number;
  readonly format: MeetingFormat;
  readonly place?: string;
  readonly link?: string;
}

/** A next action written by hand in the note; it overrides the computed one. */
export interface ManualNext {
  readonly action: string;
  readonly due: string | null;
}

/**
 * A contact as read from its note, after validation: fields that failed
 * validation are left out (and reported as diagnostics), so every value here
 * has the type it claims. `stage` is always a stage: one typed wrong
 * (`stage: helld`, an `unknown-stage` error) is read as the stage of the
 * last history entry, else `identified`, so the contact stays listed; its
 * next action then follows that stage. A frontend should show the note's
 * diagnostics (`readNote(…).diagnostics`, `NoteIndex.diagnostics()`) beside
 * what it computes, as Rapport's own say "not read as written".
 */
export interface Contact {
  /** File name without `.md`; other notes link to it as `[[id]]`. */
  readonly id: string;
  /** Path relative to the notes folder, with `/` separators. */
  readonly file: string;
  readonly name: string;
  /** The note's stage; one typed wrong reads as the last history entry's, else `identified` (see above). */
  readonly stage: Stage;
  readonly role?: string;
  readonly organization?: string;
  readonly industry?: string;
  readonly location?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly linkedin?: string;
  readonly source?: Source;
  /** Id of the contact who referred this one (from the `referred_by` wikilink). */
  readonly referredBy?: string;
  readonly tags: readonly string[];
  readonly history: readonly HistoryEntry[];
  readonly meeting?: Meeting;
  readonly next?: ManualNext;
  readonly touchEvery?: number;
  /**
   * `snoozed_until`, `YYYY-MM-DD`: none of the contact's own next actions is due before
   * that day (one due earlier is due on it), until a step or a touch is recorded.
   */
  readonly snoozedUntil?: string;
  /** Ids linked as `[[id]]` in the note's `## Outcomes` section. */
  readonly outcomeLinks: readonly string[];
  /** Labelled list items of the `## Outcomes` section (`Lead: …`, `Referral: [[id]]`), in note order. */
  readonly outcomes: readonly Outcome[];
  /** The whole frontmatter as plain data, unknown fields included. */
  readonly fields: Readonly<Record<string, unknown>>;
}

export type { Channel };
