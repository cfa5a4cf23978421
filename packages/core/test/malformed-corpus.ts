/**
 * Malformed notes written by the project, each paired with the rule that must
 * report it. Shared by the core, CLI and extension tests: none may crash and
 * none may change a byte on disk.
 */
export type MalformedContent = string | Uint8Array | { readonly kind: 'folder' } | { readonly kind: 'symlink-loop' } | { readonly kind: 'dangling-symlink' };

export interface MalformedNote {
  readonly name: string;
  readonly content: MalformedContent;
  /** The rule of the diagnostic this note must produce. */
  readonly rule: string;
}

const head = 'type: contact\nname: Broken Note\n';
const fm = (yaml: string, body = '\n# Body\n') => `---\n${yaml}---\n${body}`;
const valid = (extra: string, stage = 'identified') => fm(`${head}stage: ${stage}\n${extra}`);

/** A text as UTF-16 code units, as some Windows editors save: little-endian, or big-endian with its byte-order mark. */
function utf16(text: string, order: 'little-endian' | 'big-endian-with-bom'): Uint8Array {
  const units = order === 'big-endian-with-bom' ? `\uFEFF${text}` : text;
  const bytes = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const unit = units.charCodeAt(i);
    const [high, low] = [unit >> 8, unit & 0xff];
    bytes.set(order === 'little-endian' ? [low, high] : [high, low], i * 2);
  }
  return bytes;
}

function deepNesting(depth: number): string {
  return fm(`${head}stage: held\nnested: ${'['.repeat(depth)}${']'.repeat(depth)}\n`);
}

function aliasBomb(): string {
  const lines = [`${head.trim()}`, 'stage: held', 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i < 9; i++) {
    const previous = String.fromCharCode(96 + i);
    const current = String.fromCharCode(97 + i);
    lines.push(`${current}: &${current} [${Array(9).fill(`*${previous}`).join(', ')}]`);
  }
  return fm(lines.join('\n') + '\n');
}

