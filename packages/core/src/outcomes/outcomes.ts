import { DIAGNOSTIC_RULES, type Diagnostic } from '../diagnostics.js';
import { isCalendarDate } from '../lifecycle/dates.js';
import { dateHint } from '../note/date-hint.js';
import { detach } from '../note/detached-string.js';
import { LineIndex } from '../note/source.js';
import { findWikilinks } from '../note/wikilinks.js';

/** What an interview led to. */
export const OUTCOME_KINDS = ['referral', 'lead', 'job-shadow', 'resume-review', 'resource', 'advice', 'training'] as const;
/** What an interview led to, one of `OUTCOME_KINDS`. */
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/** True when `value` is one of `OUTCOME_KINDS`. */
export function isOutcomeKind(value: unknown): value is OutcomeKind {
  return typeof value === 'string' && (OUTCOME_KINDS as readonly string[]).includes(value);
}

/**
 * The labels that make a list item under `## Outcomes` an outcome, by the
 * kind each one records. Matching ignores case and accents (`Resume review`
 * is `Résumé review`); `.rapport/config.yaml` can add more under
 * `outcome_labels`.
 */
export const DEFAULT_OUTCOME_LABELS: Readonly<Record<string, OutcomeKind>> = Object.freeze({
  Referral: 'referral',
  Lead: 'lead',
  Offer: 'lead',
  'Job shadow': 'job-shadow',
  'Résumé review': 'resume-review',
  Resource: 'resource',
  Advice: 'advice',
  Training: 'training',
});

/** One labelled list item under a note's `## Outcomes`. */
export interface Outcome {
  readonly kind: OutcomeKind;
  /** The label as written, e.g. `Job shadow`. */
  readonly label: string;
  /** What follows the label, its lines joined by single spaces (the date marker and task box included as written, the box excepted). */
  readonly text: string;
  /** `true` for `[x]`, `false` for `[ ]`, `null` when the item has no task box. */
  readonly done: boolean | null;
  /** The date of `(by YYYY-MM-DD)` or `due: YYYY-MM-DD`, or `null`. */
  readonly due: string | null;
  /** A referral's contact: the first `[[id]]` in the item. */
  readonly contact?: string;
  /** A referral to someone without a note yet: the name as written, and where it is (offsets in the note text). */
  readonly name?: string;
  readonly nameStart?: number;
  readonly nameEnd?: number;
  /** A referral to someone not named yet ("their informatics lead", "someone on the alerts team"): who they are, as written. */
  readonly unnamed?: string;
  /** Offsets of the item in the note text (without BOM): from the list marker to the end of its last line. */
  readonly start: number;
  readonly end: number;
  /** 1-based line and column of the list marker, and of the item's end. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** The outcomes `readOutcomes` found under a note's `## Outcomes`, and the problems with them (a bad `(by …)` date). */
export interface OutcomeReading {
  readonly outcomes: readonly Outcome[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Options of `readOutcomes`. */
export interface ReadOutcomesOptions {
  /** Labels by kind; default `DEFAULT_OUTCOME_LABELS`. */
  readonly labels?: Readonly<Record<string, OutcomeKind>>;
  /** Lines lazily built over `content`, shared with the caller when it has them. */
  readonly lines?: LineIndex;
}

const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+|$)/;
const TASK_BOX = /^\[([ xX])\][ \t]+/;
// A label: a few words, then a colon and a space. No links, code or brackets in it.
const LABEL = /^([^\s:[\]`*_][^:[\]`]{0,39}?)[ \t]*:(?:[ \t]+|$)/;
// As the section scanner reads a fence: a backtick fence has no backtick after it on its line.
const FENCE = /^[ \t]{0,3}(`{3,}(?!.*`)|~{3,})/;
const BY_DATE = /\(by[ \t]+([^)\n]*)\)/gi;
const DUE_DATE = /\bdue:[ \t]*([^\s,;)]*)/gi;

