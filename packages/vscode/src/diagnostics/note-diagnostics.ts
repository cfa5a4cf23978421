import { readNote, type Diagnostic, type NoteIndex } from '@rapport/core';

/**
 * Diagnostics for a note being edited, from its unsaved text: the note's own
 * checks, plus the index's file-level cross-note ones (duplicate ids). Checks
 * that depend on other notes' positions (unresolved links) come back from the
 * index once the note is saved.
 */
export function bufferDiagnostics(index: NoteIndex | undefined, file: string, text: string): Diagnostic[] {
  const own = readNote(file, text).diagnostics;
  const crossNote = index?.diagnostics().filter((diagnostic) => diagnostic.file === file && diagnostic.rule === 'duplicate-id') ?? [];
  return [...own, ...crossNote];
}

/** Groups diagnostics by file. */
export function byFile(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const grouped = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) grouped.set(diagnostic.file, [...(grouped.get(diagnostic.file) ?? []), diagnostic]);
  return grouped;
}
