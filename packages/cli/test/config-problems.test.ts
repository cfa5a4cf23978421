import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleCopy, rapport, userFiles } from './support/run-cli.js';

describe('a config with problems', () => {
  it('is reported on stderr by every command that reads the folder, which still runs', () => {
    const folder = exampleCopy();
    writeFileSync(join(folder, '.rapport', 'config.yaml'), 'timezone: Mars/Olympus\nrules:\n  touch_every: -5\nprivate: [phone]\n');
    const problems = [
      '.rapport/config.yaml:1:11 error Unknown time zone "Mars/Olympus" [invalid-config]\n    hint: Use an IANA name such as America/New_York\n',
      '.rapport/config.yaml:3:16 error `rules.touch_every` must be a whole number of days [invalid-config]\n',
    ].join('');
    for (const args of [['list', '--today', '2026-11-23'], ['agenda', '--today', '2026-11-23'], ['report'], ['graph'], ['export', 'csv'], ['letter', 'thank-you', 'owen-park', '--draft']]) {
      const result = rapport([...args, '--dir', folder]);
      expect(result.stderr.startsWith(problems), `${args.join(' ')}: ${result.stderr}`).toBe(true);
    }
  });

  it('stops every command that writes into the notes or a letter, which would follow the defaults in its place', () => {
    const folder = exampleCopy();
    const config = join(folder, '.rapport', 'config.yaml');
    writeFileSync(config, `${readFileSync(config, 'utf8')}notes_folder: contacts\n`);
    const before = userFiles(folder);
    for (const args of [
      ['new', 'Test Person', '--today', '2026-11-23'],
      ['advance', 'owen-park', 'followed-up', '--date', '2026-11-23'],
      ['log', 'owen-park', '--note', 'a call', '--today', '2026-11-23'],
      ['next', 'owen-park', 'Call him', '--due', '2026-11-30'],
      ['dismiss', 'owen-park', 'second-contact'],
      ['questions', '--pick', '4', '--into', 'owen-park'],
      ['letter', 'follow-up', 'owen-park', '--today', '2026-11-30'],
    ]) {
      const result = rapport([...args, '--dir', folder]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout, args.join(' ')).toBe('');
      const refused = args[0] === 'letter' ? 'no letter written' : 'nothing written';
      expect(result.stderr.split('\n').at(-2), args.join(' ')).toBe(`rapport: ${refused}: .rapport/config.yaml has an error (line 32, above), and until it is fixed Rapport reads the defaults in its place`);
    }
    expect(userFiles(folder)).toEqual(before);
  });

  it('warns of a zone abbreviation, which does not follow the daylight saving of the place meant, and still uses it', () => {
    const folder = exampleCopy();
    const config = join(folder, '.rapport', 'config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('timezone: America/New_York', 'timezone: EST'));
    const result = rapport(['check', '--dir', folder]);
    expect(result.stdout).toContain(
      '.rapport/config.yaml:14:11 warning `EST` is an abbreviation, not a place: it keeps the offset or daylight-saving rules tzdata gives it (EST is UTC-05:00 even in summer, BST is Bangladesh Standard Time), which may not be those of the place you mean [invalid-config]\n    hint: Use the IANA name of a place, such as America/New_York or Europe/Berlin\n',
    );
    for (const zone of ['UTC', 'Europe/Berlin']) {
      writeFileSync(config, readFileSync(config, 'utf8').replace(/^timezone: .*$/m, `timezone: ${zone}`));
      expect(rapport(['check', '--dir', folder]).stdout, zone).not.toContain('.rapport/config.yaml');
    }
  });

  it('is checked for every YAML mistake, each at its line, as a note is', () => {
    const folder = exampleCopy();
    const config = join(folder, '.rapport', 'config.yaml');
    // Two typos: the quote before `Jordan Reyes` (line 6, column 9) never closed, the colon after `timezone` (line 14) left out.
    writeFileSync(config, readFileSync(config, 'utf8').replace('  name: Jordan Reyes', '  name: "Jordan Reyes').replace('timezone: America/New_York', 'timezone America/New_York'));
    const result = rapport(['check', '--dir', folder]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe([
      '.rapport/config.yaml:6:9 error The `"` that starts this value is never closed; the whole config is ignored [invalid-config]\n    hint: Add `"` at the end of the value\n',
      '.rapport/config.yaml:14:1 error `timezone America/New_York` has no `:` after the field name; the whole config is ignored [invalid-config]\n    hint: Write it as `timezone: America/New_York`\n',
      '17 contacts checked: 2 errors, 0 warnings\n',
    ].join(''));
  });

  it('check --fix makes the repairs of its YAML mistakes that need no choice, as in a note, and changes nothing else', () => {
    const folder = exampleCopy();
    const config = join(folder, '.rapport', 'config.yaml');
    const original = readFileSync(config, 'utf8');
    // Three typos: the quote before `Jordan Reyes` never closed (line 6), a `: ` in the background (line 7), the colon after `timezone` left out (line 14).
    const typed = original
      .replace('  name: Jordan Reyes', '  name: "Jordan Reyes')
      .replace('  background: a high-school biology teacher for eight years', '  background: a high-school biology teacher: eight years')
      .replace('timezone: America/New_York', 'timezone America/New_York');
    writeFileSync(config, typed);
    expect(rapport(['check', '--fix', '--dir', folder])).toEqual({
      code: 0,
      stdout: [
        'fixed .rapport/config.yaml:6: Close the quote: add " at the end of the line\n',
        'fixed .rapport/config.yaml:7: Put the value in quotes: "a high-school biology teacher: eight years"\n',
        // `timezone` is one of the config's settings: the colon goes after it.
        'fixed .rapport/config.yaml:14: Add the colon: timezone: America/New_York\n',
        '17 contacts checked: 0 errors, 0 warnings\n',
      ].join(''),
      stderr: '',
    });
    expect(readFileSync(config, 'utf8')).toBe(
      original
        .replace('  name: Jordan Reyes', '  name: "Jordan Reyes"')
        .replace('  background: a high-school biology teacher for eight years', '  background: "a high-school biology teacher: eight years"'),
    );
  });

  it('says a setting or rule without its colon by name and value at its line, and check --fix adds the colon after the names the config has', () => {
    const folder = exampleCopy();
    const config = join(folder, '.rapport', 'config.yaml');
    const original = readFileSync(config, 'utf8');
    // Colons left out after `notes_folder` (line 16, with a comment holding backticks), the first rule (line 20, nested under `rules:`) and a profile field (line 6).
    const typed = original
      .replace('notes_folder: contacts   # where', 'notes_folder contacts   # where')
      .replace('  follow_up_after: 7      #', '  follow_up_after 7      #')
      .replace('  name: Jordan Reyes', '  name Jordan Reyes');
    writeFileSync(config, typed);
    expect(rapport(['check', '--dir', folder]).stdout).toBe([
      '.rapport/config.yaml:6:3 error `name Jordan Reyes` has no `:` after the field name; the whole config is ignored [invalid-config]\n    hint: Write it as `name: Jordan Reyes`\n',
      '.rapport/config.yaml:16:1 error `notes_folder contacts` has no `:` after the field name; the whole config is ignored [invalid-config]\n    hint: Write it as `notes_folder: contacts`\n',
      '.rapport/config.yaml:20:3 error `follow_up_after 7` has no `:` after the field name; the whole config is ignored [invalid-config]\n    hint: Write it as `follow_up_after: 7`\n',
      '17 contacts checked: 3 errors, 0 warnings\n',
    ].join(''));
    expect(rapport(['check', '--fix', '--dir', folder])).toEqual({
      code: 0,
      stdout: [
        'fixed .rapport/config.yaml:6: Add the colon: name: Jordan Reyes\n',
        'fixed .rapport/config.yaml:16: Add the colon: notes_folder: contacts\n',
        'fixed .rapport/config.yaml:20: Add the colon: follow_up_after: 7\n',
        '17 contacts checked: 0 errors, 0 warnings\n',
      ].join(''),
      stderr: '',
    });
    // The colons back where they were, every comment and space as it was.
    expect(readFileSync(config, 'utf8')).toBe(original);
  });

  it('says a lone rule without its colon at its line, not as `rules` being no mapping, and check --fix adds the colon', () => {
    const folder = exampleCopy();
    const config = join(folder, '.rapport', 'config.yaml');
    // The rules cut down to one (line 20), its colon left out: YAML reads it as the text of `rules`.
    const original = readFileSync(config, 'utf8').replace(/^rules:\n(?: {2}.*\n)+/m, 'rules:\n  touch_every: 30         # default days between keep-in-touch notes\n');
    writeFileSync(config, original.replace('  touch_every: 30 ', '  touch_every 30 '));
    expect(rapport(['check', '--dir', folder]).stdout).toBe(
      '.rapport/config.yaml:20:3 error `touch_every 30` has no `:` after the field name [invalid-config]\n    hint: Write it as `touch_every: 30`\n17 contacts checked: 1 error, 0 warnings\n',
    );
    expect(rapport(['check', '--fix', '--dir', folder]).stdout).toBe('fixed .rapport/config.yaml:20: Add the colon: touch_every: 30\n17 contacts checked: 0 errors, 0 warnings\n');
    expect(readFileSync(config, 'utf8')).toBe(original);
  });

  it('suggests the zone a misspelt `timezone` most likely meant', () => {
    const folder = exampleCopy();
    const config = join(folder, '.rapport', 'config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('timezone: America/New_York', 'timezone: America/New_Yrok'));
    expect(rapport(['check', '--dir', folder]).stdout).toBe(
      '.rapport/config.yaml:14:11 error Unknown time zone "America/New_Yrok" [invalid-config]\n    hint: Use the IANA name of your zone (did you mean America/New_York?)\n17 contacts checked: 1 error, 0 warnings\n',
    );
  });

  it('is listed once by check, on stdout, with unknown settings as warnings', () => {
    const folder = exampleCopy();
    writeFileSync(join(folder, '.rapport', 'config.yaml'), 'privat: [phone]\n');
    const result = rapport(['check', '--dir', folder]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('.rapport/config.yaml:1:1 warning Unknown setting `privat`; it is ignored [unknown-config-key]\n    hint: Did you mean `private`?\n');
  });
});
