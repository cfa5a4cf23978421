import { InvalidEncodingError, type Diagnostic } from '@rapport/core';

/** Worded as core's `loadWorkspace` words them, so a note shows the same problem after a change on disk as after a full load. */
const READ_FAILURES: Record<string, string> = {
  EISDIR: 'it is a folder, not a file',
  ELOOP: 'it is a symbolic link that loops',
  ENOENT: 'it is a symbolic link to nothing',
  EACCES: 'permission denied',
};

/**
 * The `unreadable-file` diagnostic of a note that is there but cannot be
 * read: at the first bad byte for invalid UTF-8, else at 1:1. Core keeps
 * its own copy private; this one must stay worded the same.
 */
export function unreadableFile(file: string, error: unknown): Diagnostic {
  const place = error instanceof InvalidEncodingError ? { line: error.line, column: error.column } : { line: 1, column: 1 };
  const code = (error as NodeJS.ErrnoException).code;
  const reason = error instanceof InvalidEncodingError ? 'it is not valid UTF-8 text' : ((code && READ_FAILURES[code]) ?? code ?? (error as Error).message);
  return { file, ...place, endLine: place.line, endColumn: place.column, severity: 'error', rule: 'unreadable-file', message: `The note cannot be read: ${reason}`, hint: 'Rapport leaves this file untouched' };
}

/** The error a note that is listed (or still on disk) but reads as nothing stands for: a link to nothing. */
export function linkToNothing(file: string): Error {
  return Object.assign(new Error(`${file} is a symbolic link to nothing`), { code: 'ENOENT' });
}
