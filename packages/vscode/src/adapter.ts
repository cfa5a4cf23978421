/**
 * The one place where core values become VS Code values and back: positions
 * (core: 1-based line/column; VS Code: 0-based), severities, and note paths
 * (core: `/`-separated, relative to the notes folder; VS Code: URIs).
 */
import * as vscode from 'vscode';
import type { Diagnostic, Severity } from '@rapport/core';

/** Anything with core's 1-based start and exclusive end position. */
export interface CoreSpan {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export function toVscodeRange(span: CoreSpan): vscode.Range {
  const start = new vscode.Position(Math.max(0, span.line - 1), Math.max(0, span.column - 1));
  const end = new vscode.Position(Math.max(0, span.endLine - 1), Math.max(0, span.endColumn - 1));
  return new vscode.Range(start, end.isBefore(start) ? start : end);
}

const SEVERITIES: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** Source name shown in the Problems panel; quick fixes match on it. */
export const DIAGNOSTIC_SOURCE = 'rapport';

/** Hints worded for the editor, where a quick fix does what the CLI's hint says to run. */
const EDITOR_HINTS: Readonly<Record<string, string>> = {
  'stage-history-mismatch': 'Quick fix: record the stage in the history, or set the stage to the last entry\'s',
};

export function toVscodeDiagnostic(diagnostic: Diagnostic): vscode.Diagnostic {
  // A diagnostic with core's own repair keeps core's hint, which says what the repair does (the day's entries put in order).
  const hint = (diagnostic.fix === undefined ? EDITOR_HINTS[diagnostic.rule] : undefined) ?? diagnostic.hint;
  const message = hint ? `${diagnostic.message}. ${hint}` : diagnostic.message;
  const result = new vscode.Diagnostic(toVscodeRange(diagnostic), message, SEVERITIES[diagnostic.severity]);
  result.source = DIAGNOSTIC_SOURCE;
  result.code = diagnostic.rule;
  return result;
}

/** The URI of a note path inside the notes folder `root`. */
export function toNoteUri(root: vscode.Uri, path: string): vscode.Uri {
  return vscode.Uri.joinPath(root, ...path.split('/'));
}

/** The note path of a URI, or `undefined` when it is not inside the notes folder `root`. */
export function fromNoteUri(root: vscode.Uri, uri: vscode.Uri): string | undefined {
  if (uri.scheme !== root.scheme || uri.authority !== root.authority) return undefined;
  const base = root.path.endsWith('/') ? root.path : `${root.path}/`;
  if (!uri.path.startsWith(base)) return undefined;
  const relative = uri.path.slice(base.length);
  return relative === '' ? undefined : relative;
}
