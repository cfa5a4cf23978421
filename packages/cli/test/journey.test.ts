import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rapport, type CliResult } from './support/run-cli.js';

/**
 * A whole job search run through the CLI, day by day with `--today`, on a
 * git repository: Sam Rivera, a physics teacher moving into energy data
 * analysis, from Monday 2026-11-02 to Sunday 2026-11-22. Every morning the
 * agenda is checked; every command that writes is checked by the exact
 * `git diff` it leaves (`-U0`: the changed lines and nothing else; blob
 * hashes left out), then committed, as a careful user would. Edits the user
 * makes by hand (notes after a meeting, a typo fixed) are committed apart.
 */

const repo = mkdtempSync(join(tmpdir(), 'rapport-journey-'));
/** Where the browser saved LinkedIn's export: outside the notes folder. */
const downloads = mkdtempSync(join(tmpdir(), 'rapport-journey-downloads-'));
const contacts = join(repo, 'contacts');

function git(...args: string[]): string {
  const result = spawnSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_DATE: '2026-11-02T12:00:00Z', GIT_COMMITTER_DATE: '2026-11-02T12:00:00Z' } });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** Everything changed since the last commit, as `git diff -U0` shows it (without `index` lines), then committed. */
function commitChanges(message: string): string {
  git('add', '-A');
  const diff = git('diff', '--cached', '-U0', '--no-color', '--no-renames').split('\n').filter((line) => !line.startsWith('index ')).join('\n');
  if (diff !== '') git('commit', '-q', '-m', message);
  return diff;
}

/**
 * Expected output written as an indented block of lines: the line break
 * after the opening backtick, the indentation and the closing line go; every
 * line ends with a line break, as the command printed it.
 */
function expected(block: string): string {
  const rows = block.split('\n').slice(1, -1);
  const indent = Math.min(...rows.filter((row) => row.trim() !== '').map((row) => row.length - row.trimStart().length));
  return rows.map((row) => row.slice(indent)).join('\n') + '\n';
}

/** Runs a command that must succeed and returns its output. */
function run(args: readonly string[], cwd = repo): CliResult {
  const result = rapport(args, { cwd });
  expect(result.code, `rapport ${args.join(' ')}\n${result.stderr}`).toBe(0);
  return result;
}

/** Runs a writing command that must succeed; returns the diff it left. */
function write(args: readonly string[], cwd = repo): string {
  run(args, cwd);
  return commitChanges(`rapport ${args.join(' ')}`);
}

/** The agenda of a morning, from stdout; stderr must be empty unless `warnings` says what it holds. */
function agenda(today: string, warnings = ''): string {
  const result = run(['agenda', '--today', today]);
  expect(result.stderr).toBe(warnings);
  return result.stdout;
}

/** An edit the user makes by hand in a note, committed on its own. */
function handEdit(file: string, from: string, to: string): void {
  const path = join(repo, file);
  const text = readFileSync(path, 'utf8');
  expect(text, `${file} holds ${JSON.stringify(from)}`).toContain(from);
  writeFileSync(path, text.replace(from, to));
  commitChanges(`edit ${file} by hand`);
}

const CONNECTIONS_CSV = [
  '\uFEFFNotes:',
  '"When exporting your connection data, you may notice that some of the email addresses are missing."',
  '',
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Lena,Ortiz,https://www.linkedin.com/in/lena-ortiz-grid-example,,Western Grid Cooperative,Load Forecasting Analyst,14 Mar 2024',
  'Tom,Becker,https://www.linkedin.com/in/tom-becker-storage-example,tom.becker@example.com,Helio Storage,Senior Data Engineer,02 Sep 2025',
  'Priya,Nair,https://www.linkedin.com/in/priya-nair-grid-example,,City Power & Light,"Manager, Grid Modernization",20 Jan 2026',
  '',
].join('\r\n');

/**
 * What the broken note's problem reads like: YAML's words for an unquoted
 * colon in a value, as `list` shows them, and with the hint as stderr and
 * errors show them.
 */
const COLON_PROBLEM = 'The value of `role` contains `: `, which YAML reads as the start of another field';
const COLON_HINT = 'Put the value in quotes: it contains `: ` (role: "Manager: DER Integration Analytics")';
const COLON_PROBLEM_AND_HINT = `${COLON_PROBLEM} (${COLON_HINT})`;

const CONFIG = `profile:
  name: Sam Rivera
  background: high-school physics teacher for nine years
  field: energy data analysis
  email: sam.rivera@example.com
  phone: "+1 503 555 0187"
  location: Portland, OR
timezone: America/Los_Angeles
notes_folder: contacts
`;