export const MALFORMED_NOTES: readonly MalformedNote[] = [
  { name: 'invalid-yaml-bracket', content: fm(`${head}stage: held\ntags: [ux, research\n`), rule: 'yaml-syntax' },
  { name: 'invalid-yaml-indent', content: fm(`${head}stage: held\nmeeting:\n  at: 2026-11-25T08:30\n minutes: 30\n`), rule: 'yaml-syntax' },
  { name: 'invalid-yaml-tab', content: fm(`${head}stage: held\nhistory:\n\t- date: 2026-11-02\n`), rule: 'yaml-syntax' },
  { name: 'invalid-yaml-quote', content: fm(`${head}stage: "held\n`), rule: 'yaml-syntax' },
  { name: 'unterminated-frontmatter', content: `---\n${head}stage: held\n\n# Body without a closing fence\n`, rule: 'yaml-syntax' },
  { name: 'alias-bomb', content: aliasBomb(), rule: 'yaml-syntax' },
  { name: 'deep-nesting', content: deepNesting(10_000), rule: 'yaml-syntax' },
  { name: 'huge-note', content: fm(`${head}stage: someday\n`) + 'Lorem ipsum dolor sit amet. '.repeat(190_000), rule: 'unknown-stage' },
  { name: 'binary-bytes', content: new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0xff, 0xfe, 0x00, 0x89, 0x50, 0x4e, 0x47]), rule: 'unreadable-file' },
  { name: 'invalid-utf8', content: new Uint8Array([...new TextEncoder().encode(`---\n${head}stage: held\nrole: caf`), 0xe9, 0x0a, ...new TextEncoder().encode('---\n')]), rule: 'unreadable-file' },
  { name: 'utf16-without-bom', content: utf16(valid(''), 'little-endian'), rule: 'unreadable-file' },
  { name: 'utf16-with-bom', content: utf16(valid(''), 'big-endian-with-bom'), rule: 'unreadable-file' },
  { name: 'yaml-directive', content: `%YAML 1.2\n${valid('')}`, rule: 'yaml-syntax' },
  { name: 'comment-cutting-value', content: valid('role: Designer #2 on the EHR team\n'), rule: 'value-cut-by-comment' },
  { name: 'toml-fences', content: '+++\ntype = "contact"\nname = "Broken"\nstage = "held"\n+++\n', rule: 'yaml-syntax' },
  { name: 'duplicate-keys', content: fm(`${head}stage: held\nstage: contacted\n`), rule: 'yaml-syntax' },
  { name: 'duplicate-keys-apart', content: fm(`${head}role: Analyst\nstage: held\nindustry: Energy\nrole: Manager\n`), rule: 'yaml-syntax' },
  { name: 'colon-in-value', content: fm(`${head}stage: held\nrole: Manager: Data Platform\n`), rule: 'yaml-syntax' },
  { name: 'missing-colon', content: fm(`${head}industry Telehealth\nstage: held\n`), rule: 'yaml-syntax' },
  { name: 'unclosed-quote-early', content: fm('type: contact\nname: "Broken Note\nstage: held\nrole: Analyst\n'), rule: 'yaml-syntax' },
  { name: 'unclosed-brace', content: fm(`${head}location: {city: Portland\nstage: held\n`), rule: 'yaml-syntax' },
  { name: 'value-starts-with-at', content: fm(`${head}stage: held\nrole: @home\n`), rule: 'yaml-syntax' },
  { name: 'impossible-date', content: valid('history:\n  - date: 2026-02-30\n    stage: identified\n'), rule: 'invalid-date' },
  { name: 'month-13', content: valid('history:\n  - date: 2026-13-01\n    stage: identified\n'), rule: 'invalid-date' },
  { name: 'date-words', content: valid('history:\n  - date: last tuesday\n    stage: identified\n'), rule: 'invalid-date' },
  { name: 'meeting-bad-time', content: valid('meeting:\n  at: 2026-11-25T25:61\n  minutes: 30\n  format: video\n', 'scheduled'), rule: 'invalid-date' },
  { name: 'next-bad-due', content: valid('next:\n  action: Call\n  due: 2026-11-31\n'), rule: 'invalid-date' },
  { name: 'huge-number', content: valid('touch_every: 1e400\n'), rule: 'invalid-type' },
  { name: 'huge-minutes', content: valid('meeting:\n  at: 2026-11-25T08:30\n  minutes: 99999999999999999999\n', 'scheduled'), rule: 'invalid-type' },
  { name: 'negative-touch', content: valid('touch_every: -5\n'), rule: 'invalid-type' },
  { name: 'missing-name', content: fm('type: contact\nstage: held\n'), rule: 'missing-field' },
  { name: 'missing-stage', content: fm('type: contact\nname: A\n'), rule: 'missing-field' },
  { name: 'unknown-stage', content: fm(`${head}stage: interviewed\n`), rule: 'unknown-stage' },
  { name: 'stage-number', content: fm(`${head}stage: 3\n`), rule: 'unknown-stage' },
  { name: 'name-list', content: fm('type: contact\nname: [A, B]\nstage: held\n'), rule: 'invalid-type' },
  { name: 'name-map', content: fm('type: contact\nname: {first: A}\nstage: held\n'), rule: 'invalid-type' },
  { name: 'role-number', content: valid('role: 42\n'), rule: 'invalid-type' },
  { name: 'organization-list', content: valid('organization: [a, b]\n'), rule: 'invalid-type' },
  { name: 'industry-bool', content: valid('industry: true\n'), rule: 'invalid-type' },
  { name: 'location-map', content: valid('location: {city: x}\n'), rule: 'invalid-type' },
  { name: 'email-invalid', content: valid('email: not-an-email\n'), rule: 'invalid-value' },
  { name: 'phone-list', content: valid('phone: [1, 2]\n'), rule: 'invalid-type' },
  { name: 'linkedin-not-url', content: valid('linkedin: maya-chen\n'), rule: 'invalid-value' },
  { name: 'source-unknown', content: valid('source: twitter\n'), rule: 'invalid-value' },
  { name: 'referred-by-plain', content: valid('referred_by: sam\n'), rule: 'invalid-value' },
  { name: 'referred-by-unquoted', content: valid('referred_by: [[sam]]\n'), rule: 'invalid-type' },
  { name: 'referred-by-missing', content: valid('referred_by: "[[nobody-here]]"\n'), rule: 'unresolved-link' },
  { name: 'tags-string', content: valid('tags: ux\n'), rule: 'invalid-type' },
  { name: 'tags-map', content: valid('tags: {a: 1}\n'), rule: 'invalid-type' },
  { name: 'history-string', content: valid('history: yesterday\n'), rule: 'invalid-type' },
  { name: 'history-entry-list', content: valid('history:\n  - [2026-11-02, identified]\n'), rule: 'invalid-type' },
  { name: 'history-unknown-stage', content: valid('history:\n  - date: 2026-11-02\n    stage: met\n'), rule: 'unknown-stage' },
  { name: 'history-bad-channel', content: valid('history:\n  - date: 2026-11-02\n    stage: identified\n    via: pigeon\n'), rule: 'invalid-value' },
  { name: 'history-out-of-order', content: valid('history:\n  - date: 2026-11-05\n    stage: identified\n  - date: 2026-11-01\n    stage: contacted\n', 'contacted'), rule: 'history-order' },
  { name: 'stage-disagrees', content: valid('history:\n  - date: 2026-11-02\n    stage: identified\n', 'held'), rule: 'stage-history-mismatch' },
  { name: 'meeting-string', content: valid('meeting: tomorrow at 9\n', 'scheduled'), rule: 'invalid-type' },
  { name: 'meeting-format', content: valid('meeting:\n  at: 2026-11-25T08:30\n  format: zoom\n', 'scheduled'), rule: 'invalid-value' },
  { name: 'next-string', content: valid('next: call her\n'), rule: 'invalid-type' },
  { name: 'next-no-action', content: valid('next:\n  due: 2026-11-30\n'), rule: 'missing-field' },
  { name: 'timezone-misspelt', content: valid('timezone: America/Bogata\n'), rule: 'unknown-time-zone' },
  { name: 'tags-item-continued', content: valid('tags:\n - ux\n  - research\n'), rule: 'list-item-continued' },
  { name: 'tags-first-item-too-far', content: valid('tags:\n   - ux\n  - research\n'), rule: 'yaml-syntax' },
  { name: 'missing-type', content: fm('name: A\nstage: held\n'), rule: 'missing-type' },
  { name: 'a-folder', content: { kind: 'folder' }, rule: 'unreadable-file' },
  { name: 'symlink-loop', content: { kind: 'symlink-loop' }, rule: 'unreadable-file' },
  { name: 'dangling-symlink', content: { kind: 'dangling-symlink' }, rule: 'unreadable-file' },
];

/** Writes one malformed note into `folder` with Node's fs (tests only). */
export async function writeMalformed(folder: string, note: MalformedNote): Promise<string> {
  const { mkdir, symlink, writeFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const path = join(folder, `${note.name}.md`);
  const content = note.content;
  if (typeof content === 'string' || content instanceof Uint8Array) await writeFile(path, content);
  else if (content.kind === 'folder') await mkdir(path);
  else if (content.kind === 'symlink-loop') await symlink(`${note.name}.md`, path);
  else await symlink('nowhere/at-all.md', path);
  return path;
}
