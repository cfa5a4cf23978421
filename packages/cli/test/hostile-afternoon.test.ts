import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleCopy, rapport, userFiles } from './support/run-cli.js';

const TODAY = '2026-12-04';

/** The example with an archived copy of Owen Park's note in `closed/`: two notes whose id is `owen-park`. */
function withDuplicateOwen(): string {
  const folder = exampleCopy();
  mkdirSync(join(folder, 'closed'), { recursive: true });
  writeFileSync(join(folder, 'closed/owen-park.md'), readFileSync(join(folder, 'owen-park.md'), 'utf8').replace('stage: contacted\n', 'stage: archived\n'));
  return folder;
}

describe('two notes with one id', () => {
  it('a command given the id edits neither and names both; given a path, it edits that one', () => {
    const folder = withDuplicateOwen();
    const before = userFiles(folder);
    expect(rapport(['advance', 'owen-park', 'followed-up', '--today', TODAY, '--dir', folder])).toMatchObject({
      code: 3,
      stdout: '',
      stderr: expect.stringContaining('rapport: "owen-park" is the id of 2 notes: closed/owen-park.md, owen-park.md; give the path of the one you mean (each contact needs an id of its own: rename one of the files)\n'),
    });
    expect(userFiles(folder)).toEqual(before);
    expect(rapport(['advance', 'owen-park.md', 'followed-up', '--today', TODAY, '--dir', folder])).toMatchObject({ code: 0, stdout: 'Owen Park: contacted → followed-up (2026-12-04)  owen-park.md\n' });
    expect(userFiles(folder)['closed/owen-park.md']).toBe(before['closed/owen-park.md']);
  });

  it('listings show both and say which notes share the id', () => {
    const folder = withDuplicateOwen();
    const { code, stderr } = rapport(['agenda', '--today', TODAY, '--dir', folder]);
    expect(code).toBe(0);
    expect(stderr).toBe(
      'rapport: warning: closed/owen-park.md: Another note has the same id "owen-park": owen-park.md (Rename one of the files so every contact has its own id)\n' +
        'rapport: warning: owen-park.md: Another note has the same id "owen-park": closed/owen-park.md (Rename one of the files so every contact has its own id)\n',
    );
  });
});

