import { InvalidInputError } from '../errors.js';
import { findSection, scanSections } from '../note/body.js';
import { readLayout } from '../note/source.js';
import { readOutcomes, type Outcome, type OutcomeKind } from './outcomes.js';

/** Options of `setOutcomeDone`. */
export interface SetOutcomeDoneOptions {
  /** The labels that make an item an outcome (the config's `outcome_labels` with the defaults); default `DEFAULT_OUTCOME_LABELS`. */
  readonly labels?: Readonly<Record<string, OutcomeKind>> | undefined;
}

const MARKER = /^([-*+]|\d{1,9}[.)])[ \t]+/;
// As `readOutcomes` reads a task box: followed by a space.
const BOX = /^\[[ xX]\][ \t]/;

/** An outcome as a reading of the note gave it: where it started, and its words. */
export type OutcomeRead = Pick<Outcome, 'line' | 'label' | 'text'>;

/**
 * Ticks an outcome as done, or opens it again with `done: false`,
 * changing nothing else in the note: its task box `[ ]` becomes `[x]` (or
 * back), and an item written without a box gets one after its list marker
 * (`- Lead: …` → `- [x] Lead: …`). A ticked item leaves the agenda and the
 * open leads. Text in, text out.
 *
 * `outcome` is the 1-based line its item starts on, or the `Outcome` an
 * earlier reading gave: that one is found again by its label and words, so
 * lines added above it since (an editor's unsaved text) do not matter.
 *
 * Throws `InvalidInputError` when no outcome starts on that line (naming the
 * outcomes the note has), or the outcome read is no longer in the text.
 *
 * @example
 * setOutcomeDone(text, 82); // '- Lead: Mon Valley Health (by 2026-12-04)' → '- [x] Lead: Mon Valley Health (by 2026-12-04)'
 */
export function setOutcomeDone(text: string, outcome: number | OutcomeRead, done = true, options: SetOutcomeDoneOptions = {}): string {
  const layout = readLayout(text);
  const outcomes = noteOutcomes(layout.content, layout.bodyStart, options);
  const found = typeof outcome === 'number' ? outcomes.find((candidate) => candidate.line === outcome) : sameOutcome(outcomes, outcome);
  if (!found) {
    if (typeof outcome !== 'number') throw new InvalidInputError(`"${outcome.label}: ${outcome.text}" is no longer under ## Outcomes as it was read (the note changed since): read it again`);
    const listed = outcomes.map((candidate) => `line ${candidate.line}, ${candidate.label}`).join('; ');
    throw new InvalidInputError(`no outcome starts on line ${outcome} of this note${listed === '' ? ' (it has none under ## Outcomes)' : ` (its outcomes: ${listed})`}`);
  }
  const shift = layout.bom ? 1 : 0;
  const marker = MARKER.exec(layout.content.slice(found.start))!;
  const at = found.start + marker[0].length;
  const box = done ? '[x]' : '[ ]';
  if (BOX.test(layout.content.slice(at, at + 4))) {
    if ((found.done === true) === done) return text;
    return text.slice(0, shift + at) + box + text.slice(shift + at + 3);
  }
  // No box is an open item already.
  if (!done) return text;
  return `${text.slice(0, shift + at)}${box} ${text.slice(shift + at)}`;
}

function noteOutcomes(content: string, bodyStart: number, options: SetOutcomeDoneOptions): readonly Outcome[] {
  const section = findSection(scanSections(content, bodyStart), 'Outcomes');
  if (!section) return [];
  return readOutcomes('', content, section.start, section.end, options.labels ? { labels: options.labels } : {}).outcomes;
}

/** The outcome with the label and words read: the one still on its line if several have them, else the only one. */
function sameOutcome(outcomes: readonly Outcome[], read: OutcomeRead): Outcome | undefined {
  const same = outcomes.filter((candidate) => candidate.label === read.label && candidate.text === read.text);
  return same.find((candidate) => candidate.line === read.line) ?? (same.length === 1 ? same[0] : undefined);
}
