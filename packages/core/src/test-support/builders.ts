import { stringify } from 'yaml';

/** Builds the text of a contact note for tests: frontmatter fields, then an optional body. */
export function noteText(fields: Record<string, unknown>, body = ''): string {
  return `---\n${stringify(fields, { lineWidth: 0 })}---\n${body}`;
}

/** A minimal valid contact's fields, with overrides. */
export function contactFields(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'contact',
    name: 'Maya Chen',
    stage: 'identified',
    organization: 'Acme Health',
    history: [{ date: '2026-11-02', stage: 'identified' }],
    ...overrides,
  };
}
