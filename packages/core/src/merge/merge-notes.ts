import { dequal } from 'dequal';
import { isMap, isScalar, Lexer, parseDocument } from 'yaml';
import { RapportError } from '../errors.js';
import { deleteField, insertIntoList, writeField } from '../note/edit.js';
import { asRecord, parseFrontmatter, YAML_OPTIONS } from '../note/frontmatter.js';
import { readLayout, withBom, type NoteLayout } from '../note/source.js';
import { mayHaveConflict } from './conflict-markers.js';

/**
 * What merging two versions of a note gives: the merged text, or why it needs
 * a person, with the three versions to merge line by line (git merge-file)
 * so that conflict markers land only where the sides truly differ.
 */
export type NoteMerge = { readonly merged: true; readonly text: string } | { readonly merged: false; readonly reason: string; readonly forLineMerge?: LineMergeInput };

/**
 * The base and both sides of a note that could not be merged whole, each
 * holding everything that did merge (both sides' history entries, the later
 * stage, a field changed on one side) and differing only where the sides
 * conflict: a line merge of these puts its markers around those lines alone.
 */
export interface LineMergeInput {
  readonly base: string;
  readonly ours: string;
  readonly theirs: string;
}

interface NoteVersion {
  readonly text: string;
  readonly layout: NoteLayout;
  readonly fields: Record<string, unknown>;
  readonly body: string;
}

/**
 * Merges two versions of a contact note that grew from a common base, the
 * way a person would: history entries appended on either side are all
 * kept, united in date order; a field changed on one side only takes that
 * side's value; when both sides moved the stage, the stage of the latest
 * history entry wins; the body merges only when one side alone changed it.
 * Anything else (the same field changed two ways, two stages set on the
 * same day, an old history entry edited, both bodies changed, comments
 * changed on both sides, a frontmatter that does not parse) is left to the
 * person, with the reasons and, where the versions read, the three texts for
 * a line merge with all the rest merged (`forLineMerge`).
 *
 * Pure: three texts in, one text out. The merged note starts from the side
 * whose frontmatter comments changed (`ours` when neither did) and takes
 * the other side's values with the lossless edits, so a comment written on
 * either side, and what that side wrote around it, is never lost.
 */
export function mergeNotes(base: string, ours: string, theirs: string): NoteMerge {
  if (ours === theirs || base === theirs) return { merged: true, text: ours };
  if (base === ours) return { merged: true, text: theirs };
  const versions = [base, ours, theirs].map(readVersion);
  const [b, o, t] = versions;
  if (!b || !o || !t) return { merged: false, reason: 'a version has no frontmatter that reads as YAML, or holds conflict markers' };

  const united = unite(b, o, t);
  // Comments are not values: only the text of the side that changed them has them.
  const baseComments = commentsOf(b);
  const theirsCommented = !dequal(commentsOf(t), baseComments);
  const bothCommented = theirsCommented && !dequal(commentsOf(o), baseComments);
  const reasons = bothCommented ? [...united.reasons, 'both sides changed comments in the frontmatter'] : united.reasons;
  try {
    const target = theirsCommented ? t : o;
    const text = writeOnto(target, asWrittenIn(united, target), [o, t]);
    if (reasons.length === 0) return { merged: true, text };
    const reason = reasons.join('; ');
    // Each side's comments are only in its own text: each version then takes what merged.
    if (bothCommented) return { merged: false, reason, forLineMerge: { base: writeOnto(b, asWrittenIn(united, b), [o, t]), ours: writeOnto(o, asWrittenIn(united, o), [t]), theirs: writeOnto(t, asWrittenIn(united, t), [o]) } };
    // Otherwise all three are the merged text with each version's own conflicting values: they differ nowhere else.
    const side = (version: NoteVersion) => withOwnValues(text, target, version, united);
    return { merged: false, reason, forLineMerge: { base: side(b), ours: side(o), theirs: side(t) } };
  } catch (error) {
    if (error instanceof RapportError) return { merged: false, reason: reasons.length > 0 ? reasons.join('; ') : error.message };
    throw error;
  }
}

