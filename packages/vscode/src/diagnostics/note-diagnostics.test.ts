import { describe, expect, it } from 'vitest';
import { compareDiagnostics } from '@rapport/core';
import { bufferDiagnostics } from './note-diagnostics.js';

describe('bufferDiagnostics', () => {
  it("shows a misspelt timezone and a list item read as text as core says them, at their lines, as the user types", () => {
    // Line 5 `timezone: America/Bogata` (the value is columns 11-24); line 8 `  - research`, read as more of ` - ux` on line 7.
    const text = '---\ntype: contact\nname: Maya Chen\nstage: held\ntimezone: America/Bogata\ntags:\n - ux\n  - research\n---\n';
    expect(bufferDiagnostics(undefined, 'maya-chen.md', text).sort(compareDiagnostics).map((d) => [d.line, d.column, d.severity, d.rule, d.message, d.hint])).toEqual([
      [5, 11, 'warning', 'unknown-time-zone', 'Unknown time zone in `timezone`: "America/Bogata"', 'Write the IANA name of their zone (did you mean America/Bogota?)'],
      [8, 3, 'warning', 'list-item-continued', 'This line continues the item above as text: it reads "ux - research"', 'If you meant another item, indent this line as the one above (1 space)'],
    ]);
  });
});
