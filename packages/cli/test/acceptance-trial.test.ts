import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleCopy, rapport } from './support/run-cli.js';

/** Found in the acceptance trial of 2026-12-01: a three-week search replayed with --today over a copy of the example. */

describe('a note whose opening --- line was deleted', () => {
  it('is named by check, list and advance instead of vanishing', () => {
    const folder = exampleCopy();
    const file = join(folder, 'claire-dubois.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^---\n/, ''));

    const check = rapport(['check', '--dir', folder]);
    expect(check.code).toBe(1);
    expect(check.stdout).toBe(
      [
        'claire-dubois.md:1:1 error The frontmatter has no opening `---` line [yaml-syntax]',
        '    hint: Add a line `---` above `type: contact`',
        '16 contacts checked: 1 error, 0 warnings',
        '',
      ].join('\n'),
    );

    const list = rapport(['list', '--stage', 'declined', '--today', '2026-11-23', '--dir', folder]);
    expect(list.stderr).toBe('rapport: warning: claire-dubois.md:1: cannot read this contact: The frontmatter has no opening `---` line (Add a line `---` above `type: contact`)\n');

    const advance = rapport(['advance', 'claire-dubois', 'archived', '--today', '2026-11-23', '--dir', folder]);
    expect(advance.code).toBe(3);
    expect(advance.stderr).toBe('rapport: claire-dubois.md:1: cannot read this contact: The frontmatter has no opening `---` line (Add a line `---` above `type: contact`)\n');
  });

  it('leaves a plain Markdown note without frontmatter alone', () => {
    const folder = exampleCopy();
    writeFileSync(join(folder, 'ideas.md'), '# Ideas\n\nA note for someone new starts with:\n\n```yaml\ntype: contact\nname: Full Name\n```\n');
    const check = rapport(['check', '--dir', folder]);
    expect(check.stdout).toBe('17 contacts checked: 0 errors, 0 warnings\n');
  });
});
