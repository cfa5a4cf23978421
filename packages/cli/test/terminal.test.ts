import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { bin, exampleCopy, hasScript, rapport, rapportInTerminal } from './support/run-cli.js';

const ANSI_COLOUR = /\x1b\[\d+(;\d+)*m/;
const NOTES = 300;

/** A folder big enough for the progress line (it shows from 200 notes). */
function largeFolder(notes = NOTES): string {
  const folder = mkdtempSync(join(tmpdir(), 'rapport-large-'));
  for (let n = 1; n <= notes; n++) {
    writeFileSync(join(folder, `person-${n}.md`), `---\ntype: contact\nname: Person ${n}\nstage: identified\nhistory:\n  - date: 2026-11-02\n    stage: identified\n---\n`);
  }
  return folder;
}

describe('colours', () => {
  it('are off when the output is piped, and forced on by FORCE_COLOR', () => {
    const folder = exampleCopy();
    const piped = rapport(['agenda', '--today', '2026-11-23', '--dir', folder], { env: { NO_COLOR: undefined } });
    expect(piped.stdout).toContain('Overdue (4)');
    expect(piped.stdout).not.toMatch(ANSI_COLOUR);
    const forced = rapport(['agenda', '--today', '2026-11-23', '--dir', folder], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(forced.stdout).toMatch(ANSI_COLOUR);
    expect(forced.stdout.replace(/\x1b\[\d+(;\d+)*m/g, '')).toBe(piped.stdout);
  });

  it('never colour JSON', () => {
    const forced = rapport(['list', '--json', '--dir', exampleCopy()], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(forced.stdout).not.toMatch(ANSI_COLOUR);
    expect(() => JSON.parse(forced.stdout)).not.toThrow();
  });

  it.skipIf(!hasScript)('are on at a terminal, and off there when NO_COLOR is set (needs util-linux script)', () => {
    const folder = exampleCopy();
    const terminal = rapportInTerminal(['check', '--dir', folder]);
    expect(terminal.code).toBe(0);
    expect(terminal.output).toMatch(ANSI_COLOUR);
    const noColor = rapportInTerminal(['check', '--dir', folder], { NO_COLOR: '1' });
    expect(noColor.output).toContain('17 contacts checked: 0 errors, 0 warnings');
    expect(noColor.output).not.toMatch(/\x1b/);
    const dumb = rapportInTerminal(['check', '--dir', folder], { TERM: 'dumb' });
    expect(dumb.output).not.toMatch(ANSI_COLOUR);
  });
});

describe('progress', () => {
  let folder: string;
  beforeAll(() => {
    folder = largeFolder();
  });

  it.skipIf(!hasScript)('shows while reading a large folder at a terminal, then clears its line (needs util-linux script)', () => {
    const terminal = rapportInTerminal(['check', '--dir', folder], { NO_COLOR: '1' });
    expect(terminal.code).toBe(0);
    expect(terminal.output).toContain(`\rReading notes ${NOTES}/${NOTES}`);
    expect(terminal.output).toContain('\r\x1b[2K');
    expect(terminal.output).toContain(`${NOTES} contacts checked: 0 errors, 0 warnings`);
  });

  it.skipIf(!hasScript)('stays quiet at a terminal under CI, and for a small folder', () => {
    expect(rapportInTerminal(['check', '--dir', folder], { NO_COLOR: '1', CI: 'true' }).output).not.toContain('Reading notes');
    expect(rapportInTerminal(['check', '--dir', exampleCopy()], { NO_COLOR: '1' }).output).not.toContain('Reading notes');
  });

  it('stays quiet when piped: stderr is empty and stdout is only the result', () => {
    const result = rapport(['list', '--json', '--dir', folder]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toHaveLength(NOTES);
  });
});

describe('a reader that stops early', () => {
  it('ends the command quietly with its own exit code, as `rapport agenda | head -1` expects', () => {
    // `true` exits without reading, so every write meets a closed pipe (EPIPE).
    const script = `node "${bin}" agenda --today 2026-11-23 --dir "${exampleCopy()}" | true; echo "rapport exited $\{PIPESTATUS[0]}"`;
    const result = spawnSync('bash', ['-c', script], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('rapport exited 0\n');
  });
});

describe('output to a file or a pipe', () => {
  let folder: string;
  beforeAll(() => {
    folder = largeFolder();
  });

  it('goes whole into a file', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'rapport-out-')), 'contacts.json');
    const result = spawnSync('bash', ['-c', `node "${bin}" list --json --dir "${folder}" > "${out}"`], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    const rows = JSON.parse(readFileSync(out, 'utf8')) as { name: string }[];
    expect(rows).toHaveLength(NOTES);
    expect(rows.slice(0, 3).map((row) => row.name)).toEqual(['Person 1', 'Person 10', 'Person 100']);
  });

  it('goes whole and in order through a non-blocking pipe that fills up while its reader waits', () => {
    // As a parent that set O_NONBLOCK on the pipe gives it: writes that would block fail with EAGAIN.
    const reader = `
import os, subprocess, sys, time
r, w = os.pipe()
os.set_blocking(w, False)
child = subprocess.Popen([sys.argv[1], sys.argv[2], 'list', '--json', '--dir', sys.argv[3]], stdout=w, stderr=subprocess.PIPE)
os.close(w)
time.sleep(1)
chunks = []
while True:
    chunk = os.read(r, 65536)
    if not chunk:
        break
    chunks.append(chunk)
err = child.stderr.read()
sys.stdout.buffer.write(b''.join(chunks))
sys.stderr.buffer.write(err)
sys.exit(child.wait())
`;
    const result = spawnSync('python3', ['-c', reader, process.execPath, bin, largeFolder(900)], { encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    // Well over what a pipe holds (64 KiB), so the writer met a full pipe.
    expect(result.stdout.length).toBeGreaterThan(2 * 65536);
    const rows = JSON.parse(result.stdout) as { name: string }[];
    expect(rows).toHaveLength(900);
    expect(rows.slice(0, 3).map((row) => row.name)).toEqual(['Person 1', 'Person 10', 'Person 100']);
    expect(rows.at(-1)!.name).toBe('Person 99');
  });
});
