import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '@rapport/core';
import { NodeStore } from '@rapport/core/node';
import { readCalendarBack, readCardsBack } from '../../core/test/support/read-back.js';
import { exampleCopy, rapport, userFiles } from './support/run-cli.js';

const TODAY = '2026-11-23';

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
    // The example's meetings (all at -05:00, so UTC is 5 hours on) and, on Monday 2026-11-23, its due actions, from each note's stage and dates.
    const meetings = [
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
      ['hannah-schultz-second-contact@rapport', '2026-11-10', 'Try a second person at Northside Respiratory'],
      ['hannah-schultz-follow-up@rapport', '2026-11-16', 'Follow up with Hannah Schultz if there is no reply'],
      ['victor-nguyen-give-up@rapport', '2026-11-18', 'No reply from Victor Nguyen since the follow-up: mark as no-response'],
      ['marcus-bell-thank@rapport', '2026-11-21', 'Send Marcus Bell a thank-you note'],
      ['lauren-fitzgerald-prepare@rapport', '2026-11-23', 'Prepare for Lauren Fitzgerald: research and questions'],
      ['maya-chen-keep-in-touch@rapport', '2026-11-25', 'Keep in touch with Maya Chen'],
      ['owen-park-second-contact@rapport', '2026-11-25', 'Try a second person at Lumen Diagnostics'],
      ['aisha-karim-manual@rapport', '2026-11-27', 'Tell Aisha how the coffee with Ben Osei went'],
      ['sam-whitaker-prepare@rapport', '2026-11-29', 'Prepare for Sam Whitaker: research and questions'],
      ['dana-okafor-keep-in-touch@rapport', '2026-11-30', 'Keep in touch with Dana Okafor'],
      ['keisha-brooks-manual@rapport', '2026-11-30', 'Ask Dana whether she knows Keisha before writing cold'],
      ['marcus-bell-outcome-send-your-resume-to-marcus-bell-for-review@rapport', '2026-11-30', 'Send your résumé to Marcus Bell for review'],
      ['owen-park-follow-up@rapport', '2026-12-01', 'Follow up with Owen Park if there is no reply'],
      ['marcus-bell-outcome-follow-up-on-the-lead-at-mon-valley-health-ux-research-associate@rapport', '2026-12-04', 'Follow up on the lead at Mon Valley Health: UX Research Associate, patient portal team'],
      ['marcus-bell-outcome-arrange-the-job-shadow-with-marcus-bell-a-workflow-walk-on-a-med@rapport', '2026-12-11', 'Arrange the job shadow with Marcus Bell: a workflow walk on a med-surg unit in January'],
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
    expect(rapport(['export', 'csv', '--out', join(folder, 'no-such-folder', 'x.csv'), '--dir', folder])).toMatchObject({ code: 2, stderr: expect.stringContaining('its folder does not exist') });
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
      ['private: [phone]\ntimezone: UTC\ntimezone: UTC\n', '.rapport/config.yaml:3:1 error Invalid YAML: Map keys must be unique; the whole config is ignored [invalid-config]\n'],
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
});