/** Folds case, accents and spacing, so `resume  REVIEW` finds `Résumé review`. */
export function outcomeLabelKey(label: string): string {
  return label.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Label lookups of frozen label sets (the default one), folded once rather than for every note read. */
const foldedLabels = new WeakMap<object, ReadonlyMap<string, OutcomeKind>>();

/** Each label's folded key → its kind. */
function labelKeys(labels: Readonly<Record<string, OutcomeKind>>): ReadonlyMap<string, OutcomeKind> {
  const known = foldedLabels.get(labels);
  if (known) return known;
  const folded = new Map(Object.entries(labels).map(([label, kind]) => [outcomeLabelKey(label), kind]));
  // A set that is not frozen could change before the next call.
  if (Object.isFrozen(labels)) foldedLabels.set(labels, folded);
  return folded;
}

/**
 * Reads the outcomes in `content` between `start` and `end` (the Outcomes
 * section). Items whose label is not known stay free text; a date that is
 * written but is not a real `YYYY-MM-DD` is a positioned warning, and the
 * outcome is kept without a date.
 */
export function readOutcomes(file: string, content: string, start: number, end: number, options: ReadOutcomesOptions = {}): OutcomeReading {
  const labels = labelKeys(options.labels ?? DEFAULT_OUTCOME_LABELS);
  let lines = options.lines;
  const position = (offset: number) => (lines ??= new LineIndex(content)).position(offset);
  const outcomes: Outcome[] = [];
  const diagnostics: Diagnostic[] = [];

  interface Item {
    start: number;
    end: number;
    /** Offset where the text after the marker (and box) starts. */
    bodyStart: number;
    done: boolean | null;
    /** Each line of the item: its text after indentation, and its offset. */
    parts: { text: string; offset: number }[];
  }
  let item: Item | undefined;
  let fence: string | undefined;

  const finish = () => {
    if (!item) return;
    const found = item;
    item = undefined;
    const first = found.parts[0]!;
    const label = LABEL.exec(first.text);
    if (!label) return;
    const kind = labels.get(outcomeLabelKey(label[1]!));
    if (!kind) return;
    first.text = first.text.slice(label[0].length);
    first.offset += label[0].length;
    const text = found.parts.map((part) => part.text.trim()).filter((part) => part !== '').join(' ');
    const due = readDue(found.parts);
    const from = position(found.start);
    const to = position(found.end);
    const outcome: Record<string, unknown> = {
      kind,
      label: detach(label[1]!.trim()),
      text: detach(text),
      done: found.done,
      due,
    };
    if (kind === 'referral') {
      const link = found.parts.flatMap((part) => findWikilinks(part.text, part.offset))[0];
      if (link) outcome.contact = detach(link.target);
      else {
        const name = referralName(first.text);
        // "their informatics lead" is a name still to ask for, not a person to add.
        if (name && NO_NAME_YET.test(name)) outcome.unnamed = detach(unnamedReferral(text));
        else if (name) {
          const nameStart = first.offset + first.text.indexOf(name);
          Object.assign(outcome, { name: detach(name), nameStart, nameEnd: nameStart + name.length });
        }
      }
    }
    Object.assign(outcome, { start: found.start, end: found.end, line: from.line, column: from.column, endLine: to.line, endColumn: to.column });
    outcomes.push(outcome as unknown as Outcome);
  };

  const readDue = (parts: readonly { text: string; offset: number }[]): string | null => {
    let due: string | null = null;
    for (const part of parts) {
      for (const pattern of [BY_DATE, DUE_DATE]) {
        for (const match of part.text.matchAll(pattern)) {
          const value: string = match[1]!.trim();
          const length = value.length;
          if (isCalendarDate(value)) {
            due ??= value;
            continue;
          }
          const valueStart = part.offset + match.index + match[0].indexOf(match[1]!) + (match[1]!.length - match[1]!.trimStart().length);
          const from = position(valueStart);
          const to = position(valueStart + length);
          diagnostics.push({
            file,
            line: from.line,
            column: from.column,
            endLine: to.line,
            endColumn: to.column,
            severity: DIAGNOSTIC_RULES['invalid-outcome-date'],
            rule: 'invalid-outcome-date',
            message: detach(length === 0 ? 'This outcome has an empty date' : `Not a valid date: ${JSON.stringify(match[1]!.trim())}`),
            hint: dateHint(value, 'Write the date as YYYY-MM-DD, e.g. (by 2026-12-15)'),
          });
        }
      }
    }
    return due;
  };

  for (let lineStart = start; lineStart < end; ) {
    const newline = content.indexOf('\n', lineStart);
    const lineEnd = newline < 0 || newline >= end ? end : newline;
    const next = newline < 0 || newline >= end ? end : newline + 1;
    const raw = content.slice(lineStart, lineEnd);
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const fenceOpen = FENCE.exec(line);
    if (fence) {
      if (fenceOpen && fenceOpen[1]!.startsWith(fence)) fence = undefined;
    } else if (fenceOpen) {
      finish();
      fence = fenceOpen[1]!;
    } else if (line.trim() === '') {
      finish();
    } else {
      const marker = LIST_ITEM.exec(line);
      if (marker) {
        finish();
        let bodyStart = lineStart + marker[0].length;
        let rest = line.slice(marker[0].length);
        const box = TASK_BOX.exec(rest);
        let done: boolean | null = null;
        if (box) {
          done = box[1] !== ' ';
          bodyStart += box[0].length;
          rest = rest.slice(box[0].length);
        }
        item = { start: lineStart + marker[1]!.length, end: lineStart + line.length, bodyStart, done, parts: [{ text: rest, offset: bodyStart }] };
      } else if (item) {
        const indent = line.length - line.trimStart().length;
        item.parts.push({ text: line.slice(indent), offset: lineStart + indent });
        item.end = lineStart + line.length;
      }
    }
    lineStart = next;
  }
  finish();
  return { outcomes, diagnostics };
}

// First words that describe a person rather than name them: "their informatics lead", "her CMIO", "someone on the alerts
// team", "A nurse manager at UPMC". After "a", "an", "the", "one" or "some" only a lower-case word does: "An Nguyen" and
// "The Rock" may be names.
const NO_NAME_YET = /^(?:[Ss]omeone|[Ss]omebody|[Ww]hoever|[Tt]heir|[Hh]is|[Hh]er|[Ii]ts|[Mm]y|[Oo]ur|[Yy]our|[Tt]wo|[Tt]hree|[Ss]everal)(?:\s|$)|^(?:[Aa]n?|[Tt]he|[Ss]ome|[Oo]ne)\s+\p{Ll}/u;

/** Who an unnamed referral is, its lines joined, up to a bracket, a dash or a semicolon: "their informatics lead (he will send the name)" → "their informatics lead". */
function unnamedReferral(text: string): string {
  return /^[^(;\u2014\u2013]*?(?=\s+-\s|[(;\u2014\u2013]|$)/.exec(text.trim().replace(/\s+/g, ' '))![0].trim().replace(/[.,:]$/, '');
}

/**
 * The person named at the start of a referral without a link: up to the
 * first comma, dash (\u2014 em, \u2013 en), bracket or full stop, or an "at"
 * before a capital ("Raj Patel at Walgreens Health"), a stop after an
 * initial or a title ("John Q. Public", "Dr. Ana Lima", "St. James") being
 * part of the name.
 */
function referralName(text: string): string | undefined {
  const name = /^[^,;()[\]\u2014\u2013:]*?(?=\s+[-\u2014\u2013]\s|[,;()\u2014\u2013:]|\s+at\s+[\p{Lu}\p{N}]|(?<!(?:^|\s)(?:\p{Lu}|Dr|Mr|Mrs|Ms|Mx|Prof|St|Ste|Sr|Jr|Rev|Fr))\.(?:\s|$)|$)/u.exec(text.trim())?.[0].trim();
  return name ? name : undefined;
}
