import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { api, fileUri, readText, runScripted, waitFor, withPrompts } from './fixture.js';
import { exampleContacts } from './oracle.js';
import { suite, test } from './runner.js';
import { CANCEL, ENTER, ScriptedPrompts } from './scripted-prompts.js';

/** A contact of its own, so the tests do not depend on what earlier suites did to the example notes. */
function writeContact(id: string, stage: string): string {
  const file = `${id}.md`;
  writeFileSync(fileUri(file).fsPath, ['---', 'type: contact', `name: Stage ${stage}`, `stage: ${stage}`, 'history:', '  - date: 2026-11-10', `    stage: ${stage}`, '---', '', '# Notes', ''].join('\n'));
  return file;
}

async function indexed(id: string, stage: string): Promise<void> {
  const rapport = await api();
  await waitFor(() => rapport.notes.workspace?.index.contact(id)?.stage === stage, `${id} indexed as ${stage}`);
}

suite('Advance Stage safety', () => {
  test('Enter on a scheduled contact records the next stage (prepared), not the first one', async () => {
    const file = writeContact('stage-enter', 'scheduled');
    await indexed('stage-enter', 'scheduled');
    const prompts = new ScriptedPrompts({ 'advance.stage': ENTER });
    const result = await withPrompts(prompts, () => vscode.commands.executeCommand('rapport.advanceStage', 'stage-enter'));
    assert.equal(prompts.focused.get('advance.stage'), 'prepared');
    assert.deepEqual(result, { file, stage: 'prepared' });
    assert.deepEqual(prompts.asked, ['advance.stage']);
    assert.equal(readText(file), ['---', 'type: contact', 'name: Stage scheduled', 'stage: prepared', 'history:', '  - date: 2026-11-10', '    stage: scheduled', '  - date: 2026-11-23', '    stage: prepared', '---', '', '# Notes', ''].join('\n'));
    rmSync(fileUri(file).fsPath);
  });

  test('after a logged reply, Enter offers scheduled (a time to talk), not a follow-up', async () => {
    const file = 'stage-replied.md';
    const history = ['history:', '  - date: 2026-11-16', '    stage: contacted', '    via: email', '  - date: 2026-11-18', '    stage: contacted', '    touch: true', '    replied: true'];
    writeFileSync(fileUri(file).fsPath, ['---', 'type: contact', 'name: Stage replied', 'stage: contacted', ...history, '---', ''].join('\n'));
    await indexed('stage-replied', 'contacted');
    const prompts = new ScriptedPrompts({ 'advance.stage': ENTER, 'meeting.date': '2026-12-02', 'meeting.time': '10:00', 'meeting.format': 'phone', 'meeting.place': ENTER });
    const result = await withPrompts(prompts, () => vscode.commands.executeCommand('rapport.advanceStage', 'stage-replied'));
    assert.equal(prompts.focused.get('advance.stage'), 'scheduled');
    assert.deepEqual(result, { file, stage: 'scheduled' });
    assert.match(readText(file), /^stage: scheduled$/m);
    assert.ok(!readText(file).includes('followed-up'), 'no follow-up recorded');
    rmSync(fileUri(file).fsPath);
  });

  test('from the agenda row that says to give up after the follow-up, Enter offers no-response, as the row does', async () => {
    const row = (await api()).views.agenda.entries().find((entry) => entry.contextValue === 'agendaItem.give-up');
    assert.ok(row, 'the example agenda gives up on Victor Nguyen');
    const original = readText(row.file);
    const prompts = new ScriptedPrompts({ 'advance.stage': ENTER });
    const result = await withPrompts(prompts, () => vscode.commands.executeCommand('rapport.advanceStage', row));
    assert.equal(prompts.focused.get('advance.stage'), 'no-response');
    assert.deepEqual(result, { file: 'victor-nguyen.md', stage: 'no-response' });
    assert.equal(readText(row.file), original.replace('stage: followed-up\n', 'stage: no-response\n').replace('letter: follow-up}\n', 'letter: follow-up}\n  - {date: 2026-11-23, stage: no-response}\n'));
    // Put back for the suites after this one, which count the example's agenda.
    writeFileSync(fileUri(row.file).fsPath, original);
    await indexed('victor-nguyen', 'followed-up');
  });

  test('once a booked meeting has ended, Enter offers held, not prepared', async () => {
    const file = 'stage-ended.md';
    writeFileSync(fileUri(file).fsPath, ['---', 'type: contact', 'name: Stage ended', 'stage: scheduled', 'history:', '  - date: 2026-11-16', '    stage: scheduled', 'meeting:', '  at: "2026-11-20T15:00"', '  minutes: 30', '  format: phone', '---', ''].join('\n'));
    await indexed('stage-ended', 'scheduled');
    const prompts = new ScriptedPrompts({ 'advance.stage': ENTER, 'held.day': ENTER });
    const result = await withPrompts(prompts, () => vscode.commands.executeCommand('rapport.advanceStage', 'stage-ended'));
    assert.equal(prompts.focused.get('advance.stage'), 'held');
    assert.deepEqual(result, { file, stage: 'held' });
    assert.match(readText(file), /  - date: 2026-11-20\n {4}stage: held\n/);
    rmSync(fileUri(file).fsPath);
  });

  test("a meeting time typed in the other person's zone is written with that zone's offset on that day", async () => {
    const file = writeContact('stage-zone', 'contacted');
    await indexed('stage-zone', 'contacted');
    const refused = new ScriptedPrompts({ 'advance.stage': 'scheduled', 'meeting.date': '2026-12-02', 'meeting.time': '15:00 Europe/Londn' });
    assert.equal(await withPrompts(refused, () => vscode.commands.executeCommand('rapport.advanceStage', 'stage-zone')), undefined);
    assert.match(refused.errors.join(), /Europe\/Londn is not a time zone: use an IANA name such as Europe\/London or America\/Chicago/);
    const prompts = new ScriptedPrompts({ 'advance.stage': 'scheduled', 'meeting.date': '2026-12-02', 'meeting.time': '15:00 Europe/London', 'meeting.format': 'video', 'meeting.place': '' });
    await withPrompts(prompts, () => vscode.commands.executeCommand('rapport.advanceStage', 'stage-zone'));
    // London is on GMT in December: 15:00 there is 10:00 in New York, the folder's zone.
    assert.match(readText(file), /^ {2}at: "?2026-12-02T15:00\+00:00"?$/m);
    const rapport = await api();
    await waitFor(() => rapport.notes.workspace?.index.contact('stage-zone')?.stage === 'scheduled', 'the meeting indexed');
    rmSync(fileUri(file).fsPath);
  });

  test('moving back to identified asks first; cancelling (the focused answer) leaves the note alone', async () => {
    const file = writeContact('stage-back', 'scheduled');
    await indexed('stage-back', 'scheduled');
    const original = readText(file);
    const prompts = new ScriptedPrompts({ 'advance.stage': 'identified', 'advance.confirm': ENTER });
    const result = await withPrompts(prompts, () => vscode.commands.executeCommand('rapport.advanceStage', 'stage-back'));
    assert.equal(result, undefined);
    assert.deepEqual(prompts.asked, ['advance.stage', 'advance.confirm']);
    assert.equal(prompts.focused.get('advance.confirm'), 'Cancel');
    assert.equal(readText(file), original);

    const confirmed = new ScriptedPrompts({ 'advance.stage': 'identified', 'advance.confirm': 'Move back to identified' });
    await withPrompts(confirmed, () => vscode.commands.executeCommand('rapport.advanceStage', 'stage-back'));
    assert.match(readText(file), /^stage: identified$/m);
    rmSync(fileUri(file).fsPath);
  });

  test('moving a booked meeting prefills its time, format and link, so that Enter keeps them', async () => {
    const file = 'stage-moved.md';
    const meeting = ['meeting:', '  at: "2026-11-25T12:30"', '  minutes: 30', '  format: video', '  link: https://meet.example.com/abc'];
    writeFileSync(fileUri(file).fsPath, ['---', 'type: contact', 'name: Stage moved', 'stage: scheduled', 'history:', '  - date: 2026-11-10', '    stage: scheduled', ...meeting, '---', ''].join('\n'));
    await indexed('stage-moved', 'scheduled');
    const prompts = new ScriptedPrompts({ 'advance.stage': 'scheduled', 'advance.confirm': 'Record scheduled again', 'meeting.date': '2026-12-09', 'meeting.time': ENTER, 'meeting.format': ENTER, 'meeting.place': ENTER });
    await withPrompts(prompts, () => vscode.commands.executeCommand('rapport.advanceStage', 'stage-moved'));
    assert.equal(prompts.prefilled.get('meeting.date'), '2026-11-25');
    assert.equal(prompts.prefilled.get('meeting.time'), '12:30');
    assert.equal(prompts.focused.get('meeting.format'), 'video');
    assert.equal(prompts.prefilled.get('meeting.place'), 'https://meet.example.com/abc');
    const text = readText(file);
    assert.match(text, /^ {2}at: "?2026-12-09T12:30/m);
    assert.match(text, /^ {2}format: video$/m);
    assert.match(text, /^ {2}link: https:\/\/meet\.example\.com\/abc$/m);
    rmSync(fileUri(file).fsPath);
  });

  test('a meeting agreed by hand with no time yet: its time is booked with no question about a second entry, and none is added', async () => {
    const file = 'stage-agreed.md';
    const before = ['---', 'type: contact', 'name: Stage agreed', 'stage: scheduled', 'history:', '  - date: 2026-11-20', '    stage: scheduled', '---', ''].join('\n');
    writeFileSync(fileUri(file).fsPath, before);
    await indexed('stage-agreed', 'scheduled');
    const prompts = new ScriptedPrompts({ 'advance.stage': 'scheduled', 'meeting.date': '2026-11-27', 'meeting.time': '10:00', 'meeting.format': 'phone', 'meeting.place': ENTER });
    await withPrompts(prompts, () => vscode.commands.executeCommand('rapport.advanceStage', 'stage-agreed'));
    assert.ok(!prompts.asked.includes('advance.confirm'), JSON.stringify(prompts.asked));
    const text = readText(file);
    assert.ok(text.startsWith(['---', 'type: contact', 'name: Stage agreed', 'stage: scheduled', 'history:', '  - date: 2026-11-20', '    stage: scheduled', 'meeting:', ''].join('\n')), text);
    assert.match(text, /^ {2}at: "?2026-11-27T10:00/m);
    assert.match(text, /^ {2}format: phone$/m);
    assert.ok(prompts.infos.some((info) => info.startsWith('Booked the meeting with Stage agreed: 2026-11-27 10:00; still scheduled, nothing added to the history.')), JSON.stringify(prompts.infos));
    rmSync(fileUri(file).fsPath);
  });

  test('a meeting booked for an earlier day is recorded as held on that day when Enter is pressed', async () => {
    const file = 'stage-met.md';
    writeFileSync(fileUri(file).fsPath, ['---', 'type: contact', 'name: Stage met', 'stage: prepared', 'history:', '  - date: 2026-11-10', '    stage: scheduled', '  - date: 2026-11-16', '    stage: prepared', 'meeting:', '  at: "2026-11-18T10:00"', '  minutes: 30', '  format: phone', '---', ''].join('\n'));
    await indexed('stage-met', 'prepared');
    const prompts = new ScriptedPrompts({ 'advance.stage': ENTER, 'held.day': ENTER });
    const result = await withPrompts(prompts, () => vscode.commands.executeCommand('rapport.advanceStage', 'stage-met'));
    assert.deepEqual(result, { file, stage: 'held' });
    assert.deepEqual(prompts.asked, ['advance.stage', 'held.day']);
    assert.deepEqual(prompts.offered.get('held.day'), ['2026-11-18', '2026-11-23']);
    assert.match(readText(file), /  - date: 2026-11-18\n {4}stage: held\n/);
    rmSync(fileUri(file).fsPath);
  });

  test('Reschedule Meeting run from the palette offers only the people with a meeting booked', async () => {
    const booked = exampleContacts().filter((contact) => (contact.stage === 'scheduled' || contact.stage === 'prepared') && /\nmeeting:/.test(readText(contact.file)));
    const rapport = await api();
    // The notes the tests before this one wrote and removed have left the index too.
    const indexed = () => (rapport.notes.workspace?.index.contacts() ?? []).map((contact) => contact.file).sort().join();
    await waitFor(() => indexed() === exampleContacts().map((contact) => contact.file).sort().join(), 'the index to hold the notes in the folder');
    const { result, prompts } = await runScripted({ contact: CANCEL }, 'rapport.rescheduleMeeting');
    assert.equal(result, undefined);
    assert.ok(booked.some((contact) => contact.name === 'Ben Osei'), 'Ben Osei, prepared, has his coffee booked');
    assert.deepEqual([...prompts.offered.get('contact')!].sort(), booked.map((contact) => contact.name).sort());
    assert.ok(!prompts.offered.get('contact')!.includes('Elena Vasquez'), 'not someone only identified');
  });

  test('held before the day the meeting is booked for offers to reschedule it; the stage stays and the old time is noted', async () => {
    const file = 'stage-early.md';
    const meeting = ['meeting:', '  at: "2026-12-09T14:00"', '  minutes: 30', '  format: video', '  link: https://meet.example.com/xyz'];
    writeFileSync(fileUri(file).fsPath, ['---', 'type: contact', 'name: Stage early', 'stage: prepared', 'history:', '  - date: 2026-11-10', '    stage: scheduled', '  - date: 2026-11-16', '    stage: prepared', ...meeting, '---', ''].join('\n'));
    await indexed('stage-early', 'prepared');
    const original = readText(file);
    const cancelled = new ScriptedPrompts({ 'advance.stage': 'held', 'advance.meetingToCome': 'Cancel' });
    assert.equal(await withPrompts(cancelled, () => vscode.commands.executeCommand('rapport.advanceStage', 'stage-early')), undefined);
    assert.equal(readText(file), original);

    const prompts = new ScriptedPrompts({ 'advance.stage': 'held', 'advance.meetingToCome': 'Reschedule the meeting…', 'meeting.date': '2026-11-30', 'meeting.time': ENTER, 'meeting.format': ENTER, 'meeting.place': ENTER });
    const result = await withPrompts(prompts, () => vscode.commands.executeCommand('rapport.advanceStage', 'stage-early'));
    assert.deepEqual(result, { file, stage: 'prepared' });
    assert.deepEqual(prompts.asked, ['advance.stage', 'advance.meetingToCome', 'meeting.date', 'meeting.time', 'meeting.format', 'meeting.place']);
    assert.deepEqual(prompts.infos, ['Moved the meeting with Stage early to 2026-11-30 14:00; still prepared.']);
    assert.equal(
      readText(file),
      ['---', 'type: contact', 'name: Stage early', 'stage: prepared', 'history:', '  - date: 2026-11-10', '    stage: scheduled', '  - date: 2026-11-16', '    stage: prepared', '  - date: 2026-11-23', '    stage: prepared', '    note: rescheduled from 2026-12-09 14:00', 'meeting:', '  at: "2026-11-30T14:00"', '  minutes: 30', '  format: video', '  link: https://meet.example.com/xyz', '---', ''].join('\n'),
    );
    rmSync(fileUri(file).fsPath);
  });

  test("Reschedule Meeting writes the new time with the folder's offset on its day where the booked one had an offset, summer time included", async () => {
    const file = 'stage-offset.md';
    const head = ['---', 'type: contact', 'name: Stage offset', 'stage: scheduled', 'history:', '  - date: 2026-11-10', '    stage: scheduled'];
    const meeting = (at: string) => ['meeting:', `  at: "${at}"`, '  minutes: 30', '  format: video', '---', ''];
    writeFileSync(fileUri(file).fsPath, [...head, ...meeting('2026-12-09T14:00-05:00')].join('\n'));
    await indexed('stage-offset', 'scheduled');
    // The example's zone is America/New_York: -05:00 in December, -04:00 in July.
    const prompts = new ScriptedPrompts({ 'meeting.date': '2027-07-14', 'meeting.time': ENTER, 'meeting.format': ENTER, 'meeting.place': ENTER });
    const result = await withPrompts(prompts, () => vscode.commands.executeCommand('rapport.rescheduleMeeting', 'stage-offset'));
    assert.deepEqual(result, { file, stage: 'scheduled' });
    assert.equal(readText(file), [...head, '  - date: 2026-11-23', '    stage: scheduled', '    note: rescheduled from 2026-12-09 14:00', ...meeting('2027-07-14T14:00-04:00')].join('\n'));
    assert.deepEqual(prompts.infos, ['Moved the meeting with Stage offset to 2027-07-14 14:00; still scheduled.']);
    rmSync(fileUri(file).fsPath);
  });

  test("Reschedule Meeting of a contact whose note names their zone starts from their time, and says the move on both clocks", async () => {
    const file = 'stage-bogota.md';
    // Bogotá is at -05:00 all year, as New York (the example's zone) is in winter only.
    const head = ['---', 'type: contact', 'name: Stage bogota', 'timezone: America/Bogota', 'stage: scheduled', 'history:', '  - date: 2026-11-10', '    stage: scheduled'];
    const meeting = (at: string) => ['meeting:', `  at: "${at}"`, '  minutes: 30', '  format: video', '---', ''];
    const moved = [...head, '  - date: 2026-11-23', '    stage: scheduled', '    note: rescheduled from 2026-12-09 14:00'];
    writeFileSync(fileUri(file).fsPath, [...head, ...meeting('2026-12-09T14:00-05:00')].join('\n'));
    await indexed('stage-bogota', 'scheduled');
    const same = new ScriptedPrompts({ 'meeting.date': '2027-07-14', 'meeting.time': ENTER, 'meeting.format': ENTER, 'meeting.place': ENTER });
    await withPrompts(same, () => vscode.commands.executeCommand('rapport.rescheduleMeeting', 'stage-bogota'));
    assert.equal(same.prefilled.get('meeting.time'), '14:00 America/Bogota');
    assert.equal(readText(file), [...moved, ...meeting('2027-07-14T14:00-05:00')].join('\n'));
    assert.deepEqual(same.infos, ['Moved the meeting with Stage bogota to 2027-07-14 15:00 (14:00 their time); still scheduled.']);

    // A time typed without a zone is on your clock, as the question says: written on theirs, the same instant.
    writeFileSync(fileUri(file).fsPath, [...head, ...meeting('2026-12-09T14:00-05:00')].join('\n'));
    const rapport = await api();
    await waitFor(() => rapport.notes.workspace?.index.contact('stage-bogota')?.meeting?.at === '2026-12-09T14:00-05:00', 'the note put back, in the index');
    const yours = new ScriptedPrompts({ 'meeting.date': '2027-07-14', 'meeting.time': '14:00', 'meeting.format': ENTER, 'meeting.place': ENTER });
    await withPrompts(yours, () => vscode.commands.executeCommand('rapport.rescheduleMeeting', 'stage-bogota'));
    assert.equal(readText(file), [...moved, ...meeting('2027-07-14T13:00-05:00')].join('\n'));
    assert.deepEqual(yours.infos, ['Moved the meeting with Stage bogota to 2027-07-14 14:00 (13:00 their time); still scheduled.']);
    rmSync(fileUri(file).fsPath);
  });

  test('a meeting moved while the note changed stage meanwhile keeps the stage the note has then, and a note no longer booked is left alone', async () => {
    const file = 'stage-raced.md';
    const head = ['---', 'type: contact', 'name: Stage raced', 'stage: scheduled', 'history:', '  - date: 2026-11-10', '    stage: scheduled'];
    const meeting = ['meeting:', '  at: "2026-12-09T14:00"', '  minutes: 30', '  format: video', '---', ''];
    writeFileSync(fileUri(file).fsPath, [...head, ...meeting].join('\n'));
    await indexed('stage-raced', 'scheduled');
    /** Prompts that, as the time is asked, save the note with another stage, as the user might in the editor. */
    const racing = (stage: string) =>
      new (class extends ScriptedPrompts {
        override async input(request: Parameters<ScriptedPrompts['input']>[0]): Promise<string | undefined> {
          if (request.id === 'meeting.time') writeFileSync(fileUri(file).fsPath, [...head.slice(0, 3), `stage: ${stage}`, ...head.slice(4), '  - date: 2026-11-20', `    stage: ${stage}`, ...meeting].join('\n'));
          return super.input(request);
        }
      })({ 'meeting.date': '2026-12-11', 'meeting.time': ENTER, 'meeting.format': ENTER, 'meeting.place': ENTER });

    const prompts = racing('prepared');
    const result = await withPrompts(prompts, () => vscode.commands.executeCommand('rapport.rescheduleMeeting', 'stage-raced'));
    assert.deepEqual(result, { file, stage: 'prepared' });
    assert.deepEqual(prompts.infos, ['Moved the meeting with Stage raced to 2026-12-11 14:00; still prepared.']);
    assert.equal(
      readText(file),
      ['---', 'type: contact', 'name: Stage raced', 'stage: prepared', 'history:', '  - date: 2026-11-10', '    stage: scheduled', '  - date: 2026-11-20', '    stage: prepared', '  - date: 2026-11-23', '    stage: prepared', '    note: rescheduled from 2026-12-09 14:00', 'meeting:', '  at: "2026-12-11T14:00"', '  minutes: 30', '  format: video', '---', ''].join('\n'),
    );

    writeFileSync(fileUri(file).fsPath, [...head, ...meeting].join('\n'));
    await indexed('stage-raced', 'scheduled');
    const held = racing('held');
    await withPrompts(held, () => vscode.commands.executeCommand('rapport.rescheduleMeeting', 'stage-raced'));
    assert.equal(readText(file), [...head.slice(0, 3), 'stage: held', ...head.slice(4), '  - date: 2026-11-20', '    stage: held', ...meeting].join('\n'), 'the note as saved meanwhile, untouched');
    assert.deepEqual(held.infos, []);
    assert.deepEqual(held.errors, ['Stage raced is now held: there is no booked meeting to move (the note was changed meanwhile)']);
    rmSync(fileUri(file).fsPath);
  });

  test('a meeting "moved" to the same time with a new link changes the link alone, and adds nothing to the history', async () => {
    const file = 'stage-relinked.md';
    const lines = ['---', 'type: contact', 'name: Stage relinked', 'stage: scheduled', 'history:', '  - date: 2026-11-10', '    stage: scheduled', 'meeting:', '  at: "2026-12-09T14:00"', '  minutes: 30', '  format: video', '  link: https://meet.example.com/old', '---', ''];
    writeFileSync(fileUri(file).fsPath, lines.join('\n'));
    await indexed('stage-relinked', 'scheduled');
    const prompts = new ScriptedPrompts({ 'meeting.date': ENTER, 'meeting.time': ENTER, 'meeting.format': ENTER, 'meeting.place': 'https://meet.example.com/new' });
    const result = await withPrompts(prompts, () => vscode.commands.executeCommand('rapport.rescheduleMeeting', 'stage-relinked'));
    assert.deepEqual(result, { file, stage: 'scheduled' });
    assert.equal(readText(file), lines.join('\n').replace('https://meet.example.com/old', 'https://meet.example.com/new'));
    assert.deepEqual(prompts.infos, ["Changed the meeting's link with Stage relinked; still 2026-12-09 14:00, nothing added to the history."]);
    rmSync(fileUri(file).fsPath);
  });

  test('a contact snoozed past the day to give up is not offered no-response: the user put them off', async () => {
    const file = 'stage-snoozed.md';
    // Followed up on 2026-11-09: giving up was due on 2026-11-18; today (2026-11-23) they are snoozed to Friday.
    const lines = (snooze: string[]) => ['---', 'type: contact', 'name: Stage snoozed', 'stage: followed-up', ...snooze, 'history:', '  - date: 2026-11-02', '    stage: contacted', '  - date: 2026-11-09', '    stage: followed-up', '---', ''].join('\n');
    writeFileSync(fileUri(file).fsPath, lines(['snoozed_until: 2026-11-27']));
    await indexed('stage-snoozed', 'followed-up');
    // Enter takes the suggestion: scheduled asks for the meeting, which is left unanswered.
    const snoozed = new ScriptedPrompts({ 'advance.stage': ENTER, 'meeting.date': CANCEL });
    await withPrompts(snoozed, () => vscode.commands.executeCommand('rapport.advanceStage', 'stage-snoozed'));
    assert.equal(snoozed.focused.get('advance.stage'), 'scheduled');
    assert.equal(readText(file), lines(['snoozed_until: 2026-11-27']));

    const rapport = await api();
    writeFileSync(fileUri(file).fsPath, lines([]));
    await waitFor(() => rapport.notes.workspace?.index.contact('stage-snoozed')?.snoozedUntil === undefined, 'the snooze gone from the index');
    const due = new ScriptedPrompts({ 'advance.stage': ENTER });
    await withPrompts(due, () => vscode.commands.executeCommand('rapport.advanceStage', 'stage-snoozed'));
    assert.equal(due.focused.get('advance.stage'), 'no-response');
    assert.match(readText(file), /^stage: no-response$/m);
    rmSync(fileUri(file).fsPath);
  });

  test('picking the current stage asks before adding a second entry for it', async () => {
    const file = writeContact('stage-same', 'identified');
    await indexed('stage-same', 'identified');
    const original = readText(file);
    const prompts = new ScriptedPrompts({ 'advance.stage': 'identified', 'advance.confirm': 'Cancel' });
    await withPrompts(prompts, () => vscode.commands.executeCommand('rapport.advanceStage', 'stage-same'));
    assert.deepEqual(prompts.asked, ['advance.stage', 'advance.confirm']);
    assert.equal(prompts.focused.get('advance.stage'), 'contacted', 'Enter on identified takes contacted');
    assert.equal(readText(file), original);
    rmSync(fileUri(file).fsPath);
  });

  test('the current stage recorded again, once confirmed, adds its entry and says "again", not "nurturing → nurturing"', async () => {
    const file = writeContact('stage-again', 'nurturing');
    await indexed('stage-again', 'nurturing');
    const prompts = new ScriptedPrompts({ 'advance.stage': 'nurturing', 'advance.confirm': 'Record nurturing again' });
    await withPrompts(prompts, () => vscode.commands.executeCommand('rapport.advanceStage', 'stage-again'));
    assert.deepEqual(prompts.asked, ['advance.stage', 'advance.confirm']);
    assert.deepEqual(prompts.infos, ['Recorded: Stage nurturing, nurturing again (2026-11-23).']);
    assert.equal(readText(file), ['---', 'type: contact', 'name: Stage nurturing', 'stage: nurturing', 'history:', '  - date: 2026-11-10', '    stage: nurturing', '  - date: 2026-11-23', '    stage: nurturing', '---', '', '# Notes', ''].join('\n'));
    rmSync(fileUri(file).fsPath);
  });
});