/**
 * What the merged note holds: the value of every field both sides agree on
 * once merged (`history` and `stage` included), and the body unless both
 * sides changed it; `open` names the fields a person must decide, `reasons`
 * says why.
 */
interface UnitedNote {
  readonly fields: Readonly<Record<string, unknown>>;
  readonly body: string | undefined;
  readonly open: readonly string[];
  readonly reasons: readonly string[];
}

/** The values both sides agree on once merged, and where a person must decide. */
function unite(b: NoteVersion, o: NoteVersion, t: NoteVersion): UnitedNote {
  const fields: Record<string, unknown> = {};
  const open: string[] = [];
  const reasons: string[] = [];
  const keys = [...new Set([...Object.keys(o.fields), ...Object.keys(t.fields)])].filter((key) => key !== 'history' && key !== 'stage');
  for (const key of keys) {
    const choice = pick(b.fields[key], o.fields[key], t.fields[key]);
    if (choice === 'conflict') {
      open.push(key);
      reasons.push(`both sides changed \`${key}\``);
    } else fields[key] = choice === 'theirs' ? t.fields[key] : o.fields[key];
  }

  const history = mergeHistory(b.fields.history, o.fields.history, t.fields.history);
  if ('reason' in history) {
    open.push('history');
    reasons.push(history.reason);
  } else fields.history = history.entries;

  const stage = pick(b.fields.stage, o.fields.stage, t.fields.stage);
  if (stage !== 'conflict') fields.stage = stage === 'theirs' ? t.fields.stage : o.fields.stage;
  else {
    const later = 'reason' in history ? { reason: 'both sides changed `stage`, and the history does not say which came later' } : laterStage(history.entries, o.fields.stage, t.fields.stage);
    if ('reason' in later) {
      open.push('stage');
      reasons.push(later.reason);
    } else fields.stage = later.stage;
  }

  const body = pick(b.body, o.body, t.body);
  if (body === 'conflict') reasons.push('both sides changed the text below the frontmatter');
  return { fields, body: body === 'conflict' ? undefined : body === 'theirs' ? t.body : o.body, open, reasons };
}

/** Both sides moved the stage: the later one, as the united history tells it. */
function laterStage(entries: readonly unknown[], ours: unknown, theirs: unknown): { stage: unknown } | { reason: string } {
  const last = asRecord(entries.at(-1));
  const latest = last.stage;
  if (latest !== ours && latest !== theirs) return { reason: 'both sides changed `stage`, and the history does not say which came later' };
  // One side's stage dated the same day as the other's: the order within a day is only the order of the sides.
  const other = latest === ours ? theirs : ours;
  if (entries.some((entry) => asRecord(entry).date === last.date && asRecord(entry).stage === other)) {
    return { reason: `both sides changed \`stage\` on ${String(last.date)} (to ${String(ours)} and to ${String(theirs)}), and the history does not say which came later` };
  }
  return { stage: latest };
}

/** The united note as `version` would hold it: what merged, and its own values (and body) where the sides conflict. */
function asWrittenIn(united: UnitedNote, version: NoteVersion): { fields: Record<string, unknown>; body: string } {
  const fields: Record<string, unknown> = { ...united.fields };
  for (const key of united.open) fields[key] = version.fields[key];
  return { fields, body: united.body ?? version.body };
}

/** The merged `text` (written onto `target`) with `version`'s own values of the conflicting fields, and its own body if both sides changed it. */
function withOwnValues(text: string, target: NoteVersion, version: NoteVersion, united: UnitedNote): string {
  for (const key of united.open) {
    const value = version.fields[key];
    if (dequal(target.fields[key], value)) continue;
    text = value === undefined ? deleteField(text, [key]) : writeField(text, [key], value);
  }
  if (united.body === undefined && version.body !== target.body) text = withBody(text, version.body);
  return text;
}

/**
 * `target`'s text changed, with the lossless edits, to hold the united values: what it wrote besides them stays.
 * Values are written as the sides wrote them, a mistyped stage included (`writeField`): a merge carries the notes, it does not judge them.
 */
