import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '@rapport/core';
import { NodeStore } from '@rapport/core/node';
import { readCalendarBack, readCardsBack } from '../../core/test/support/read-back.js';
import { exampleCopy, rapport, userFiles } from './support/run-cli.js';

const TODAY = '2026-11-23';

/** A copy of the example folder with its config edited. */
function withConfig(edit: (config: string) => string): string {
  const folder = exampleCopy();
  const path = join(folder, '.rapport', 'config.yaml');
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return folder;
}

describe('rapport export', () => {
  it('explains itself with examples', () => {
    const help = rapport(['export', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: rapport export');
    expect(help.stdout).toContain('rapport export ics --out ~/interviews.ics');
    expect(rapport(['export', 'xls']).code).toBe(2);
  });

  it('ics: the example’s meetings and due actions, read back by Python icalendar', async () => {
    const folder = exampleCopy();
    const result = rapport(['export', 'ics', '--dir', folder, '--today', TODAY]);
    expect(result.code).toBe(0);
    const { items } = readCalendarBack(result.stdout);
    // The example's meetings, to come and taken place (at -05:00, so UTC is 5 hours on; those of September and October at
    // -04:00) and, on Monday 2026-11-23, its due actions, from each note's stage and dates.
    const meetings = [
      { uid: 'dana-okafor-meeting@rapport', start: '2026-09-16T20:30:00Z', end: '2026-09-16T21:15:00Z', summary: 'Informational interview: Dana Okafor (Three Rivers Health)', location: 'Café on Bryant Street, Highland Park', url: undefined },
      { uid: 'aisha-karim-meeting@rapport', start: '2026-09-24T21:30:00Z', end: '2026-09-24T22:00:00Z', summary: 'Informational interview: Aisha Karim (Steel City Health Innovation Lab)', location: undefined, url: undefined },
      { uid: 'maya-chen-meeting@rapport', start: '2026-10-07T16:00:00Z', end: '2026-10-07T16:30:00Z', summary: 'Informational interview: Maya Chen (Brightline Health)', location: undefined, url: 'https://meet.example.com/maya-jordan' },
      { uid: 'priya-raman-meeting@rapport', start: '2026-11-12T13:00:00Z', end: '2026-11-12T13:30:00Z', summary: 'Informational interview: Priya Raman (Carelink Labs)', location: 'Carelink Labs lobby café, Smallman Street', url: undefined },
      { uid: 'ben-osei-meeting@rapport', start: '2026-11-25T13:00:00Z', end: '2026-11-25T13:30:00Z', summary: 'Informational interview: Ben Osei (Riverside Community Health Network)', location: "Coffee shop on Forbes Ave, Squirrel Hill (he'll be at the window)", url: undefined },
      { uid: 'lauren-fitzgerald-meeting@rapport', start: '2026-11-25T17:30:00Z', end: '2026-11-25T18:00:00Z', summary: 'Informational interview: Lauren Fitzgerald (Nimbus Telehealth)', location: undefined, url: 'https://meet.example.com/nimbus-lauren-f' },
      { uid: 'marcus-bell-meeting@rapport', start: '2026-11-20T12:15:00Z', end: '2026-11-20T12:45:00Z', summary: 'Informational interview: Marcus Bell (Monongahela Valley Health)', location: 'Mon Valley Medical Center cafeteria, 2nd floor', url: undefined },
      { uid: 'sam-whitaker-meeting@rapport', start: '2026-12-01T14:00:00Z', end: '2026-12-01T14:30:00Z', summary: 'Informational interview: Sam Whitaker (Ardent Medical)', location: undefined, url: 'https://meet.example.com/ardent-sam-whitaker' },
    ];
    for (const meeting of meetings) {
      const event = items.find((item) => item.uid === meeting.uid);
      expect(event, meeting.uid).toBeDefined();
      expect(event!.summary).toBe(meeting.summary);
      expect(event!.dtstart).toMatchObject({ tzid: 'America/New_York', utc: meeting.start, utc_by_vtimezone: meeting.start });
      expect(event!.dtend?.utc).toBe(meeting.end);
      expect(event!.location).toBe(meeting.location);
      expect(event!.url).toBe(meeting.url);
    }
    const due = [
      ['hannah-schultz-second-contact@rapport', '2026-11-10', 'No reply from Hannah Schultz yet: try a second person at Northside Respiratory'],
      ['hannah-schultz-follow-up@rapport', '2026-11-16', 'Follow up with Hannah Schultz if there is no reply'],
      ['victor-nguyen-give-up@rapport', '2026-11-18', 'No reply from Victor Nguyen since the follow-up: mark as no-response'],
      ['marcus-bell-thank@rapport', '2026-11-21', 'Send Marcus Bell a thank-you note'],
      ['lauren-fitzgerald-prepare@rapport', '2026-11-23', 'Prepare for Lauren Fitzgerald: research and questions'],
      ['maya-chen-keep-in-touch@rapport', '2026-11-25', 'Keep in touch with Maya Chen'],
      ['owen-park-second-contact@rapport', '2026-11-25', 'No reply from Owen Park yet: try a second person at Lumen Diagnostics'],
      ['aisha-karim-manual@rapport', '2026-11-27', 'Tell Aisha how the coffee with Ben Osei went'],
      ['sam-whitaker-prepare@rapport', '2026-11-27', 'Prepare for Sam Whitaker: research and questions'],
      ['dana-okafor-keep-in-touch@rapport', '2026-11-30', 'Keep in touch with Dana Okafor'],
      ['keisha-brooks-manual@rapport', '2026-11-30', 'Ask Dana whether she knows Keisha before writing cold'],
      ['marcus-bell-outcome-resume-review-1@rapport', '2026-11-30', 'Send your résumé to Marcus Bell for review'],
      ['owen-park-follow-up@rapport', '2026-12-01', 'Follow up with Owen Park if there is no reply'],
      ['marcus-bell-outcome-lead-1@rapport', '2026-12-04', 'Follow up on the lead at Mon Valley Health: UX Research Associate, patient portal team · Marcus Bell'],
      ['marcus-bell-outcome-job-shadow-1@rapport', '2026-12-11', 'Arrange the job shadow with Marcus Bell: a workflow walk on a med-surg unit in January'],
      ['priya-raman-keep-in-touch@rapport', '2027-01-12', 'Keep in touch with Priya Raman'],
    ];
    for (const [uid, date, summary] of due) {
      expect(items.find((candidate) => candidate.uid === uid), uid).toMatchObject({ summary, dtstart: { date }, alarms: [{ action: 'DISPLAY', related: 'START' }] });
    }
    expect(items).toHaveLength(meetings.length + due.length);
    // Stable UIDs: a second export names the same events.
    const again = readCalendarBack(rapport(['export', 'ics', '--dir', folder, '--today', TODAY]).stdout).items;
    expect(again.map((item) => item.uid)).toEqual(items.map((item) => item.uid));
  });

  it('vcard: one card per example contact, read back by Python vobject, private phone numbers left out', async () => {
    const folder = exampleCopy();
    const cards = readCardsBack(rapport(['export', 'vcard', '--dir', folder]).stdout);
    const workspace = await loadWorkspace(new NodeStore(folder));
    const all = workspace.index.contacts();
    expect(workspace.config.privateFields).toContain('phone');
    expect(cards.map((card) => card.fn)).toEqual(all.map((contact) => contact.name));
    for (const [index, contact] of all.entries()) {
      expect(cards[index]).toMatchObject({ version: '4.0', uid: `${contact.id}@rapport`, email: contact.email ? [contact.email] : [], tel: [], url: contact.linkedin ? [contact.linkedin] : [] });
    }
    expect(cards.some((card) => card.fn === 'Tomás Herrera')).toBe(true);
  });

  it('csv and json: one row or object per contact, next action included, private fields left out', async () => {
    const folder = exampleCopy();
    const rows = parse(rapport(['export', 'csv', '--dir', folder, '--today', TODAY]).stdout, { bom: true, columns: true }) as Record<string, string>[];
    const objects = JSON.parse(rapport(['export', 'json', '--dir', folder, '--today', TODAY]).stdout) as Record<string, unknown>[];
    const listed = JSON.parse(rapport(['list', '--json', '--dir', folder, '--today', TODAY]).stdout) as { id: string; next: { action: string; due: string | null } | null }[];
    expect(rows.map((row) => row.id)).toEqual(listed.map((row) => row.id));
    expect(objects.map((object) => object.id)).toEqual(listed.map((row) => row.id));
    for (const [index, row] of listed.entries()) {
      expect(objects[index]).toMatchObject({ next_action: row.next?.action ?? null, next_due: row.next?.due ?? null });
      expect(rows[index]!.next_action).toBe((row.next?.action ?? '').replace(/^([=+\-@\t\r])/, "'$1"));
      expect(objects[index]).not.toHaveProperty('phone');
      expect(rows[index]).not.toHaveProperty('phone');
    }
    expect(rows.find((row) => row.id === 'tomas-herrera')!.met_at).toBe('World Usability Day Pittsburgh 2026');
  });

  it('--out writes the same bytes atomically, replacing an older export only with --force, and leaving no temp file', () => {
    const folder = exampleCopy();
    const out = join(folder, 'exports');
    mkdirSync(out);
    writeFileSync(join(out, 'contacts.json'), 'old');
    const before = userFiles(folder);
    expect(rapport(['export', 'json', '--out', 'exports/contacts.json', '--dir', folder, '--today', TODAY], { cwd: folder })).toMatchObject({ code: 2, stdout: '', stderr: 'rapport: exports/contacts.json already exists (add --force to overwrite it)\n' });
    expect(readFileSync(join(out, 'contacts.json'), 'utf8')).toBe('old');
    expect(readdirSync(out)).toEqual(['contacts.json']);
    const result = rapport(['export', 'json', '--out', 'exports/contacts.json', '--force', '--dir', folder, '--today', TODAY], { cwd: folder });
    expect(result).toMatchObject({ code: 0, stdout: 'Wrote exports/contacts.json\n' });
    expect(readFileSync(join(out, 'contacts.json'), 'utf8')).toBe(rapport(['export', 'json', '--dir', folder, '--today', TODAY]).stdout);
    expect(readdirSync(out)).toEqual(['contacts.json']);
    const after = userFiles(folder);
    delete after['exports/contacts.json'];
    delete before['exports/contacts.json'];
    expect(after).toEqual(before);
    expect(rapport(['export', 'csv', '--out', join(folder, 'no-such-folder', 'x.csv'), '--dir', folder])).toMatchObject({ code: 3, stderr: expect.stringContaining('its folder does not exist') });
    expect(existsSync(join(folder, 'no-such-folder'))).toBe(false);
  });

  it('--out never writes over a note or a file under .rapport/, even with --force', () => {
    const folder = exampleCopy();
    const before = userFiles(folder);
    for (const [target, force] of [['owen-park.md', false], ['owen-park.md', true], ['.rapport/config.yaml', true], ['.rapport/new.ics', false], ['new-note.md', false]] as const) {
      const result = rapport(['export', 'csv', '--out', target, ...(force ? ['--force'] : []), '--dir', folder], { cwd: folder });
      expect(result.code, target).toBe(2);
      expect(result.stderr, target).toMatch(target.startsWith('.rapport') ? /^rapport: refusing to write \.rapport\/\S+: it is inside \.rapport\// : /^rapport: refusing to write \S+\.md: it is a Markdown file of the notes folder/);
    }
    // The same file reached through a path from elsewhere, and through a symbolic link.
    expect(rapport(['export', 'ics', '--out', join(folder, '.rapport', 'config.yaml'), '--force', '--dir', folder]).code).toBe(2);
    symlinkSync(join(folder, 'owen-park.md'), join(folder, 'innocent.csv'));
    expect(rapport(['export', 'csv', '--out', 'innocent.csv', '--force', '--dir', folder], { cwd: folder })).toMatchObject({ code: 2, stderr: expect.stringContaining('it is a Markdown file of the notes folder') });
    rmSync(join(folder, 'innocent.csv'));
    expect(userFiles(folder)).toEqual(before);
  });

  it('refuses to export while the `private:` setting cannot be read, and says why on stderr', () => {
    const configs: [string, string][] = [
      ['private: phone\n', '.rapport/config.yaml:1:10 error `private` must be a list of field names, such as [phone, email]; exports refuse until it is one [invalid-config]\n    hint: Write it as a list: [phone]\n'],
      ['privat: [phone]\n', '.rapport/config.yaml:1:1 warning Unknown setting `privat`; it is ignored [unknown-config-key]\n    hint: Did you mean `private`?\n'],
      ['private: [phone]\ntimezone: UTC\ntimezone: UTC\n', '.rapport/config.yaml:3:1 error `timezone` appears twice (lines 2 and 3): keep one; the whole config is ignored [invalid-config]\n    hint: Delete the `timezone` line you do not want\n'],
    ];
    for (const [config, problem] of configs) {
      const folder = exampleCopy();
      writeFileSync(join(folder, '.rapport', 'config.yaml'), config);
      for (const format of ['csv', 'json', 'vcard', 'ics']) {
        const result = rapport(['export', format, '--dir', folder, '--today', TODAY]);
        expect(result, `${config} ${format}`).toMatchObject({ code: 2, stdout: '' });
        expect(result.stderr).toBe(`${problem}rapport: nothing exported: the \`private:\` setting of .rapport/config.yaml cannot be read, so fields meant to stay private could leak (fix it, then export again)\n`);
      }
    }
  });

  it('refuses to export while the time zone is unknown, naming the config’s line and the zone, and writes nothing', () => {
    const folder = withConfig((config) => config.replace('timezone: America/New_York', 'timezone: America/New_Yrok'));
    // A meeting without an offset, read in the configured zone: with the machine's instead, hours off.
    writeFileSync(join(folder, 'zed-future.md'), '---\ntype: contact\nname: Zed Future\nstage: scheduled\nhistory:\n  - date: 2026-11-20\n    stage: scheduled\nmeeting:\n  at: 2029-06-10T09:00\n  minutes: 30\n---\n');
    for (const format of ['ics', 'csv', 'json', 'vcard']) {
      const result = rapport(['export', format, '--out', `t.${format}`, '--dir', folder, '--today', '2026-11-20'], { cwd: folder });
      expect(result, format).toEqual({
        code: 2,
        stdout: '',
        stderr:
          '.rapport/config.yaml:14:11 error Unknown time zone "America/New_Yrok" [invalid-config]\n    hint: Use the IANA name of your zone (did you mean America/New_York?)\n' +
          'rapport: nothing exported: .rapport/config.yaml:14: Unknown time zone "America/New_Yrok"; an export made with the default in its place would be wrong (fix it, then export again)\n',
      });
      expect(existsSync(join(folder, `t.${format}`))).toBe(false);
    }
  });

  it('leaves out what is worked out from a private field: "Meet Ben Osei at 08:00 (in-person, 30 min)", the day to prepare, a next step written by hand', () => {
    const folder = withConfig((config) => config.replace('  - phone\n', '  - phone\n  - meeting\n  - next\n'));
    const objects = JSON.parse(rapport(['export', 'json', '--dir', folder, '--today', TODAY]).stdout) as Record<string, unknown>[];
    const next = Object.fromEntries(objects.map((object) => [object.id, [object.next_action, object.next_due]]));
    expect(next['ben-osei']).toEqual([null, null]);
    expect(next['lauren-fitzgerald']).toEqual([null, null]);
    expect(next['aisha-karim']).toEqual([null, null]);
    expect(next['keisha-brooks']).toEqual([null, null]);
    expect(next['marcus-bell']).toEqual(['Send Marcus Bell a thank-you note', '2026-11-21']);
    const rows = parse(rapport(['export', 'csv', '--dir', folder, '--today', TODAY]).stdout, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.find((row) => row.id === 'ben-osei')).toMatchObject({ next_action: '', next_due: '' });
    const calendar = rapport(['export', 'ics', '--dir', folder, '--today', TODAY]).stdout;
    expect(calendar).not.toContain('Aisha how the coffee');
    const uids = readCalendarBack(calendar).items.map((item) => item.uid);
    expect(uids.filter((uid) => /-(meeting|prepare|manual)@rapport$/.test(uid))).toEqual([]);
    expect(uids).toContain('marcus-bell-thank@rapport');
  });

  it('warns of `private:` entries that hide nothing, in check and when exporting, with the field most likely meant', () => {
    const folder = withConfig((config) => config.replace('private:\n  - phone\n', 'private: [phne, Phone, name, meeting.lnk]\n'));
    const warnings = [
      '.rapport/config.yaml:30:11 warning `phne` in `private` names no field of any contact, so it leaves nothing out of exports [ineffective-private-field]\n    hint: Did you mean `phone`?\n',
      '.rapport/config.yaml:30:17 warning `Phone` in `private` names no field of any contact, so it leaves nothing out of exports [ineffective-private-field]\n    hint: Did you mean `phone`?\n',
      '.rapport/config.yaml:30:24 warning `name` in `private` is exported all the same: every card, row and event needs it [ineffective-private-field]\n    hint: Remove it from `private`\n',
      '.rapport/config.yaml:30:30 warning `meeting.lnk` in `private` names no field of `meeting`, so it leaves nothing out of exports [ineffective-private-field]\n    hint: Did you mean `meeting.link`?\n',
    ].join('');
    expect(rapport(['check', '--dir', folder])).toEqual({ code: 0, stdout: `${warnings}17 contacts checked: 0 errors, 4 warnings\n`, stderr: '' });
    const exported = rapport(['export', 'csv', '--dir', folder, '--today', TODAY]);
    expect(exported).toMatchObject({ code: 0, stderr: warnings });
    expect(exported.stdout).toContain('+1 412 555');
    // A field of the user's own, in some note, is a field.
    const own = withConfig((config) => config.replace('private:\n  - phone\n', 'private: [phone, met_at]\n'));
    expect(rapport(['check', '--dir', own]).stdout).toBe('17 contacts checked: 0 errors, 0 warnings\n');
  });

  it('names on stderr each note it cannot read, and each meeting it leaves out of the calendar', () => {
    const folder = exampleCopy();
    writeFileSync(join(folder, 'broken.md'), '---\ntype: contact\nname: Broken Frontmatter\nstage: contacted\ntags: [a, b\n---\n');
    const sam = join(folder, 'sam-whitaker.md');
    writeFileSync(sam, readFileSync(sam, 'utf8').replace('\n  minutes: 30\n', '\n  minutes: 0\n'));
    const unreadable = 'rapport: warning: broken.md:5: cannot read this contact: The list opened with `[` is never closed (Add `]` at the end of the list, on the same line)\n';
    const unread = 'rapport: warning: sam-whitaker.md:39: `minutes` must be a whole number of minutes from 1 to 600 (30 is customary): Sam Whitaker is not read as written until it is corrected (rapport check lists every problem)\n';
    const calendar = rapport(['export', 'ics', '--dir', folder, '--today', TODAY]);
    // The calendar names the meeting it leaves out, and why, once: not also as a value left unread.
    expect(calendar).toMatchObject({ code: 0, stderr: `${unreadable}rapport: warning: sam-whitaker.md:39: the meeting with Sam Whitaker is left out of the calendar: \`minutes\` must be a whole number of minutes from 1 to 600 (30 is customary)\n` });
    expect(readCalendarBack(calendar.stdout).items.map((item) => item.uid)).not.toContain('sam-whitaker-meeting@rapport');
    for (const format of ['csv', 'json', 'vcard']) expect(rapport(['export', format, '--dir', folder, '--today', TODAY]), format).toMatchObject({ code: 0, stderr: unreadable + unread });
  });

  it('ics: a dated referral Priya both links and names is one event, as it is one agenda line', () => {
    const folder = exampleCopy();
    const priya = join(folder, 'contacts/health-tech/priya-raman.md');
    const text = readFileSync(priya, 'utf8')
      .replace("- Referral: Grace Liu, the nurse informaticist on Carelink's alerts team.", "- Referral: Grace Liu, the nurse informaticist on Carelink's alerts team (by 2026-12-04)")
      .replace('- Training: a short SQL course', '- Referral: [[grace-liu]], she runs the alert-fatigue study (by 2026-12-04)\n- Training: a short SQL course');
    writeFileSync(priya, text);
    expect(rapport(['agenda', '--dir', folder, '--today', TODAY]).stdout).toContain('  2026-12-04  Add Grace Liu (referred by Priya Raman)  → rapport new --from priya-raman "Grace Liu"\n');
    const events = readCalendarBack(rapport(['export', 'ics', '--dir', folder, '--today', TODAY]).stdout).items.filter((item) => item.uid.startsWith('priya-raman-outcome-referral'));
    expect(events.map((event) => [event.uid, event.summary])).toEqual([['priya-raman-outcome-referral-2@rapport', 'Add Grace Liu (referred by Priya Raman)']]);
  });

  it('ics: a referral Priya names without a date and links with one is one event on the link\'s day', () => {
    const folder = exampleCopy();
    const priya = join(folder, 'contacts/health-tech/priya-raman.md');
    const text = readFileSync(priya, 'utf8').replace('- Training: a short SQL course', '- Referral: [[grace-liu]], she runs the alert-fatigue study (by 2026-11-30)\n- Training: a short SQL course');
    writeFileSync(priya, text);
    const agenda = rapport(['agenda', '--dir', folder, '--today', TODAY]).stdout;
    expect(agenda).toContain('  2026-11-30  Add Grace Liu (referred by Priya Raman)  → rapport new --from priya-raman "Grace Liu"\n');
    expect(agenda).not.toContain('anytime  Add Grace Liu');
    const events = readCalendarBack(rapport(['export', 'ics', '--dir', folder, '--today', TODAY]).stdout).items.filter((item) => item.uid.startsWith('priya-raman-outcome-referral'));
    expect(events.map((event) => [event.uid, event.summary, event.dtstart])).toEqual([['priya-raman-outcome-referral-2@rapport', 'Add Grace Liu (referred by Priya Raman)', { date: '2026-11-30' }]]);
  });

  it('ics: a meeting link as a URI, a meeting the night clocks go back in UTC, every line ending with CRLF', () => {
    const folder = exampleCopy();
    const link = 'https://zoom.example.com/j/123?pwd=a,b;c';
    writeFileSync(join(folder, 'zoe-park.md'), `---\ntype: contact\nname: Zoe Park\nstage: scheduled\nhistory:\n  - date: 2026-10-20\n    stage: scheduled\nmeeting:\n  at: 2026-11-01T01:30\n  minutes: 30\n  link: "${link}"\n---\n`);
    const { code, stdout } = rapport(['export', 'ics', '--dir', folder, '--today', '2026-10-25']);
    expect(code).toBe(0);
    expect(stdout.endsWith('\r\nEND:VCALENDAR\r\n')).toBe(true);
    expect(stdout.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(stdout).toContain('\r\nUID:zoe-park-meeting@rapport\r\nSEQUENCE:1\r\nDTSTAMP:20261025T120000Z\r\nDTSTART:20261101T053000Z\r\nDTEND:20261101T060000Z\r\n');
    expect(stdout).toContain(`\r\nURL;VALUE=URI:${link}\r\n`);
    expect(readCalendarBack(stdout).items.find((item) => item.uid === 'zoe-park-meeting@rapport')).toMatchObject({ url: link, dtstart: { utc: '2026-11-01T05:30:00Z' }, dtend: { utc: '2026-11-01T06:00:00Z' } });
  });

  it('ics: a folder with nothing to put in a calendar gives a valid one holding the time zone, and says so', () => {
    const folder = mkdtempSync(join(tmpdir(), 'rapport-cli-'));
    mkdirSync(join(folder, '.rapport'));
    writeFileSync(join(folder, '.rapport', 'config.yaml'), 'timezone: America/New_York\n');
    const result = rapport(['export', 'ics', '--out', 'empty.ics', '--dir', folder], { cwd: folder });
    expect(result).toEqual({ code: 0, stdout: 'Wrote empty.ics\n', stderr: 'rapport: warning: the calendar has no event: no meeting and no dated next action to put in it\n' });
    expect(readCalendarBack(readFileSync(join(folder, 'empty.ics'), 'utf8'))).toEqual({ zones: ['America/New_York'], items: [] });
  });
});