describe('a three-week search through the CLI', () => {
  it('Mon 2026-11-02: sets up the folder, imports LinkedIn connections, adds two people and writes the first letters', () => {
    git('init', '-q');
    git('config', 'user.email', 'sam.rivera@example.com');
    git('config', 'user.name', 'Sam Rivera');
    run(['init']);
    expect(commitChanges('rapport init').split('\n').filter((line) => line.startsWith('+++ '))).toEqual(['+++ b/.rapport/config.yaml', '+++ b/.rapport/questions.md', '+++ b/.rapport/templates/README.md', '+++ b/contacts/example-contact.md']);
    writeFileSync(join(repo, '.rapport', 'config.yaml'), CONFIG);
    rmSync(join(contacts, 'example-contact.md'));
    commitChanges('my profile');

    expect(agenda('2026-11-02')).toBe(expected(`
      Nothing is due. Time to find someone new to talk to.
    `));

    writeFileSync(join(downloads, 'Connections.csv'), CONNECTIONS_CSV);
    expect(write(['import', 'linkedin', join(downloads, 'Connections.csv'), '--today', '2026-11-02'])).toBe(expected(`
      diff --git a/contacts/lena-ortiz.md b/contacts/lena-ortiz.md
      new file mode 100644
      --- /dev/null
      +++ b/contacts/lena-ortiz.md
      @@ -0,0 +1,27 @@
      +---
      +type: contact
      +name: Lena Ortiz
      +stage: identified
      +role: Load Forecasting Analyst
      +organization: Western Grid Cooperative
      +source: linkedin
      +linkedin: https://www.linkedin.com/in/lena-ortiz-grid-example
      +linkedin_connected: 2024-03-14
      +history:
      +  - date: 2024-03-14
      +    stage: identified
      +---
      +
      +# Lena Ortiz
      +
      +## Why this person
      +
      +Impressed by:
      +
      +## Research
      +
      +## Questions
      +
      +## Notes
      +
      +## Outcomes
      diff --git a/contacts/priya-nair.md b/contacts/priya-nair.md
      new file mode 100644
      --- /dev/null
      +++ b/contacts/priya-nair.md
      @@ -0,0 +1,27 @@
      +---
      +type: contact
      +name: Priya Nair
      +stage: identified
      +role: Manager, Grid Modernization
      +organization: City Power & Light
      +source: linkedin
      +linkedin: https://www.linkedin.com/in/priya-nair-grid-example
      +linkedin_connected: 2026-01-20
      +history:
      +  - date: 2026-01-20
      +    stage: identified
      +---
      +
      +# Priya Nair
      +
      +## Why this person
      +
      +Impressed by:
      +
      +## Research
      +
      +## Questions
      +
      +## Notes
      +
      +## Outcomes
      diff --git a/contacts/tom-becker.md b/contacts/tom-becker.md
      new file mode 100644
      --- /dev/null
      +++ b/contacts/tom-becker.md
      @@ -0,0 +1,28 @@
      +---
      +type: contact
      +name: Tom Becker
      +stage: identified
      +role: Senior Data Engineer
      +organization: Helio Storage
      +source: linkedin
      +email: tom.becker@example.com
      +linkedin: https://www.linkedin.com/in/tom-becker-storage-example
      +linkedin_connected: 2025-09-02
      +history:
      +  - date: 2025-09-02
      +    stage: identified
      +---
      +
      +# Tom Becker
      +
      +## Why this person
      +
      +Impressed by:
      +
      +## Research
      +
      +## Questions
      +
      +## Notes
      +
      +## Outcomes
    `));
    expect(write(['new', 'Marco Silva', '--org', 'Brightline Energy', '--role', 'Grid Operations Analyst', '--source', 'cold', '--linkedin', 'https://www.linkedin.com/in/marco-silva-grid-example', '--date', '2026-11-02'])).toBe(expected(`
      diff --git a/contacts/marco-silva.md b/contacts/marco-silva.md
      new file mode 100644
      --- /dev/null
      +++ b/contacts/marco-silva.md
      @@ -0,0 +1,26 @@
      +---
      +type: contact
      +name: Marco Silva
      +stage: identified
      +role: Grid Operations Analyst
      +organization: Brightline Energy
      +source: cold
      +linkedin: https://www.linkedin.com/in/marco-silva-grid-example
      +history:
      +  - date: 2026-11-02
      +    stage: identified
      +---
      +
      +# Marco Silva
      +
      +## Why this person
      +
      +Impressed by:
      +
      +## Research
      +
      +## Questions
      +
      +## Notes
      +
      +## Outcomes
    `));
    expect(write(['new', 'Grace Kim', '--org', 'Solis Analytics', '--role', 'Data Scientist', '--source', 'personal', '--email', 'grace.kim@example.com', '--date', '2026-11-02'])).toBe(expected(`
      diff --git a/contacts/grace-kim.md b/contacts/grace-kim.md
      new file mode 100644
      --- /dev/null
      +++ b/contacts/grace-kim.md
      @@ -0,0 +1,26 @@
      +---
      +type: contact
      +name: Grace Kim
      +stage: identified
      +role: Data Scientist
      +organization: Solis Analytics
      +source: personal
      +email: grace.kim@example.com
      +history:
      +  - date: 2026-11-02
      +    stage: identified
      +---
      +
      +# Grace Kim
      +
      +## Why this person
      +
      +Impressed by:
      +
      +## Research
      +
      +## Questions
      +
      +## Notes
      +
      +## Outcomes
    `));

    handEdit('contacts/lena-ortiz.md', 'Impressed by:\n', 'Impressed by: the load forecasting talk at the regional utilities meetup\n');
    handEdit('contacts/marco-silva.md', 'Impressed by:\n', 'Impressed by: the article on outage prediction in the co-op newsletter\n');
    expect(write(['letter', 'cold-email', 'lena-ortiz', '--sent', '--today', '2026-11-02'])).toBe(expected(`
      diff --git a/contacts/lena-ortiz.md b/contacts/lena-ortiz.md
      --- a/contacts/lena-ortiz.md
      +++ b/contacts/lena-ortiz.md
      @@ -4 +4 @@ name: Lena Ortiz
      -stage: identified
      +stage: contacted
      @@ -12,0 +13,4 @@ history:
      +  - date: 2026-11-02
      +    stage: contacted
      +    via: linkedin
      +    letter: cold-email
    `));
    expect(write(['letter', 'cold-email', 'marco-silva', '--sent', '--today', '2026-11-02'])).toBe(expected(`
      diff --git a/contacts/marco-silva.md b/contacts/marco-silva.md
      --- a/contacts/marco-silva.md
      +++ b/contacts/marco-silva.md
      @@ -4 +4 @@ name: Marco Silva
      -stage: identified
      +stage: contacted
      @@ -11,0 +12,4 @@ history:
      +  - date: 2026-11-02
      +    stage: contacted
      +    via: linkedin
      +    letter: cold-email
    `));
    expect(write(['advance', 'grace-kim', 'contacted', '--via', 'phone', '--note', 'called her; she will check her calendar', '--date', '2026-11-02'])).toBe(expected(`
      diff --git a/contacts/grace-kim.md b/contacts/grace-kim.md
      --- a/contacts/grace-kim.md
      +++ b/contacts/grace-kim.md
      @@ -4 +4 @@ name: Grace Kim
      -stage: identified
      +stage: contacted
      @@ -11,0 +12,4 @@ history:
      +  - date: 2026-11-02
      +    stage: contacted
      +    via: phone
      +    note: called her; she will check her calendar
    `));
  });

  it('Tue 2026-11-03: Grace, a former colleague, agrees to lunch', () => {
    expect(agenda('2026-11-03')).toBe(expected(`
      Next 7 days (2)
        2026-11-05  No reply from Lena Ortiz yet: try a second person at Western Grid Cooperative  → rapport new "Full Name" --org "Western Grid Cooperative" (or: rapport dismiss lena-ortiz)
        2026-11-05  No reply from Marco Silva yet: try a second person at Brightline Energy  → rapport new "Full Name" --org "Brightline Energy" (or: rapport dismiss marco-silva)

      Later (3)
        2026-11-11  Follow up with Grace Kim if there is no reply  → rapport letter follow-up grace-kim
        2026-11-11  Follow up with Lena Ortiz if there is no reply  → rapport letter follow-up lena-ortiz
        2026-11-11  Follow up with Marco Silva if there is no reply  → rapport letter follow-up marco-silva

      Ready to write (2)
        anytime     Write to Priya Nair  → rapport letter cold-email priya-nair
        anytime     Write to Tom Becker  → rapport letter cold-email tom-becker
    `));
    expect(write(['advance', 'grace-kim', 'scheduled', '--at', '2026-11-05T12:30', '--format', 'in-person', '--place', 'Café Lumen', '--minutes', '45', '--date', '2026-11-03'])).toBe(expected(`
      diff --git a/contacts/grace-kim.md b/contacts/grace-kim.md
      --- a/contacts/grace-kim.md
      +++ b/contacts/grace-kim.md
      @@ -4 +4 @@ name: Grace Kim
      -stage: contacted
      +stage: scheduled
      @@ -15,0 +16,7 @@ history:
      +  - date: 2026-11-03
      +    stage: scheduled
      +meeting:
      +  at: 2026-11-05T12:30
      +  minutes: 45
      +  format: in-person
      +  place: Café Lumen
    `));
  });

  it('Wed 2026-11-04: a note written by hand is broken, and says so everywhere', () => {
    expect(agenda('2026-11-04')).toBe(expected(`
      Overdue (1)
        2026-11-03  Prepare for Grace Kim: research and questions  → rapport questions --pick 8 --into grace-kim, then rapport advance grace-kim prepared

      Next 7 days (5)
        2026-11-05  Meet Grace Kim at 12:30 (in-person, 45 min)
        2026-11-05  No reply from Lena Ortiz yet: try a second person at Western Grid Cooperative  → rapport new "Full Name" --org "Western Grid Cooperative" (or: rapport dismiss lena-ortiz)
        2026-11-05  No reply from Marco Silva yet: try a second person at Brightline Energy  → rapport new "Full Name" --org "Brightline Energy" (or: rapport dismiss marco-silva)
        2026-11-11  Follow up with Lena Ortiz if there is no reply  → rapport letter follow-up lena-ortiz
        2026-11-11  Follow up with Marco Silva if there is no reply  → rapport letter follow-up marco-silva

      Ready to write (2)
        anytime     Write to Priya Nair  → rapport letter cold-email priya-nair
        anytime     Write to Tom Becker  → rapport letter cold-email tom-becker
    `));
    writeFileSync(
      join(contacts, 'dev-patel.md'),
      '---\ntype: contact\nname: Dev Patel\nstage: identified\nrole: Manager: DER Integration Analytics\norganization: Cascade Power\nemail: dev.patel@example.com\nsource: event\nhistory:\n  - date: 2026-11-04\n    stage: identified\n---\n\n# Dev Patel\n\n## Why this person\n\nImpressed by: the panel on rooftop solar forecasting at the energy meetup\n\n## Notes\n',
    );
    commitChanges('met Dev Patel at the meetup');
    const warning = `rapport: warning: contacts/dev-patel.md:5: cannot read this contact: ${COLON_PROBLEM_AND_HINT}\n`;
    expect(agenda('2026-11-04', warning)).toBe(expected(`
      Overdue (1)
        2026-11-03  Prepare for Grace Kim: research and questions  → rapport questions --pick 8 --into grace-kim, then rapport advance grace-kim prepared

      Next 7 days (5)
        2026-11-05  Meet Grace Kim at 12:30 (in-person, 45 min)
        2026-11-05  No reply from Lena Ortiz yet: try a second person at Western Grid Cooperative  → rapport new "Full Name" --org "Western Grid Cooperative" (or: rapport dismiss lena-ortiz)
        2026-11-05  No reply from Marco Silva yet: try a second person at Brightline Energy  → rapport new "Full Name" --org "Brightline Energy" (or: rapport dismiss marco-silva)
        2026-11-11  Follow up with Lena Ortiz if there is no reply  → rapport letter follow-up lena-ortiz
        2026-11-11  Follow up with Marco Silva if there is no reply  → rapport letter follow-up marco-silva

      Ready to write (2)
        anytime     Write to Priya Nair  → rapport letter cold-email priya-nair
        anytime     Write to Tom Becker  → rapport letter cold-email tom-becker
    `));
    const list = run(['list', '--today', '2026-11-04']);
    expect(list.stderr).toBe(warning);
    expect(list.stdout).toBe(expected(`
      Grace Kim    scheduled   Prepare for Grace Kim: research and questions (overdue 2026-11-03) · Solis Analytics
      Lena Ortiz   contacted   Follow up with Lena Ortiz if there is no reply (due 2026-11-11) · Western Grid Cooperative
      Marco Silva  contacted   Follow up with Marco Silva if there is no reply (due 2026-11-11) · Brightline Energy
      Priya Nair   identified  Write to Priya Nair · City Power & Light
      Tom Becker   identified  Write to Tom Becker · Helio Storage
      dev-patel    unreadable  contacts/dev-patel.md:5: ${COLON_PROBLEM}
    `));
    const refused = rapport(['advance', 'dev-patel', 'contacted', '--date', '2026-11-04'], { cwd: repo });
    expect(refused).toEqual({ code: 3, stdout: '', stderr: `rapport: contacts/dev-patel.md:5: cannot read this contact: ${COLON_PROBLEM_AND_HINT}\n` });
    expect(commitChanges('nothing')).toBe('');
    expect(write(['advance', 'grace-kim', 'prepared', '--date', '2026-11-04'])).toBe(expected(`
      diff --git a/contacts/grace-kim.md b/contacts/grace-kim.md
      --- a/contacts/grace-kim.md
      +++ b/contacts/grace-kim.md
      @@ -4 +4 @@ name: Grace Kim
      -stage: scheduled
      +stage: prepared
      @@ -17,0 +18,2 @@ history:
      +  - date: 2026-11-04
      +    stage: prepared
    `));
  });

  it('Thu 2026-11-05: lunch with Grace; Dev\'s note fixed and written to', () => {
    expect(agenda('2026-11-05', `rapport: warning: contacts/dev-patel.md:5: cannot read this contact: ${COLON_PROBLEM_AND_HINT}\n`)).toBe(expected(`
      Today (3)
        2026-11-05  Meet Grace Kim at 12:30 (in-person, 45 min)
        2026-11-05  No reply from Lena Ortiz yet: try a second person at Western Grid Cooperative  → rapport new "Full Name" --org "Western Grid Cooperative" (or: rapport dismiss lena-ortiz)
        2026-11-05  No reply from Marco Silva yet: try a second person at Brightline Energy  → rapport new "Full Name" --org "Brightline Energy" (or: rapport dismiss marco-silva)

      Next 7 days (2)
        2026-11-11  Follow up with Lena Ortiz if there is no reply  → rapport letter follow-up lena-ortiz
        2026-11-11  Follow up with Marco Silva if there is no reply  → rapport letter follow-up marco-silva

      Ready to write (2)
        anytime     Write to Priya Nair  → rapport letter cold-email priya-nair
        anytime     Write to Tom Becker  → rapport letter cold-email tom-becker
    `));
    handEdit('contacts/dev-patel.md', 'role: Manager: DER Integration Analytics', 'role: "Manager: DER Integration Analytics"');
    expect(write(['advance', 'grace-kim', 'held', '--date', '2026-11-05'])).toBe(expected(`
      diff --git a/contacts/grace-kim.md b/contacts/grace-kim.md
      --- a/contacts/grace-kim.md
      +++ b/contacts/grace-kim.md
      @@ -4 +4 @@ name: Grace Kim
      -stage: prepared
      +stage: held
      @@ -19,0 +20,2 @@ history:
      +  - date: 2026-11-05
      +    stage: held
    `));
    handEdit('contacts/grace-kim.md', '## Notes\n', '## Notes\n\nLearned: that utilities hire analysts who can explain a forecast to operators, not only build one\n');
    handEdit('contacts/grace-kim.md', '## Outcomes\n', '## Outcomes\n\n- Talk to [[omar-haddad]], who leads analytics at Kestrel Energy\n');
    expect(write(['letter', 'cold-email', 'dev-patel', '--sent', '--today', '2026-11-05'])).toBe(expected(`
      diff --git a/contacts/dev-patel.md b/contacts/dev-patel.md
      --- a/contacts/dev-patel.md
      +++ b/contacts/dev-patel.md
      @@ -4 +4 @@ name: Dev Patel
      -stage: identified
      +stage: contacted
      @@ -11,0 +12,4 @@ history:
      +  - date: 2026-11-05
      +    stage: contacted
      +    via: email
      +    letter: cold-email
    `));
  });

  it('Fri 2026-11-06: thanks Grace and adds the person she referred', () => {
    expect(agenda('2026-11-06')).toBe(expected(`
      Overdue (2)
        2026-11-05  No reply from Lena Ortiz yet: try a second person at Western Grid Cooperative  → rapport new "Full Name" --org "Western Grid Cooperative" (or: rapport dismiss lena-ortiz)
        2026-11-05  No reply from Marco Silva yet: try a second person at Brightline Energy  → rapport new "Full Name" --org "Brightline Energy" (or: rapport dismiss marco-silva)

      Today (1)
        2026-11-06  Send Grace Kim a thank-you note  → rapport letter thank-you grace-kim

      Next 7 days (3)
        2026-11-10  No reply from Dev Patel yet: try a second person at Cascade Power  → rapport new "Full Name" --org "Cascade Power" (or: rapport dismiss dev-patel)
        2026-11-11  Follow up with Lena Ortiz if there is no reply  → rapport letter follow-up lena-ortiz
        2026-11-11  Follow up with Marco Silva if there is no reply  → rapport letter follow-up marco-silva

      Later (1)
        2026-11-16  Follow up with Dev Patel if there is no reply  → rapport letter follow-up dev-patel

      Ready to write (2)
        anytime     Write to Priya Nair  → rapport letter cold-email priya-nair
        anytime     Write to Tom Becker  → rapport letter cold-email tom-becker
    `));
    expect(write(['letter', 'thank-you', 'grace-kim', '--sent', '--today', '2026-11-06'])).toBe(expected(`
      diff --git a/contacts/grace-kim.md b/contacts/grace-kim.md
      --- a/contacts/grace-kim.md
      +++ b/contacts/grace-kim.md
      @@ -4 +4 @@ name: Grace Kim
      -stage: held
      +stage: thanked
      @@ -21,0 +22,4 @@ history:
      +  - date: 2026-11-06
      +    stage: thanked
      +    via: email
      +    letter: thank-you
    `));
    expect(write(['new', 'Omar Haddad', '--org', 'Kestrel Energy', '--role', 'Analytics Lead', '--source', 'referral', '--referred-by', 'grace-kim', '--email', 'omar.haddad@example.com', '--date', '2026-11-06'])).toBe(expected(`
      diff --git a/contacts/omar-haddad.md b/contacts/omar-haddad.md
      new file mode 100644
      --- /dev/null
      +++ b/contacts/omar-haddad.md
      @@ -0,0 +1,27 @@
      +---
      +type: contact
      +name: Omar Haddad
      +stage: identified
      +role: Analytics Lead
      +organization: Kestrel Energy
      +source: referral
      +referred_by: "[[grace-kim]]"
      +email: omar.haddad@example.com
      +history:
      +  - date: 2026-11-06
      +    stage: identified
      +---
      +
      +# Omar Haddad
      +
      +## Why this person
      +
      +Impressed by:
      +
      +## Research
      +
      +## Questions
      +
      +## Notes
      +
      +## Outcomes
    `));
  });

  it('Sat 2026-11-07 and Sun 2026-11-08: the weekend', () => {
    expect(agenda('2026-11-07')).toBe(expected(`
      Overdue (2)
        2026-11-05  No reply from Lena Ortiz yet: try a second person at Western Grid Cooperative  → rapport new "Full Name" --org "Western Grid Cooperative" (or: rapport dismiss lena-ortiz)
        2026-11-05  No reply from Marco Silva yet: try a second person at Brightline Energy  → rapport new "Full Name" --org "Brightline Energy" (or: rapport dismiss marco-silva)

      Next 7 days (3)
        2026-11-10  No reply from Dev Patel yet: try a second person at Cascade Power  → rapport new "Full Name" --org "Cascade Power" (or: rapport dismiss dev-patel)
        2026-11-11  Follow up with Lena Ortiz if there is no reply  → rapport letter follow-up lena-ortiz
        2026-11-11  Follow up with Marco Silva if there is no reply  → rapport letter follow-up marco-silva

      Later (2)
        2026-11-16  Follow up with Dev Patel if there is no reply  → rapport letter follow-up dev-patel
        2027-01-05  Keep in touch with Grace Kim  → rapport letter keep-in-touch grace-kim

      Ready to write (3)
        anytime     Write to Omar Haddad, naming who referred you  → rapport letter referral omar-haddad
        anytime     Write to Priya Nair  → rapport letter cold-email priya-nair
        anytime     Write to Tom Becker  → rapport letter cold-email tom-becker
    `));
    expect(agenda('2026-11-08')).toBe(expected(`
      Overdue (2)
        2026-11-05  No reply from Lena Ortiz yet: try a second person at Western Grid Cooperative  → rapport new "Full Name" --org "Western Grid Cooperative" (or: rapport dismiss lena-ortiz)
        2026-11-05  No reply from Marco Silva yet: try a second person at Brightline Energy  → rapport new "Full Name" --org "Brightline Energy" (or: rapport dismiss marco-silva)

      Next 7 days (3)
        2026-11-10  No reply from Dev Patel yet: try a second person at Cascade Power  → rapport new "Full Name" --org "Cascade Power" (or: rapport dismiss dev-patel)
        2026-11-11  Follow up with Lena Ortiz if there is no reply  → rapport letter follow-up lena-ortiz
        2026-11-11  Follow up with Marco Silva if there is no reply  → rapport letter follow-up marco-silva

      Later (2)
        2026-11-16  Follow up with Dev Patel if there is no reply  → rapport letter follow-up dev-patel
        2027-01-05  Keep in touch with Grace Kim  → rapport letter keep-in-touch grace-kim

      Ready to write (3)
        anytime     Write to Omar Haddad, naming who referred you  → rapport letter referral omar-haddad
        anytime     Write to Priya Nair  → rapport letter cold-email priya-nair
        anytime     Write to Tom Becker  → rapport letter cold-email tom-becker
    `));
  });

  it('Mon 2026-11-09: Lena says yes; from contacts/, writes to Omar and adds Ruth', () => {
    expect(agenda('2026-11-09')).toBe(expected(`
      Overdue (2)
        2026-11-05  No reply from Lena Ortiz yet: try a second person at Western Grid Cooperative  → rapport new "Full Name" --org "Western Grid Cooperative" (or: rapport dismiss lena-ortiz)
        2026-11-05  No reply from Marco Silva yet: try a second person at Brightline Energy  → rapport new "Full Name" --org "Brightline Energy" (or: rapport dismiss marco-silva)

      Next 7 days (4)
        2026-11-10  No reply from Dev Patel yet: try a second person at Cascade Power  → rapport new "Full Name" --org "Cascade Power" (or: rapport dismiss dev-patel)
        2026-11-11  Follow up with Lena Ortiz if there is no reply  → rapport letter follow-up lena-ortiz
        2026-11-11  Follow up with Marco Silva if there is no reply  → rapport letter follow-up marco-silva
        2026-11-16  Follow up with Dev Patel if there is no reply  → rapport letter follow-up dev-patel

      Later (1)
        2027-01-05  Keep in touch with Grace Kim  → rapport letter keep-in-touch grace-kim

      Ready to write (3)
        anytime     Write to Omar Haddad, naming who referred you  → rapport letter referral omar-haddad
        anytime     Write to Priya Nair  → rapport letter cold-email priya-nair
        anytime     Write to Tom Becker  → rapport letter cold-email tom-becker
    `));
    expect(write(['advance', 'lena-ortiz', 'scheduled', '--at', '2026-11-12T10:00', '--format', 'video', '--link', 'https://meet.example.com/lena-sam', '--date', '2026-11-09'])).toBe(expected(`
      diff --git a/contacts/lena-ortiz.md b/contacts/lena-ortiz.md
      --- a/contacts/lena-ortiz.md
      +++ b/contacts/lena-ortiz.md
      @@ -4 +4 @@ name: Lena Ortiz
      -stage: contacted
      +stage: scheduled
      @@ -16,0 +17,7 @@ history:
      +  - date: 2026-11-09
      +    stage: scheduled
      +meeting:
      +  at: 2026-11-12T10:00
      +  minutes: 30
      +  format: video
      +  link: https://meet.example.com/lena-sam
    `));
    expect(write(['letter', 'referral', 'omar-haddad', '--sent', '--today', '2026-11-09'], contacts)).toBe(expected(`
      diff --git a/contacts/omar-haddad.md b/contacts/omar-haddad.md
      --- a/contacts/omar-haddad.md
      +++ b/contacts/omar-haddad.md
      @@ -4 +4 @@ name: Omar Haddad
      -stage: identified
      +stage: contacted
      @@ -12,0 +13,4 @@ history:
      +  - date: 2026-11-09
      +    stage: contacted
      +    via: email
      +    letter: referral
    `));
    expect(write(['new', 'Ruth Adler', '--org', 'Energy Data Association', '--role', 'Program Director', '--source', 'association', '--email', 'ruth.adler@example.com', '--today', '2026-11-09'], contacts)).toBe(expected(`
      diff --git a/contacts/ruth-adler.md b/contacts/ruth-adler.md
      new file mode 100644
      --- /dev/null
      +++ b/contacts/ruth-adler.md
      @@ -0,0 +1,26 @@
      +---
      +type: contact
      +name: Ruth Adler
      +stage: identified
      +role: Program Director
      +organization: Energy Data Association
      +source: association
      +email: ruth.adler@example.com
      +history:
      +  - date: 2026-11-09
      +    stage: identified
      +---
      +
      +# Ruth Adler
      +
      +## Why this person
      +
      +Impressed by:
      +
      +## Research
      +
      +## Questions
      +
      +## Notes
      +
      +## Outcomes
    `));
  });

  it('Tue 2026-11-10: Lena moves the call to next week; a first letter to Ruth', () => {
    expect(agenda('2026-11-10')).toBe(expected(`
      Overdue (1)
        2026-11-05  No reply from Marco Silva yet: try a second person at Brightline Energy  → rapport new "Full Name" --org "Brightline Energy" (or: rapport dismiss marco-silva)

      Today (2)
        2026-11-10  No reply from Dev Patel yet: try a second person at Cascade Power  → rapport new "Full Name" --org "Cascade Power" (or: rapport dismiss dev-patel)
        2026-11-10  Prepare for Lena Ortiz: research and questions  → rapport questions --pick 8 --into lena-ortiz, then rapport advance lena-ortiz prepared

      Next 7 days (3)
        2026-11-11  Follow up with Marco Silva if there is no reply  → rapport letter follow-up marco-silva
        2026-11-12  Meet Lena Ortiz at 10:00 (video, 30 min)
        2026-11-16  Follow up with Dev Patel if there is no reply  → rapport letter follow-up dev-patel

      Later (2)
        2026-11-18  Follow up with Omar Haddad if there is no reply  → rapport letter follow-up omar-haddad
        2027-01-05  Keep in touch with Grace Kim  → rapport letter keep-in-touch grace-kim

      Ready to write (3)
        anytime     Write to Priya Nair  → rapport letter cold-email priya-nair
        anytime     Write to Ruth Adler  → rapport letter cold-email ruth-adler
        anytime     Write to Tom Becker  → rapport letter cold-email tom-becker
    `));
    expect(write(['advance', 'lena-ortiz', 'scheduled', '--at', '2026-11-17T09:00', '--date', '2026-11-10', '--note', 'she asked to move it'])).toBe(expected(`
      diff --git a/contacts/lena-ortiz.md b/contacts/lena-ortiz.md
      --- a/contacts/lena-ortiz.md
      +++ b/contacts/lena-ortiz.md
      @@ -18,0 +19,3 @@ history:
      +  - date: 2026-11-10
      +    stage: scheduled
      +    note: rescheduled from 2026-11-12 10:00; she asked to move it
      @@ -20 +23 @@ meeting:
      -  at: 2026-11-12T10:00
      +  at: 2026-11-17T09:00
    `));
    handEdit('contacts/ruth-adler.md', 'Impressed by:\n', 'Impressed by: the open data standard for meter readings from the Energy Data Association\n');
    expect(write(['letter', 'cold-email', 'ruth-adler', '--sent', '--today', '2026-11-10'])).toBe(expected(`
      diff --git a/contacts/ruth-adler.md b/contacts/ruth-adler.md
      --- a/contacts/ruth-adler.md
      +++ b/contacts/ruth-adler.md
      @@ -4 +4 @@ name: Ruth Adler
      -stage: identified
      +stage: contacted
      @@ -11,0 +12,4 @@ history:
      +  - date: 2026-11-10
      +    stage: contacted
      +    via: email
      +    letter: cold-email
    `));
  });

  it('Wed 2026-11-11: no word from Marco, so one polite nudge', () => {
    expect(agenda('2026-11-11')).toBe(expected(`
      Overdue (2)
        2026-11-05  No reply from Marco Silva yet: try a second person at Brightline Energy  → rapport new "Full Name" --org "Brightline Energy" (or: rapport dismiss marco-silva)
        2026-11-10  No reply from Dev Patel yet: try a second person at Cascade Power  → rapport new "Full Name" --org "Cascade Power" (or: rapport dismiss dev-patel)

      Today (1)
        2026-11-11  Follow up with Marco Silva if there is no reply  → rapport letter follow-up marco-silva

      Next 7 days (5)
        2026-11-13  Prepare for Lena Ortiz: research and questions  → rapport questions --pick 8 --into lena-ortiz, then rapport advance lena-ortiz prepared
        2026-11-13  No reply from Ruth Adler yet: try a second person at Energy Data Association  → rapport new "Full Name" --org "Energy Data Association" (or: rapport dismiss ruth-adler)
        2026-11-16  Follow up with Dev Patel if there is no reply  → rapport letter follow-up dev-patel
        2026-11-17  Meet Lena Ortiz at 09:00 (video, 30 min)
        2026-11-18  Follow up with Omar Haddad if there is no reply  → rapport letter follow-up omar-haddad

      Later (2)
        2026-11-19  Follow up with Ruth Adler if there is no reply  → rapport letter follow-up ruth-adler
        2027-01-05  Keep in touch with Grace Kim  → rapport letter keep-in-touch grace-kim

      Ready to write (2)
        anytime     Write to Priya Nair  → rapport letter cold-email priya-nair
        anytime     Write to Tom Becker  → rapport letter cold-email tom-becker
    `));
    expect(write(['letter', 'follow-up', 'marco-silva', '--sent', '--today', '2026-11-11'])).toBe(expected(`
      diff --git a/contacts/marco-silva.md b/contacts/marco-silva.md
      --- a/contacts/marco-silva.md
      +++ b/contacts/marco-silva.md
      @@ -4 +4 @@ name: Marco Silva
      -stage: contacted
      +stage: followed-up
      @@ -15,0 +16,4 @@ history:
      +  - date: 2026-11-11
      +    stage: followed-up
      +    via: linkedin
      +    letter: follow-up
    `));
  });

  it('Thu 2026-11-12: writes to Tom', () => {
    expect(agenda('2026-11-12')).toBe(expected(`
      Overdue (1)
        2026-11-10  No reply from Dev Patel yet: try a second person at Cascade Power  → rapport new "Full Name" --org "Cascade Power" (or: rapport dismiss dev-patel)

      Next 7 days (6)
        2026-11-13  Prepare for Lena Ortiz: research and questions  → rapport questions --pick 8 --into lena-ortiz, then rapport advance lena-ortiz prepared
        2026-11-13  No reply from Ruth Adler yet: try a second person at Energy Data Association  → rapport new "Full Name" --org "Energy Data Association" (or: rapport dismiss ruth-adler)
        2026-11-16  Follow up with Dev Patel if there is no reply  → rapport letter follow-up dev-patel
        2026-11-17  Meet Lena Ortiz at 09:00 (video, 30 min)
        2026-11-18  Follow up with Omar Haddad if there is no reply  → rapport letter follow-up omar-haddad
        2026-11-19  Follow up with Ruth Adler if there is no reply  → rapport letter follow-up ruth-adler

      Later (2)
        2026-11-20  No reply from Marco Silva since the follow-up: mark as no-response  → rapport advance marco-silva no-response
        2027-01-05  Keep in touch with Grace Kim  → rapport letter keep-in-touch grace-kim

      Ready to write (2)
        anytime     Write to Priya Nair  → rapport letter cold-email priya-nair
        anytime     Write to Tom Becker  → rapport letter cold-email tom-becker
    `));
    handEdit('contacts/tom-becker.md', 'Impressed by:\n', 'Impressed by: the battery dispatch dashboard Helio Storage open-sourced\n');
    expect(write(['letter', 'cold-email', 'tom-becker', '--sent', '--today', '2026-11-12'])).toBe(expected(`
      diff --git a/contacts/tom-becker.md b/contacts/tom-becker.md
      --- a/contacts/tom-becker.md
      +++ b/contacts/tom-becker.md
      @@ -4 +4 @@ name: Tom Becker
      -stage: identified
      +stage: contacted
      @@ -13,0 +14,4 @@ history:
      +  - date: 2026-11-12
      +    stage: contacted
      +    via: email
      +    letter: cold-email
    `));
  });

  it('Fri 2026-11-13: Omar agrees to a call', () => {
    expect(agenda('2026-11-13')).toBe(expected(`
      Overdue (1)
        2026-11-10  No reply from Dev Patel yet: try a second person at Cascade Power  → rapport new "Full Name" --org "Cascade Power" (or: rapport dismiss dev-patel)

      Today (2)
        2026-11-13  Prepare for Lena Ortiz: research and questions  → rapport questions --pick 8 --into lena-ortiz, then rapport advance lena-ortiz prepared
        2026-11-13  No reply from Ruth Adler yet: try a second person at Energy Data Association  → rapport new "Full Name" --org "Energy Data Association" (or: rapport dismiss ruth-adler)

      Next 7 days (6)
        2026-11-16  Follow up with Dev Patel if there is no reply  → rapport letter follow-up dev-patel
        2026-11-17  Meet Lena Ortiz at 09:00 (video, 30 min)
        2026-11-17  No reply from Tom Becker yet: try a second person at Helio Storage  → rapport new "Full Name" --org "Helio Storage" (or: rapport dismiss tom-becker)
        2026-11-18  Follow up with Omar Haddad if there is no reply  → rapport letter follow-up omar-haddad
        2026-11-19  Follow up with Ruth Adler if there is no reply  → rapport letter follow-up ruth-adler
        2026-11-20  No reply from Marco Silva since the follow-up: mark as no-response  → rapport advance marco-silva no-response

      Later (2)
        2026-11-23  Follow up with Tom Becker if there is no reply  → rapport letter follow-up tom-becker
        2027-01-05  Keep in touch with Grace Kim  → rapport letter keep-in-touch grace-kim

      Ready to write (1)
        anytime     Write to Priya Nair  → rapport letter cold-email priya-nair
    `));
    expect(write(['advance', 'omar-haddad', 'scheduled', '--at', '2026-11-19T08:30', '--format', 'phone', '--date', '2026-11-13'])).toBe(expected(`
      diff --git a/contacts/omar-haddad.md b/contacts/omar-haddad.md
      --- a/contacts/omar-haddad.md
      +++ b/contacts/omar-haddad.md
      @@ -4 +4 @@ name: Omar Haddad
      -stage: contacted
      +stage: scheduled
      @@ -16,0 +17,6 @@ history:
      +  - date: 2026-11-13
      +    stage: scheduled
      +meeting:
      +  at: 2026-11-19T08:30
      +  minutes: 30
      +  format: phone
    `));
  });

  it('Sat 2026-11-14 and Sun 2026-11-15: the weekend', () => {
    expect(agenda('2026-11-14')).toBe(expected(`
      Overdue (3)
        2026-11-10  No reply from Dev Patel yet: try a second person at Cascade Power  → rapport new "Full Name" --org "Cascade Power" (or: rapport dismiss dev-patel)
        2026-11-13  Prepare for Lena Ortiz: research and questions  → rapport questions --pick 8 --into lena-ortiz, then rapport advance lena-ortiz prepared
        2026-11-13  No reply from Ruth Adler yet: try a second person at Energy Data Association  → rapport new "Full Name" --org "Energy Data Association" (or: rapport dismiss ruth-adler)

      Next 7 days (7)
        2026-11-16  Follow up with Dev Patel if there is no reply  → rapport letter follow-up dev-patel
        2026-11-17  Meet Lena Ortiz at 09:00 (video, 30 min)
        2026-11-17  Prepare for Omar Haddad: research and questions  → rapport questions --pick 8 --into omar-haddad, then rapport advance omar-haddad prepared
        2026-11-17  No reply from Tom Becker yet: try a second person at Helio Storage  → rapport new "Full Name" --org "Helio Storage" (or: rapport dismiss tom-becker)
        2026-11-19  Meet Omar Haddad at 08:30 (phone, 30 min)
        2026-11-19  Follow up with Ruth Adler if there is no reply  → rapport letter follow-up ruth-adler
        2026-11-20  No reply from Marco Silva since the follow-up: mark as no-response  → rapport advance marco-silva no-response

      Later (2)
        2026-11-23  Follow up with Tom Becker if there is no reply  → rapport letter follow-up tom-becker
        2027-01-05  Keep in touch with Grace Kim  → rapport letter keep-in-touch grace-kim

      Ready to write (1)
        anytime     Write to Priya Nair  → rapport letter cold-email priya-nair
    `));
    expect(agenda('2026-11-15')).toBe(expected(`
      Overdue (3)
        2026-11-10  No reply from Dev Patel yet: try a second person at Cascade Power  → rapport new "Full Name" --org "Cascade Power" (or: rapport dismiss dev-patel)
        2026-11-13  Prepare for Lena Ortiz: research and questions  → rapport questions --pick 8 --into lena-ortiz, then rapport advance lena-ortiz prepared
        2026-11-13  No reply from Ruth Adler yet: try a second person at Energy Data Association  → rapport new "Full Name" --org "Energy Data Association" (or: rapport dismiss ruth-adler)

      Next 7 days (7)
        2026-11-16  Follow up with Dev Patel if there is no reply  → rapport letter follow-up dev-patel
        2026-11-17  Meet Lena Ortiz at 09:00 (video, 30 min)
        2026-11-17  Prepare for Omar Haddad: research and questions  → rapport questions --pick 8 --into omar-haddad, then rapport advance omar-haddad prepared
        2026-11-17  No reply from Tom Becker yet: try a second person at Helio Storage  → rapport new "Full Name" --org "Helio Storage" (or: rapport dismiss tom-becker)
        2026-11-19  Meet Omar Haddad at 08:30 (phone, 30 min)
        2026-11-19  Follow up with Ruth Adler if there is no reply  → rapport letter follow-up ruth-adler
        2026-11-20  No reply from Marco Silva since the follow-up: mark as no-response  → rapport advance marco-silva no-response

      Later (2)
        2026-11-23  Follow up with Tom Becker if there is no reply  → rapport letter follow-up tom-becker
        2027-01-05  Keep in touch with Grace Kim  → rapport letter keep-in-touch grace-kim

      Ready to write (1)
        anytime     Write to Priya Nair  → rapport letter cold-email priya-nair
    `));
  });

  it('Mon 2026-11-16: prepares for Lena from contacts/, Ruth declines, Dev gets a nudge', () => {
    expect(agenda('2026-11-16')).toBe(expected(`
      Overdue (3)
        2026-11-10  No reply from Dev Patel yet: try a second person at Cascade Power  → rapport new "Full Name" --org "Cascade Power" (or: rapport dismiss dev-patel)
        2026-11-13  Prepare for Lena Ortiz: research and questions  → rapport questions --pick 8 --into lena-ortiz, then rapport advance lena-ortiz prepared
        2026-11-13  No reply from Ruth Adler yet: try a second person at Energy Data Association  → rapport new "Full Name" --org "Energy Data Association" (or: rapport dismiss ruth-adler)

      Today (1)
        2026-11-16  Follow up with Dev Patel if there is no reply  → rapport letter follow-up dev-patel

      Next 7 days (7)
        2026-11-17  Meet Lena Ortiz at 09:00 (video, 30 min)
        2026-11-17  Prepare for Omar Haddad: research and questions  → rapport questions --pick 8 --into omar-haddad, then rapport advance omar-haddad prepared
        2026-11-17  No reply from Tom Becker yet: try a second person at Helio Storage  → rapport new "Full Name" --org "Helio Storage" (or: rapport dismiss tom-becker)
        2026-11-19  Meet Omar Haddad at 08:30 (phone, 30 min)
        2026-11-19  Follow up with Ruth Adler if there is no reply  → rapport letter follow-up ruth-adler
        2026-11-20  No reply from Marco Silva since the follow-up: mark as no-response  → rapport advance marco-silva no-response
        2026-11-23  Follow up with Tom Becker if there is no reply  → rapport letter follow-up tom-becker

      Later (1)
        2027-01-05  Keep in touch with Grace Kim  → rapport letter keep-in-touch grace-kim

      Ready to write (1)
        anytime     Write to Priya Nair  → rapport letter cold-email priya-nair
    `));
    expect(write(['advance', './lena-ortiz.md', 'prepared', '--date', '2026-11-16'], contacts)).toBe(expected(`
      diff --git a/contacts/lena-ortiz.md b/contacts/lena-ortiz.md
      --- a/contacts/lena-ortiz.md
      +++ b/contacts/lena-ortiz.md
      @@ -4 +4 @@ name: Lena Ortiz
      -stage: scheduled
      +stage: prepared
      @@ -21,0 +22,2 @@ history:
      +  - date: 2026-11-16
      +    stage: prepared
    `));
    expect(write(['advance', 'ruth-adler', 'declined', '--note', 'no time before January', '--date', '2026-11-16'])).toBe(expected(`
      diff --git a/contacts/ruth-adler.md b/contacts/ruth-adler.md
      --- a/contacts/ruth-adler.md
      +++ b/contacts/ruth-adler.md
      @@ -4 +4 @@ name: Ruth Adler
      -stage: contacted
      +stage: declined
      @@ -15,0 +16,3 @@ history:
      +  - date: 2026-11-16
      +    stage: declined
      +    note: no time before January
    `));
    expect(write(['letter', 'follow-up', 'dev-patel', '--sent', '--today', '2026-11-16'])).toBe(expected(`
      diff --git a/contacts/dev-patel.md b/contacts/dev-patel.md
      --- a/contacts/dev-patel.md
      +++ b/contacts/dev-patel.md
      @@ -4 +4 @@ name: Dev Patel
      -stage: contacted
      +stage: followed-up
      @@ -15,0 +16,4 @@ history:
      +  - date: 2026-11-16
      +    stage: followed-up
      +    via: email
      +    letter: follow-up
    `));
  });

  it('Tue 2026-11-17: the call with Lena', () => {
    expect(agenda('2026-11-17')).toBe(expected(`
      Today (3)
        2026-11-17  Meet Lena Ortiz at 09:00 (video, 30 min)
        2026-11-17  Prepare for Omar Haddad: research and questions  → rapport questions --pick 8 --into omar-haddad, then rapport advance omar-haddad prepared
        2026-11-17  No reply from Tom Becker yet: try a second person at Helio Storage  → rapport new "Full Name" --org "Helio Storage" (or: rapport dismiss tom-becker)

      Next 7 days (3)
        2026-11-19  Meet Omar Haddad at 08:30 (phone, 30 min)
        2026-11-20  No reply from Marco Silva since the follow-up: mark as no-response  → rapport advance marco-silva no-response
        2026-11-23  Follow up with Tom Becker if there is no reply  → rapport letter follow-up tom-becker

      Later (2)
        2026-11-25  No reply from Dev Patel since the follow-up: mark as no-response  → rapport advance dev-patel no-response
        2027-01-05  Keep in touch with Grace Kim  → rapport letter keep-in-touch grace-kim

      Ready to write (1)
        anytime     Write to Priya Nair  → rapport letter cold-email priya-nair
    `));
    expect(write(['advance', 'lena-ortiz', 'held', '--date', '2026-11-17'])).toBe(expected(`
      diff --git a/contacts/lena-ortiz.md b/contacts/lena-ortiz.md
      --- a/contacts/lena-ortiz.md
      +++ b/contacts/lena-ortiz.md
      @@ -4 +4 @@ name: Lena Ortiz
      -stage: prepared
      +stage: held
      @@ -23,0 +24,2 @@ history:
      +  - date: 2026-11-17
      +    stage: held
    `));
    handEdit('contacts/lena-ortiz.md', '## Notes\n', '## Notes\n\nLearned: how a co-op checks its day-ahead forecast against the SCADA readings every morning\n');
  });

  it('Wed 2026-11-18: thanks Lena, prepares for Omar, and stops looking for a second person at Helio Storage', () => {
    expect(agenda('2026-11-18')).toBe(expected(`
      Overdue (2)
        2026-11-17  Prepare for Omar Haddad: research and questions  → rapport questions --pick 8 --into omar-haddad, then rapport advance omar-haddad prepared
        2026-11-17  No reply from Tom Becker yet: try a second person at Helio Storage  → rapport new "Full Name" --org "Helio Storage" (or: rapport dismiss tom-becker)

      Today (1)
        2026-11-18  Send Lena Ortiz a thank-you note  → rapport letter thank-you lena-ortiz

      Next 7 days (4)
        2026-11-19  Meet Omar Haddad at 08:30 (phone, 30 min)
        2026-11-20  No reply from Marco Silva since the follow-up: mark as no-response  → rapport advance marco-silva no-response
        2026-11-23  Follow up with Tom Becker if there is no reply  → rapport letter follow-up tom-becker
        2026-11-25  No reply from Dev Patel since the follow-up: mark as no-response  → rapport advance dev-patel no-response

      Later (1)
        2027-01-05  Keep in touch with Grace Kim  → rapport letter keep-in-touch grace-kim

      Ready to write (1)
        anytime     Write to Priya Nair  → rapport letter cold-email priya-nair
    `));
    expect(write(['letter', 'thank-you', 'lena-ortiz', '--sent', '--today', '2026-11-18'])).toBe(expected(`
      diff --git a/contacts/lena-ortiz.md b/contacts/lena-ortiz.md
      --- a/contacts/lena-ortiz.md
      +++ b/contacts/lena-ortiz.md
      @@ -4 +4 @@ name: Lena Ortiz
      -stage: held
      +stage: thanked
      @@ -25,0 +26,4 @@ history:
      +  - date: 2026-11-18
      +    stage: thanked
      +    via: linkedin
      +    letter: thank-you
    `));
    expect(write(['dismiss', 'tom-becker', 'second-contact'])).toBe(expected(`
      diff --git a/contacts/tom-becker.md b/contacts/tom-becker.md
      --- a/contacts/tom-becker.md
      +++ b/contacts/tom-becker.md
      @@ -17,0 +18,2 @@ history:
      +dismissed:
      +  - second-contact
    `));
    expect(write(['advance', 'omar-haddad', 'prepared', '--date', '2026-11-18'])).toBe(expected(`
      diff --git a/contacts/omar-haddad.md b/contacts/omar-haddad.md
      --- a/contacts/omar-haddad.md
      +++ b/contacts/omar-haddad.md
      @@ -4 +4 @@ name: Omar Haddad
      -stage: scheduled
      +stage: prepared
      @@ -18,0 +19,2 @@ history:
      +  - date: 2026-11-18
      +    stage: prepared
    `));
  });

  it('Thu 2026-11-19: the call with Omar', () => {
    expect(agenda('2026-11-19')).toBe(expected(`
      Today (1)
        2026-11-19  Meet Omar Haddad at 08:30 (phone, 30 min)

      Next 7 days (3)
        2026-11-20  No reply from Marco Silva since the follow-up: mark as no-response  → rapport advance marco-silva no-response
        2026-11-23  Follow up with Tom Becker if there is no reply  → rapport letter follow-up tom-becker
        2026-11-25  No reply from Dev Patel since the follow-up: mark as no-response  → rapport advance dev-patel no-response

      Later (2)
        2027-01-05  Keep in touch with Grace Kim  → rapport letter keep-in-touch grace-kim
        2027-01-18  Keep in touch with Lena Ortiz  → rapport letter keep-in-touch lena-ortiz

      Ready to write (1)
        anytime     Write to Priya Nair  → rapport letter cold-email priya-nair
    `));
    expect(write(['advance', 'omar-haddad', 'held', '--date', '2026-11-19'])).toBe(expected(`
      diff --git a/contacts/omar-haddad.md b/contacts/omar-haddad.md
      --- a/contacts/omar-haddad.md
      +++ b/contacts/omar-haddad.md
      @@ -4 +4 @@ name: Omar Haddad
      -stage: prepared
      +stage: held
      @@ -20,0 +21,2 @@ history:
      +  - date: 2026-11-19
      +    stage: held
    `));
    handEdit('contacts/omar-haddad.md', '## Notes\n', '## Notes\n\nLearned: that a small portfolio of forecasts on public load data opens more doors than a certificate\n');
  });

  it('Fri 2026-11-20: thanks Omar; Marco never answered, and a mistyped date is refused', () => {
    expect(agenda('2026-11-20')).toBe(expected(`
      Today (2)
        2026-11-20  No reply from Marco Silva since the follow-up: mark as no-response  → rapport advance marco-silva no-response
        2026-11-20  Send Omar Haddad a thank-you note  → rapport letter thank-you omar-haddad

      Next 7 days (2)
        2026-11-23  Follow up with Tom Becker if there is no reply  → rapport letter follow-up tom-becker
        2026-11-25  No reply from Dev Patel since the follow-up: mark as no-response  → rapport advance dev-patel no-response

      Later (2)
        2027-01-05  Keep in touch with Grace Kim  → rapport letter keep-in-touch grace-kim
        2027-01-18  Keep in touch with Lena Ortiz  → rapport letter keep-in-touch lena-ortiz

      Ready to write (1)
        anytime     Write to Priya Nair  → rapport letter cold-email priya-nair
    `));
    expect(write(['letter', 'thank-you', 'omar-haddad', '--sent', '--today', '2026-11-20'])).toBe(expected(`
      diff --git a/contacts/omar-haddad.md b/contacts/omar-haddad.md
      --- a/contacts/omar-haddad.md
      +++ b/contacts/omar-haddad.md
      @@ -4 +4 @@ name: Omar Haddad
      -stage: held
      +stage: thanked
      @@ -22,0 +23,4 @@ history:
      +  - date: 2026-11-20
      +    stage: thanked
      +    via: email
      +    letter: thank-you
    `));
    const refused = rapport(['advance', 'marco-silva', 'no-response', '--date', '2026-10-20'], { cwd: repo });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(expected(`
      rapport: Marco Silva: not recorded: 2026-10-20 is before the last entry in the history (followed-up on 2026-11-11); the history is kept in date order (add --force to record it anyway)
    `));
    expect(commitChanges('nothing')).toBe('');
    expect(write(['advance', 'marco-silva', 'no-response', '--date', '2026-11-20'])).toBe(expected(`
      diff --git a/contacts/marco-silva.md b/contacts/marco-silva.md
      --- a/contacts/marco-silva.md
      +++ b/contacts/marco-silva.md
      @@ -4 +4 @@ name: Marco Silva
      -stage: followed-up
      +stage: no-response
      @@ -19,0 +20,2 @@ history:
      +  - date: 2026-11-20
      +    stage: no-response
    `));
  });

  it('Sat 2026-11-21: keeps in touch with Grace and Lena', () => {
    expect(agenda('2026-11-21')).toBe(expected(`
      Next 7 days (2)
        2026-11-23  Follow up with Tom Becker if there is no reply  → rapport letter follow-up tom-becker
        2026-11-25  No reply from Dev Patel since the follow-up: mark as no-response  → rapport advance dev-patel no-response

      Later (3)
        2027-01-05  Keep in touch with Grace Kim  → rapport letter keep-in-touch grace-kim
        2027-01-18  Keep in touch with Lena Ortiz  → rapport letter keep-in-touch lena-ortiz
        2027-01-19  Keep in touch with Omar Haddad  → rapport letter keep-in-touch omar-haddad

      Ready to write (1)
        anytime     Write to Priya Nair  → rapport letter cold-email priya-nair
    `));
    expect(write(['letter', 'keep-in-touch', 'grace-kim', '--set', 'article=https://example.com/forecast-explainers', '--set', 'topic=explaining forecasts to operators', '--sent', '--today', '2026-11-21'])).toBe(expected(`
      diff --git a/contacts/grace-kim.md b/contacts/grace-kim.md
      --- a/contacts/grace-kim.md
      +++ b/contacts/grace-kim.md
      @@ -4 +4 @@ name: Grace Kim
      -stage: thanked
      +stage: nurturing
      @@ -25,0 +26,5 @@ history:
      +  - date: 2026-11-21
      +    stage: nurturing
      +    via: email
      +    letter: keep-in-touch
      +    note: "shared: https://example.com/forecast-explainers"
    `));
    expect(write(['log', 'lena-ortiz', '--note', 'sent her the article on SCADA data quality', '--via', 'linkedin', '--today', '2026-11-21'])).toBe(expected(`
      diff --git a/contacts/lena-ortiz.md b/contacts/lena-ortiz.md
      --- a/contacts/lena-ortiz.md
      +++ b/contacts/lena-ortiz.md
      @@ -29,0 +30,5 @@ history:
      +  - date: 2026-11-21
      +    stage: thanked
      +    touch: true
      +    via: linkedin
      +    note: sent her the article on SCADA data quality
    `));
  });

  it('Sun 2026-11-22: where the search stands', () => {
    expect(agenda('2026-11-22')).toBe(expected(`
      Next 7 days (2)
        2026-11-23  Follow up with Tom Becker if there is no reply  → rapport letter follow-up tom-becker
        2026-11-25  No reply from Dev Patel since the follow-up: mark as no-response  → rapport advance dev-patel no-response

      Later (3)
        2027-01-19  Keep in touch with Omar Haddad  → rapport letter keep-in-touch omar-haddad
        2027-01-20  Keep in touch with Grace Kim  → rapport letter keep-in-touch grace-kim
        2027-01-20  Keep in touch with Lena Ortiz  → rapport letter keep-in-touch lena-ortiz

      Ready to write (1)
        anytime     Write to Priya Nair  → rapport letter cold-email priya-nair
    `));
    expect(run(['list', '--today', '2026-11-22']).stdout).toBe(expected(`
      Dev Patel    followed-up  No reply from Dev Patel since the follow-up: mark as no-response (due 2026-11-25) · Cascade Power
      Grace Kim    nurturing    Keep in touch with Grace Kim (due 2027-01-20) · Solis Analytics
      Lena Ortiz   thanked      Keep in touch with Lena Ortiz (due 2027-01-20) · Western Grid Cooperative
      Marco Silva  no-response  — · Brightline Energy
      Omar Haddad  thanked      Keep in touch with Omar Haddad (due 2027-01-19) · Kestrel Energy
      Priya Nair   identified   Write to Priya Nair · City Power & Light
      Ruth Adler   declined     — · Energy Data Association
      Tom Becker   contacted    Follow up with Tom Becker if there is no reply (due 2026-11-23) · Helio Storage
    `));
  });
});
