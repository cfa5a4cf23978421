import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Reads an exported iCalendar or vCard text back with Python's `icalendar`
 * and `vobject`, or a note's frontmatter with PyYAML, a YAML 1.1 reader
 * (Debian's python3-icalendar, python3-vobject and python3-yaml): parsers
 * that share no code with the JavaScript writers under test.
 */
const script = fileURLToPath(new URL('./read-back.py', import.meta.url));
const MISSING = 'Reading exports and notes back needs Python 3 with the icalendar, vobject and yaml modules: run `apt-get install -y python3-icalendar python3-vobject python3-yaml` (scripts/setup-test-env.sh does it for CI)';

let python: string | undefined;

/** The first Python that has the three modules (Debian's lives in /usr/bin, ahead of any pyenv shim). */
function findPython(): string {
  if (python) return python;
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    const probe = spawnSync(candidate, ['-c', 'import icalendar, vobject, yaml'], { encoding: 'utf8' });
    if (probe.status === 0) return (python = candidate);
  }
  throw new Error(MISSING);
}

export interface ReadBackWhen {
  readonly date?: string;
  readonly local?: string;
  readonly utc?: string | null;
  readonly tzid?: string;
  /** The UTC instant of the local time read through the file's own VTIMEZONE. */
  readonly utc_by_vtimezone?: string;
}

export interface ReadBackItem {
  readonly kind: 'VEVENT' | 'VTODO';
  readonly uid: string;
  readonly summary?: string;
  readonly location?: string;
  readonly url?: string;
  readonly description?: string;
  readonly transp?: string;
  readonly sequence: number;
  readonly dtstart?: ReadBackWhen;
  readonly dtend?: ReadBackWhen;
  readonly alarms: readonly { action: string; trigger_seconds?: number; related?: string }[];
}

export interface ReadBackCard {
  readonly version: string | null;
  readonly uid: string | null;
  readonly fn: string | null;
  readonly n?: { family: string; given: string };
  readonly org: readonly (readonly string[])[];
  readonly title: readonly string[];
  readonly email: readonly string[];
  readonly tel: readonly string[];
  readonly url: readonly string[];
  readonly note: readonly string[];
  readonly categories: readonly (readonly string[])[];
}

function run(kind: 'ics' | 'vcard' | 'frontmatter', text: string): unknown {
  const interpreter = findPython();
  const folder = mkdtempSync(join(tmpdir(), 'rapport-read-back-'));
  try {
    const file = join(folder, kind === 'ics' ? 'export.ics' : kind === 'vcard' ? 'export.vcf' : 'note.md');
    writeFileSync(file, text, 'utf8');
    return JSON.parse(execFileSync(interpreter, [script, kind, file], { encoding: 'utf8' }));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export function readCalendarBack(text: string): { zones: string[]; items: ReadBackItem[] } {
  return run('ics', text) as { zones: string[]; items: ReadBackItem[] };
}

export function readCardsBack(text: string): ReadBackCard[] {
  return (run('vcard', text) as { cards: ReadBackCard[] }).cards;
}

/**
 * A note's frontmatter as PyYAML reads it: strings as they are; anything else
 * tagged with the type PyYAML gave it (`{ bool: true }`, `{ number: 80 }`,
 * `{ date: '2026-11-23' }`).
 */
export function readFrontmatterBack(text: string): Record<string, unknown> {
  return (run('frontmatter', text) as { fields: Record<string, unknown> }).fields;
}