function writeOnto(target: NoteVersion, united: { fields: Record<string, unknown>; body: string }, sides: readonly NoteVersion[] = []): string {
  const edits: ((text: string) => string)[] = [];
  for (const key of new Set([...Object.keys(target.fields), ...Object.keys(united.fields)])) {
    if (key === 'history' || key === 'stage') continue;
    const value = united.fields[key];
    if (dequal(target.fields[key], value)) continue;
    // A field only the other side has is copied as that side wrote it, where it wrote it: its quotes, its comment, its place.
    const from = value !== undefined && !Object.hasOwn(target.fields, key) ? sides.find((side) => side !== target && Object.hasOwn(side.fields, key) && dequal(side.fields[key], value)) : undefined;
    edits.push(value === undefined ? (text) => deleteField(text, [key]) : (text) => (from && insertAsWritten(text, from, key, value)) || writeField(text, [key], value));
  }

  const entries = united.fields.history;
  const written = Array.isArray(target.fields.history) ? target.fields.history : [];
  if (!dequal(entries ?? [], target.fields.history ?? [])) {
    const inserts = Array.isArray(entries) && written.length > 0 ? insertions(written, entries) : undefined;
    // Entries the other side added go in where they belong, leaving the written ones — and the comments among them — alone.
    if (inserts) for (const [index, entry] of inserts) edits.push((text) => insertIntoList(text, ['history'], index, entry));
    else edits.push((text) => (entries === undefined ? deleteField(text, ['history']) : writeField(text, ['history'], entries)));
  }
  const stage = united.fields.stage;
  if (!dequal(target.fields.stage, stage)) edits.push((text) => (stage === undefined ? deleteField(text, ['stage']) : writeField(text, ['stage'], stage)));

  let text = target.text;
  for (const edit of edits) text = edit(text);
  return united.body === target.body ? text : withBody(text, united.body);
}

/** A top-level field of a frontmatter and the lines it is written on, as offsets in its YAML. */
interface FieldLines {
  readonly key: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Each top-level field of a frontmatter with its lines: from the start of its key's line to
 * the start of the next key's line, less the blank and comment-only lines before that (they
 * may be about the next field). `undefined` for a frontmatter that is not a block mapping.
 */
