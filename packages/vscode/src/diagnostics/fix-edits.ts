/**
 * The text edits behind the quick fixes, as note text → note text (tested
 * without VS Code). Each changes only what its problem is about; the rest of
 * the note, comments and quotes included, stays as written.
 */
import { advance, getField, isStage, nameFromLink, RecordingRefusedError, setField, type Stage } from '@rapport/core';

/**
 * Records the stage the note says with a history entry dated `date` (the
 * stage was changed by hand); `undefined` when core refuses to record it
 * then (the history already goes past `date`), so no fix is offered.
 */
export function recordStageInHistory(text: string, date: string): string | undefined {
  const stage = getField(text, ['stage']);
  if (!isStage(stage)) return undefined;
  try {
    return advance(text, stage, { date });
  } catch (error) {
    if (error instanceof RecordingRefusedError) return undefined;
    throw error;
  }
}

/** The stage of the last history entry, which "set the stage" puts back. */
export function lastHistoryStage(text: string): Stage | undefined {
  const history = getField(text, ['history']);
  const stage = Array.isArray(history) ? (history.at(-1) as { stage?: unknown } | undefined)?.stage : undefined;
  return isStage(stage) ? stage : undefined;
}

/** `tags: ux, health` → a list of the same words. */
export function tagsAsList(text: string): string | undefined {
  const tags = getField(text, ['tags']);
  if (typeof tags !== 'string' && typeof tags !== 'number') return undefined;
  const words = String(tags)
    .split(',')
    .map((word) => word.trim())
    .filter(Boolean);
  return setField(text, ['tags'], words);
}

/** The name a note without one most likely means: its `# Heading`, else its id in words (`maya-chen` → Maya Chen). */
export function guessName(text: string, id: string): string {
  const heading = /^#[ \t]+(.+?)[ \t]*$/m.exec(text.replace(/^(?:\uFEFF)?---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/, ''));
  if (heading) return heading[1]!;
  return nameFromLink(id);
}

/** Adds `name:` right after the `type:` line (else after the opening `---`). */
export function addName(text: string, name: string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const end = lines.indexOf('---', 1);
  const typeLine = lines.findIndex((line, index) => index > 0 && (end < 0 || index < end) && /^type:/.test(line));
  const value = /^[\w .'-]+$/.test(name) && !/^[-'. ]/.test(name) ? name : JSON.stringify(name);
  lines.splice(typeLine > 0 ? typeLine + 1 : 1, 0, `name: ${value}`);
  return lines.join(eol);
}

/** A top-level frontmatter key written more than once: the lines of each occurrence (0-based, value lines included). */
export interface DuplicateKey {
  readonly key: string;
  readonly occurrences: readonly { readonly start: number; readonly end: number }[];
}

/** Top-level keys of the frontmatter that appear more than once. */
export function duplicateKeys(text: string): DuplicateKey[] {
  const lines = text.split(/\r?\n/);
  if (!/^(?:\uFEFF)?---[ \t]*$/.test(lines[0] ?? '')) return [];
  const end = lines.findIndex((line, index) => index > 0 && /^---[ \t]*$/.test(line));
  if (end < 0) return [];
  const found = new Map<string, { start: number; end: number }[]>();
  let current: { start: number; end: number } | undefined;
  for (let index = 1; index < end; index++) {
    const key = /^([^\s#'"-][^:#]*?):(?:[ \t]|$)/.exec(lines[index]!)?.[1];
    if (key !== undefined) {
      current = { start: index, end: index };
      found.set(key, [...(found.get(key) ?? []), current]);
    } else if (current && /^([ \t]|-|$)/.test(lines[index]!)) current.end = index;
  }
  return [...found.entries()].filter(([, occurrences]) => occurrences.length > 1).map(([key, occurrences]) => ({ key, occurrences }));
}

/**
 * The duplicated key a `yaml-syntax` diagnostic is about, if it is about one:
 * core reports a repeated key on the repeat, the key alone underlined
 * (`underlined`, starting at 0-based `line` and `character`). Every YAML
 * mistake has that rule, so the place tells a repeated key from a mistake
 * of its own in a note that also repeats a key.
 */
export function duplicateKeyReported(text: string, line: number, character: number, underlined: string): DuplicateKey | undefined {
  if (character !== 0) return undefined;
  return duplicateKeys(text).find((duplicate) => duplicate.key === underlined && duplicate.occurrences.slice(1).some((occurrence) => occurrence.start === line));
}

/** Deletes every occurrence of a duplicated key but the first or the last. */
export function keepOne(text: string, duplicate: DuplicateKey, keep: 'first' | 'last'): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const kept = keep === 'first' ? duplicate.occurrences[0] : duplicate.occurrences.at(-1);
  const dropped = new Set<number>();
  for (const occurrence of duplicate.occurrences) {
    if (occurrence === kept) continue;
    for (let line = occurrence.start; line <= occurrence.end; line++) dropped.add(line);
  }
  return text
    .split(/\r?\n/)
    .filter((_, index) => !dropped.has(index))
    .join(eol);
}