describe('a contact whose type is not written `contact`', () => {
  it('is listed as a note that cannot be read, fails check with the fix, and is no contact a command edits', () => {
    const folder = exampleCopy();
    const file = join(folder, 'owen-park.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('type: contact\n', 'type: Contact\n'));
    const message = 'owen-park.md:2: cannot read this contact: `type` is "Contact", not `contact`, so this note is not read as a contact (Write `type: contact`)';
    expect(rapport(['list', '--today', TODAY, '--dir', folder])).toMatchObject({ code: 0, stderr: `rapport: warning: ${message}\n`, stdout: expect.stringContaining('\nowen-park          unreadable   owen-park.md:2: `type` is "Contact"') });
    const check = rapport(['check', '--json', '--dir', folder]);
    expect(check.code).toBe(1);
    expect((JSON.parse(check.stdout) as { file: string; line: number; rule: string; fix?: { text: string } }[]).filter((d) => d.file === 'owen-park.md')).toMatchObject([{ line: 2, rule: 'invalid-value', fix: { title: 'Write `type: contact`', text: 'contact' } }]);
    expect(rapport(['advance', 'owen-park', 'followed-up', '--today', TODAY, '--dir', folder])).toMatchObject({ code: 3, stderr: `rapport: ${message}\n` });
    expect(rapport(['check', '--fix', '--dir', folder]).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('---\ntype: contact\nname: Owen Park\n');
  });
});

describe('check --fix on a value with a comment after it', () => {
  it('puts the value in quotes and leaves the comment a comment', () => {
    const folder = exampleCopy();
    const file = join(folder, 'owen-park.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('role: Design Research Manager\n', 'role: Manager: Design Research   # his title\n'));
    expect(rapport(['check', '--fix', '--dir', folder])).toMatchObject({ code: 0, stdout: expect.stringContaining('fixed owen-park.md:5: Put the value in quotes: "Manager: Design Research"') });
    expect(readFileSync(file, 'utf8')).toContain('\nrole: "Manager: Design Research"   # his title\n');
    expect(JSON.parse(rapport(['export', 'json', '--dir', folder]).stdout).find((contact: { id: string }) => contact.id === 'owen-park')).toMatchObject({ role: 'Manager: Design Research' });
  });
});

describe('a value left unread', () => {
  it('a `next:` that is not a mapping is named by the agenda, which cannot show it', () => {
    const folder = exampleCopy();
    const file = join(folder, 'hannah-schultz.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('source: association   # HFES Pittsburgh chapter member directory\n', 'source: association   # HFES Pittsburgh chapter member directory\nnext: call him Friday  # my own\n'));
    const { code, stderr } = rapport(['agenda', '--today', TODAY, '--dir', folder]);
    expect(code).toBe(0);
    expect(stderr).toBe('rapport: warning: hannah-schultz.md:12: `next` must be a mapping with `action` and `due`: Hannah Schultz is not read as written until it is corrected (rapport check lists every problem)\n');
  });

  it('a meeting link that is no place to meet is refused, and one written by hand is flagged and left out of the calendar', () => {
    const folder = exampleCopy();
    const before = userFiles(folder);
    expect(rapport(['advance', 'owen-park', 'scheduled', '--at', '2026-12-10T10:00', '--link', 'javascript:alert(document.cookie)', '--today', TODAY, '--dir', folder])).toMatchObject({ code: 2, stderr: expect.stringContaining('invalid meeting link "javascript:alert(document.cookie)"') });
    expect(userFiles(folder)).toEqual(before);
    const file = join(folder, 'owen-park.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('stage: contacted\n', 'stage: scheduled\nmeeting:\n  at: 2026-12-10T10:00\n  link: "javascript:alert(1)"\n'));
    expect(rapport(['export', 'ics', '--today', TODAY, '--dir', folder]).stdout).not.toContain('javascript:');
  });
});

describe('a folder where the config file should be', () => {
  it('is named by its path', () => {
    const folder = exampleCopy();
    rmSync(join(folder, '.rapport/config.yaml'));
    mkdirSync(join(folder, '.rapport/config.yaml'));
    expect(rapport(['list', '--today', TODAY, '--dir', folder])).toMatchObject({ code: 3, stdout: '', stderr: `rapport: cannot read ${join(folder, '.rapport/config.yaml')}: it is a folder\n` });
  });
});

describe('new with a name that is not one line of text', () => {
  it('refuses a line break or an escape sequence, writing nothing, and shows the name escaped', () => {
    const folder = exampleCopy();
    const before = userFiles(folder);
    expect(rapport(['new', 'Esc\u001b]0;pwn\u0007', '--today', TODAY, '--dir', folder])).toMatchObject({ code: 2, stdout: '', stderr: 'rapport: a contact\'s name is one line of text, without control characters: "Esc\\u001b]0;pwn\\u0007"\n' });
    expect(rapport(['new', 'Line\nBreak', '--today', TODAY, '--dir', folder])).toMatchObject({ code: 2, stderr: 'rapport: a contact\'s name is one line of text, without control characters: "Line\\nBreak"\n' });
    expect(rapport(['new', 'Ana Lima', '--org', 'North\twind', '--today', TODAY, '--dir', folder])).toMatchObject({ code: 2, stderr: 'rapport: a contact\'s organization is one line of text, without control characters: "North\\twind"\n' });
    expect(userFiles(folder)).toEqual(before);
  });

  it('writes spaces typed twice as one, as an import does (trial 21)', () => {
    const folder = exampleCopy();
    expect(rapport(['new', ' Anna  -  Marie ', '--org', 'Allegheny   Health', '--today', TODAY, '--dir', folder]).stdout).toBe('contacts/anna-marie.md\n');
    expect(readFileSync(join(folder, 'contacts/anna-marie.md'), 'utf8')).toMatch(/^---\ntype: contact\nname: Anna - Marie\nstage: identified\norganization: Allegheny Health\n[\s\S]*\n# Anna - Marie\n/);
  });
});

describe('advance --letter', () => {
  it('refuses a letter name that is neither shipped nor one of the folder’s templates, unless forced', () => {
    const folder = exampleCopy();
    const before = userFiles(folder);
    expect(rapport(['advance', 'owen-park', 'followed-up', '--via', 'email', '--letter', 'follow-upp', '--today', TODAY, '--dir', folder])).toMatchObject({
      code: 2,
      stderr: 'rapport: unknown letter "follow-upp" (did you mean follow-up?): the letters are cold-email, cold-letter, follow-up, keep-in-touch, linkedin-note, referral, thank-you (add --force to record it anyway)\n',
    });
    expect(userFiles(folder)).toEqual(before);
    mkdirSync(join(folder, '.rapport/templates'), { recursive: true });
    writeFileSync(join(folder, '.rapport/templates/second-follow-up.eta'), '---\ndescription: A second nudge\n---\nHello <%= it.contact.firstName %>\n');
    expect(rapport(['advance', 'owen-park', 'followed-up', '--via', 'email', '--letter', 'second-follow-up', '--today', TODAY, '--dir', folder]).code).toBe(0);
    expect(readFileSync(join(folder, 'owen-park.md'), 'utf8')).toContain('  - date: 2026-12-04\n    stage: followed-up\n    via: email\n    letter: second-follow-up\n');
  });
});

describe('advance with meeting details alone', () => {
  it('changes the meeting in place and adds nothing to the history; with a note, it records the entry as before', () => {
    const folder = exampleCopy();
    const file = join(folder, 'owen-park.md');
    expect(rapport(['advance', 'owen-park', 'scheduled', '--at', '2026-12-10T10:00', '--today', TODAY, '--dir', folder]).code).toBe(0);
    const booked = readFileSync(file, 'utf8');
    expect(rapport(['advance', 'owen-park', 'scheduled', '--link', 'https://meet.example.com/owen', '--today', TODAY, '--dir', folder])).toMatchObject({ code: 0, stdout: 'Owen Park: meeting link changed, still 2026-12-10 10:00; no history entry  owen-park.md\n' });
    expect(readFileSync(file, 'utf8')).toBe(booked.replace('  format: video\n', '  format: video\n  link: https://meet.example.com/owen\n'));
    expect(rapport(['advance', 'owen-park', 'scheduled', '--place', 'Room 4', '--format', 'in-person', '--today', TODAY, '--dir', folder])).toMatchObject({ code: 0, stdout: 'Owen Park: meeting format, place changed, still 2026-12-10 10:00; no history entry  owen-park.md\n' });
    expect(readFileSync(file, 'utf8').match(/stage: scheduled/g)).toHaveLength(2);
    expect(rapport(['advance', 'owen-park', 'scheduled', '--link', 'https://meet.example.com/owen-2', '--note', 'new link from Owen', '--today', TODAY, '--dir', folder]).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('  - date: 2026-12-04\n    stage: scheduled\n    note: new link from Owen\n');
  });
});

describe('a file name with accents stored decomposed (as macOS does)', () => {
  it('is found by the name typed composed', () => {
    const folder = exampleCopy();
    const text = readFileSync(join(folder, 'owen-park.md'), 'utf8').replace('name: Owen Park', 'name: Café Owner');
    writeFileSync(join(folder, 'cafe\u0301.md'), text);
    expect(rapport(['advance', 'caf\u00e9', 'followed-up', '--today', TODAY, '--dir', folder])).toMatchObject({ code: 0, stdout: 'Café Owner: contacted → followed-up (2026-12-04)  cafe\u0301.md\n' });
  });
});

describe('a notes_folder that names a file', () => {
  it('is an error of the config in check, and new says which setting is wrong, creating nothing', () => {
    const folder = exampleCopy();
    const config = join(folder, '.rapport/config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('notes_folder: contacts ', 'notes_folder: README.md'));
    const before = userFiles(folder);
    const check = rapport(['check', '--dir', folder]);
    expect(check.code).toBe(1);
    expect(check.stdout.split('\n').slice(0, 2)).toEqual(['.rapport/config.yaml:16:15 error `notes_folder: README.md` names a file, not a folder, so new contacts cannot be created [invalid-config]', '    hint: Set notes_folder to a folder, such as contacts']);
    expect(rapport(['new', 'Nora Lind', '--today', TODAY, '--dir', folder])).toEqual({
      code: 3,
      stdout: '',
      stderr: 'rapport: `notes_folder: README.md` in .rapport/config.yaml names a file, not a folder, so new contacts cannot be created (set notes_folder to a folder, such as contacts)\n',
    });
    expect(userFiles(folder)).toEqual(before);
  });
});

describe('a note that is not where a contact is read from', () => {
  it('a `%YAML` line above the frontmatter is an error that check --fix deletes, and the contact is back', () => {
    const folder = exampleCopy();
    const file = join(folder, 'owen-park.md');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, `%YAML 1.2\n${text}`);
    expect(rapport(['list', '--today', TODAY, '--dir', folder]).stdout).toContain('\nowen-park          unreadable   owen-park.md:1: `%YAML 1.2` comes before the frontmatter');
    expect(rapport(['check', '--fix', '--dir', folder])).toMatchObject({ code: 0, stdout: expect.stringContaining('fixed owen-park.md:1: Delete the line `%YAML 1.2`\n') });
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('a note saved as UTF-16 without a byte-order mark is named as such, and left as it is', () => {
    const folder = exampleCopy();
    const file = join(folder, 'owen-park.md');
    const bytes = Buffer.from(readFileSync(file, 'utf8'), 'utf16le');
    writeFileSync(file, bytes);
    const check = rapport(['check', '--dir', folder]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('owen-park.md:1:1 error The note cannot be read: it is UTF-16LE text, not UTF-8 [unreadable-file]\n    hint: Save it as UTF-8, in VS Code with Save with Encoding; Rapport leaves this file untouched\n');
    expect(rapport(['advance', 'owen-park', 'followed-up', '--today', TODAY, '--dir', folder]).code).toBe(3);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });
});

describe('a config that is not UTF-8', () => {
  it('is read as the defaults with an error placed at the bad byte: listing goes on, writes and exports refuse', () => {
    const folder = exampleCopy();
    const config = join(folder, '.rapport/config.yaml');
    // `é` saved in Latin-1, as an old editor would: byte 0xE9 at column 22 of line 1.
    writeFileSync(config, Buffer.concat([Buffer.from('timezone: Europe/Berl'), Buffer.from([0xe9]), Buffer.from('n\n')]));
    const error = '.rapport/config.yaml:1:22 error The config is not valid UTF-8 text; the whole config is ignored [invalid-config]\n    hint: Save it as UTF-8\n';
    const before = userFiles(folder);
    const list = rapport(['list', '--today', TODAY, '--dir', folder]);
    expect(list).toMatchObject({ code: 0, stderr: error, stdout: expect.stringContaining('\nOwen Park          contacted    ') });
    expect(rapport(['advance', 'owen-park', 'followed-up', '--today', TODAY, '--dir', folder])).toMatchObject({ code: 2, stderr: expect.stringContaining('rapport: nothing written: .rapport/config.yaml has an error (line 1, above)') });
    expect(rapport(['export', 'csv', '--dir', folder])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('rapport: nothing exported: the `private:` setting of .rapport/config.yaml cannot be read') });
    expect(userFiles(folder)).toEqual(before);
  });
});

describe('commands given what is not a contact, or an option twice', () => {
  it('an empty note or a README named by path is said to be no contact note', () => {
    const folder = exampleCopy();
    writeFileSync(join(folder, 'empty.md'), '');
    expect(rapport(['advance', 'empty.md', 'contacted', '--today', TODAY, '--dir', folder])).toEqual({ code: 3, stdout: '', stderr: 'rapport: empty.md is empty, so it is not a contact note (rapport new "Full Name" creates one)\n' });
    expect(rapport(['advance', 'README.md', 'contacted', '--today', TODAY, '--dir', folder])).toEqual({ code: 3, stdout: '', stderr: 'rapport: README.md has no `type: contact` in its frontmatter, so it is not a contact note (rapport new "Full Name" creates one)\n' });
  });

  it('--note given twice keeps both texts in the history entry; another option given twice is refused', () => {
    const folder = exampleCopy();
    const before = userFiles(folder);
    expect(rapport(['log', 'owen-park', '--note', 'called', '--via', 'email', '--via', 'phone', '--today', TODAY, '--dir', folder])).toEqual({ code: 2, stdout: '', stderr: 'rapport: --via is given 2 times: give it once\n' });
    expect(rapport(['agenda', '--today', TODAY, '--today=2026-12-05', '--dir', folder])).toEqual({ code: 2, stdout: '', stderr: 'rapport: --today is given 2 times: give it once\n' });
    expect(userFiles(folder)).toEqual(before);
    expect(rapport(['log', 'owen-park', '--note', 'called', '--note', 'will intro me to Sam', '--today', TODAY, '--dir', folder]).code).toBe(0);
    expect(readFileSync(join(folder, 'owen-park.md'), 'utf8')).toContain('    note: called; will intro me to Sam\n');
  });
});

describe('a letter quoting the note (trial 21)', () => {
  it('leaves the seeker’s HTML comment out, says a wikilink as the name and drops Markdown marks', () => {
    const folder = exampleCopy();
    const file = join(folder, 'contacts/health-tech/marcus-bell.md');
    const text = readFileSync(file, 'utf8');
    writeFileSync(
      file,
      text
        .replace('dismissed most best-practice alerts without reading them, so', 'dismissed most **best-practice alerts** without reading them (as [[maya-chen]] warned me), so')
        .replace('retires one old alert for every new one.\n', 'retires one old alert for every new one. <!-- do not mention I applied to Nimbus -->\n'),
    );
    const letter = rapport(['letter', 'thank-you', 'marcus-bell', '--today', '2026-11-23', '--dir', folder]);
    expect(letter.code).toBe(0);
    expect(letter.stdout).toContain(
      'one thing in particular has stayed with me: nurses on your units dismissed most best-practice alerts without reading them (as Maya Chen warned me), so your team now runs an alert audit with frontline staff before any new alert goes live — and retires one old alert for every new one.\n',
    );
    expect(letter.stdout).not.toMatch(/Nimbus|<!--|\*\*|\[\[/);
  });
});

describe('a value YAML cuts at ` #` (trial 21)', () => {
  it('is a warning naming what was cut, which check --fix quotes, keeping a real comment after it', () => {
    const folder = exampleCopy();
    const file = join(folder, 'victor-nguyen.md');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('role: Clinical Product Designer\n', 'role: Designer #2 on the EHR team   # his title\n'));
    expect(rapport(['check', '--dir', folder]).stdout).toBe(
      'victor-nguyen.md:5:7 warning `role` reads as "Designer": YAML takes `#2 on the EHR team` for a comment [value-cut-by-comment]\n    hint: Put the value in quotes to keep all of it: role: "Designer #2 on the EHR team"\n17 contacts checked: 0 errors, 1 warning\n',
    );
    expect(rapport(['check', '--fix', '--dir', folder]).stdout).toBe('fixed victor-nguyen.md:5: Put the value in quotes\n17 contacts checked: 0 errors, 0 warnings\n');
    expect(readFileSync(file, 'utf8')).toBe(text.replace('role: Clinical Product Designer\n', 'role: "Designer #2 on the EHR team"   # his title\n'));
  });
});

describe('an output file that cannot be written (trial 21)', () => {
  it('is said the same by export, letter and report, before anything is written', () => {
    const folder = exampleCopy();
    const missing = join(folder, 'no-such-folder');
    expect(rapport(['export', 'csv', '--out', folder, '--dir', folder])).toEqual({ code: 2, stdout: '', stderr: `rapport: cannot write ${folder}: it is a folder (give the name of a file in it)\n` });
    expect(rapport(['export', 'csv', '--out', folder, '--force', '--dir', folder])).toEqual({ code: 2, stdout: '', stderr: `rapport: cannot write ${folder}: it is a folder (give the name of a file in it)\n` });
    expect(rapport(['export', 'csv', '--out', '', '--dir', folder])).toEqual({ code: 2, stdout: '', stderr: 'rapport: the output file name is empty: give a file, such as contacts.csv\n' });
    expect(rapport(['letter', 'thank-you', 'marcus-bell', '--out', join(missing, 'marcus.txt'), '--today', '2026-11-23', '--dir', folder])).toEqual({ code: 3, stdout: '', stderr: `rapport: cannot write ${join(missing, 'marcus.txt')}: its folder does not exist\n` });
    expect(rapport(['report', '--html', join(missing, 'report.html'), '--dir', folder])).toEqual({ code: 3, stdout: '', stderr: `rapport: cannot write ${join(missing, 'report.html')}: its folder does not exist\n` });
  });
});

describe('a meeting booked in another time zone (trial 21)', () => {
  it('is said in both times when only its place changes', () => {
    const folder = exampleCopy();
    expect(rapport(['advance', 'lauren-fitzgerald', 'scheduled', '--at', '2026-12-03T15:00', '--zone', 'Europe/Berlin', '--today', '2026-11-23', '--dir', folder]).code).toBe(0);
    expect(rapport(['advance', 'lauren-fitzgerald', 'scheduled', '--place', 'Room 4', '--today', '2026-11-23', '--dir', folder])).toEqual({
      code: 0,
      stdout: 'Lauren Fitzgerald: meeting place changed, still 2026-12-03 09:00 (15:00 their time); no history entry  lauren-fitzgerald.md\n',
      stderr: '',
    });
  });
});