function fieldLines(yaml: string): FieldLines[] | undefined {
  const document = parseDocument(yaml, YAML_OPTIONS);
  if (!isMap(document.contents) || document.contents.flow) return undefined;
  const starts: { key: string; start: number }[] = [];
  for (const pair of document.contents.items) {
    if (!isScalar(pair.key) || typeof pair.key.value !== 'string' || !pair.key.range) return undefined;
    starts.push({ key: pair.key.value, start: yaml.lastIndexOf('\n', pair.key.range[0] - 1) + 1 });
  }
  return starts.map(({ key, start }, index) => {
    let end = starts[index + 1]?.start ?? yaml.length;
    for (;;) {
      const lineStart = yaml.lastIndexOf('\n', end - 2) + 1;
      if (lineStart <= start || !/^[ \t]*(?:#.*)?\r?\n?$/.test(yaml.slice(lineStart, end))) break;
      end = lineStart;
    }
    return { key, start, end };
  });
}

/**
 * `text` with `key` added as `from` wrote it, lines and all, after the field it follows in
 * `from` (or before the one it precedes there, or last); `undefined` when that cannot be
 * done so that the note then reads as before plus `key: value`.
 */
function insertAsWritten(text: string, from: NoteVersion, key: string, value: unknown): string | undefined {
  const layout = readLayout(text);
  const block = layout.frontmatter;
  const fromLines = fieldLines(from.layout.frontmatter!.yaml);
  const targetLines = block && fieldLines(block.yaml);
  const written = fromLines?.findIndex((field) => field.key === key) ?? -1;
  if (!block || !fromLines || !targetLines || written < 0) return undefined;
  let lines = from.layout.frontmatter!.yaml.slice(fromLines[written]!.start, fromLines[written]!.end);
  if (!lines.endsWith('\n')) lines += '\n';
  lines = lines.replace(/\r?\n/g, layout.eol);
  const after = fromLines.slice(0, written).reverse().map((field) => targetLines.find((own) => own.key === field.key)).find((own) => own !== undefined);
  const before = fromLines.slice(written + 1).map((field) => targetLines.find((own) => own.key === field.key)).find((own) => own !== undefined);
  const at = block.start + (after ? after.end : before ? before.start : block.yaml.length);
  // A frontmatter whose last line has no line ending gets one before the copied lines.
  const joint = at === block.end && block.yaml.length > 0 && !block.yaml.endsWith('\n') ? layout.eol : '';
  const content = layout.content.slice(0, at) + joint + lines + layout.content.slice(at);
  const merged = withBom(layout, content);
  const check = readVersion(merged);
  const previous = readVersion(text);
  if (!check || !previous || !dequal(check.fields, { ...previous.fields, [key]: value }) || check.body !== previous.body) return undefined;
  return merged;
}

/**
 * How `written` becomes `entries` by inserting entries only, each `[index, entry]` applied in turn,
 * or `undefined` when `written` is not `entries` with some left out (an entry changed, or moved).
 */
function insertions(written: readonly unknown[], entries: readonly unknown[]): [number, unknown][] | undefined {
  const inserts: [number, unknown][] = [];
  let kept = 0;
  entries.forEach((entry, index) => {
    if (kept < written.length && dequal(entry, written[kept])) kept++;
    else inserts.push([index, entry]);
  });
  return kept === written.length ? inserts : undefined;
}

/** `text` with what follows its frontmatter replaced by `body`. */
function withBody(text: string, body: string): string {
  const layout = readLayout(text);
  return withBom(layout, layout.content.slice(0, layout.bodyStart) + body);
}

/** The comments of a version's frontmatter, as written, in a stable order. */
function commentsOf(version: NoteVersion): string[] {
  return [...new Lexer().lex(version.layout.frontmatter!.yaml)].filter((token) => token.startsWith('#')).sort();
}

function readVersion(text: string): NoteVersion | undefined {
  if (mayHaveConflict(text)) return undefined;
  const layout = readLayout(text);
  if (!layout.frontmatter) return undefined;
  const frontmatter = parseFrontmatter(layout.frontmatter);
  if (frontmatter.problems.length > 0 || frontmatter.data === null || typeof frontmatter.data !== 'object' || Array.isArray(frontmatter.data)) return undefined;
  return { text, layout, fields: frontmatter.data as Record<string, unknown>, body: layout.content.slice(layout.bodyStart) };
}

/** Which side's value a three-way merge keeps. */
function pick(base: unknown, ours: unknown, theirs: unknown): 'ours' | 'theirs' | 'conflict' {
  if (dequal(ours, theirs) || dequal(base, theirs)) return 'ours';
  if (dequal(base, ours)) return 'theirs';
  return 'conflict';
}

/** The base's entries, then every entry either side appended, by date (ours first on the same day), each once. */
function mergeHistory(base: unknown, ours: unknown, theirs: unknown): { entries: unknown[] } | { reason: string } {
  const [b, o, t] = [base, ours, theirs].map((list) => (list === undefined || list === null ? [] : list));
  if (!Array.isArray(b) || !Array.isArray(o) || !Array.isArray(t)) {
    const choice = pick(base, ours, theirs);
    if (choice === 'conflict') return { reason: 'both sides changed `history`, which is not a list' };
    return { entries: choice === 'ours' ? (o as unknown[]) : (t as unknown[]) };
  }
  const startsWithBase = (list: unknown[]) => dequal(list.slice(0, b.length), b);
  if (!startsWithBase(o) || !startsWithBase(t)) {
    const choice = pick(b, o, t);
    if (choice === 'conflict') return { reason: 'a history entry written before the merge was changed or removed' };
    return { entries: choice === 'ours' ? o : t };
  }
  const added = [...o.slice(b.length)];
  for (const entry of t.slice(b.length)) if (!added.some((existing) => dequal(existing, entry))) added.push(entry);
  const dateOf = (entry: unknown) => String(asRecord(entry).date ?? '');
  // Array.prototype.sort is stable: same-day entries keep ours-then-theirs order.
  added.sort((x, y) => (dateOf(x) < dateOf(y) ? -1 : dateOf(x) > dateOf(y) ? 1 : 0));
  return { entries: [...b, ...added] };
}
