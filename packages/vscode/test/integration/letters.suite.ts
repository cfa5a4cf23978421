import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { advance, insertQuestions, loadQuestions, pickQuestions, QUESTION_BANK, renderLetter } from '@rapport/core';
import { exportIcs } from '@rapport/core/export';
import type { DraftedLetter } from '../../src/letters/index.js';
import { api, changedFiles, fileUri, folder, machineUri, readText, runScripted, snapshot, TODAY, waitFor, withPrompts, closeEditors } from './fixture.js';
import { suite, test } from './runner.js';
import { ENTER, ScriptedPrompts } from './scripted-prompts.js';

/** A user template: JavaScript inside, so only a trusted folder may run it. */
export const USER_TEMPLATE = ['---', 'description: A short coffee invitation', 'stage: contacted', '---', 'Subject: Coffee?', '', 'Hi <%= it.firstName %>, coffee next week? — <%= it.profile.name %>', ''].join('\n');

export function writeUserTemplate(): void {
  mkdirSync(join(folder(), '.rapport', 'templates'), { recursive: true });
  writeFileSync(join(folder(), '.rapport', 'templates', 'coffee-chat.eta'), USER_TEMPLATE);
}

function openDocument(uri: string): vscode.TextDocument {
  const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri);
  assert.ok(document, `the letter ${uri} is open`);
  return document;
}

suite('Letters', () => {
  test('Draft a Letter suggests the letter the next action calls for and opens it filled from the note, writing nothing', async () => {
    const rapport = await api();
    const before = snapshot();
    const { result, prompts } = await runScripted<DraftedLetter>({ 'letter.template': 'follow-up' }, 'rapport.draftLetter', 'owen-park');
    assert.equal(prompts.offered.get('letter.template')?.[0], 'follow-up', 'the suggested letter comes first');
    assert.ok(result);
    const expected = await renderLetter(rapport.notes.workspace!, 'follow-up', 'owen-park', { draft: true, today: TODAY });
    assert.equal(openDocument(result.uri).getText(), expected.text);
    assert.match(expected.text, /^Subject: Following up on my note of /);
    assert.match(expected.text, /Dear Owen,/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), result.uri);
    assert.deepEqual(changedFiles(before, snapshot()), []);
  });

  test('a missing field becomes a [[fill: …]] marker, reported back', async () => {
    // Lauren's meeting is on the calendar, and her note does not say yet what Jordan learned.
    const { result } = await runScripted<DraftedLetter>({ 'letter.template': 'thank-you' }, 'rapport.draftLetter', 'lauren-fitzgerald');
    assert.ok(result && result.missing.includes('learned'), JSON.stringify(result?.missing));
    assert.match(openDocument(result.uri).getText(), /\[\[fill: something specific you learned\]\]/);
  });

  test('a quoted line that speaks of the person is kept as written, and the message of the draft says so before sending', async () => {
    const rapport = await api();
    const file = join(folder(), 'keisha-brooks.md');
    const original = readFileSync(file, 'utf8');
    const edited = original.replace('Impressed by: your coalition webinar', 'Impressed by: her coalition webinar');
    assert.notEqual(edited, original);
    writeFileSync(file, edited);
    try {
      await waitFor(() => rapport.notes.workspace!.index.text('keisha-brooks.md')?.includes('her coalition webinar'), 'the edited note to be re-indexed');
      const { result, prompts } = await runScripted<DraftedLetter>({ 'letter.template': 'cold-email' }, 'rapport.draftLetter', 'keisha-brooks');
      assert.match(openDocument(result!.uri).getText(), /I was impressed by her coalition webinar/);
      assert.ok(
        prompts.infos.some((info) => info.endsWith('Before sending: the "Impressed by" line says "her", and the letter speaks to Keisha: if that means Keisha, write it as you would say it to them ("your team", "you said") in keisha-brooks.md.')),
        JSON.stringify(prompts.infos),
      );
    } finally {
      writeFileSync(file, original);
      await waitFor(() => rapport.notes.workspace!.index.text('keisha-brooks.md')?.includes('your coalition webinar'), 'the restored note to be re-indexed');
      await closeEditors();
    }
  });

  test('a letter to someone with no email or LinkedIn goes by post, and the message says how to record another channel, not a CLI flag', async () => {
    const rapport = await api();
    const file = join(folder(), 'letters-by-post.md');
    writeFileSync(file, '---\ntype: contact\nname: Noor Haddad\nstage: identified\nsource: linkedin\n---\n\n# Noor Haddad\n');
    try {
      await waitFor(() => rapport.notes.workspace!.index.contact('letters-by-post'), 'the note to be indexed');
      const { prompts } = await runScripted<DraftedLetter>({ 'letter.template': 'cold-email' }, 'rapport.draftLetter', 'letters-by-post');
      const message = prompts.infos.find((info) => info.includes('(by post)'));
      assert.ok(message?.endsWith('Before sending: the note has no email address or LinkedIn profile, and no message you wrote to them is recorded: recorded as sent, this letter would say `via: letter` (by post); to send it by email, set `email:` in letters-by-post.md. Mark as Sent asks which channel it went by.'), JSON.stringify(prompts.infos));
      assert.ok(!message!.includes('--via'));
    } finally {
      rmSync(file, { force: true });
      await waitFor(() => !rapport.notes.workspace!.index.contact('letters-by-post'), 'the note to go');
      await closeEditors();
    }
  });

  test('Copy Letter puts the letter on the clipboard', async () => {
    const { result } = await runScripted<DraftedLetter>({ 'letter.template': 'follow-up' }, 'rapport.draftLetter', 'owen-park');
    const copied = await vscode.commands.executeCommand<{ copied: boolean; markers: number }>('rapport.letter.copy', vscode.Uri.parse(result!.uri));
    assert.deepEqual(copied, { copied: true, markers: 0 });
    assert.equal(await vscode.env.clipboard.readText(), openDocument(result!.uri).getText());
    // The tab says where to paste it: Owen's first letter went by email (numbered when an earlier draft is still open).
    assert.match(vscode.Uri.parse(result!.uri).path, /^\/follow-up to Owen Park \(email\)( \(\d+\))?\.md$/);
  });

  test('Mark Letter as Sent records the stage, channel and template in that note only', async () => {
    const rapport = await api();
    const { result } = await runScripted<DraftedLetter>({ 'letter.template': 'follow-up' }, 'rapport.draftLetter', 'owen-park');
    const before = snapshot();
    const original = before.get('owen-park.md')!;
    const sent = await withPrompts(new ScriptedPrompts({ 'letter.via': ENTER }), () => vscode.commands.executeCommand<{ stage: string }>('rapport.letter.markSent', vscode.Uri.parse(result!.uri)));
    assert.equal(sent?.stage, 'followed-up');
    assert.deepEqual(changedFiles(before, snapshot()), ['owen-park.md']);
    assert.equal(readText('owen-park.md'), advance(original, 'followed-up', { date: TODAY, via: 'email', letter: 'follow-up' }));
    await waitFor(() => rapport.notes.workspace?.index.contact('owen-park')?.stage === 'followed-up', 'the index to follow');
    await closeEditors();
  });

  test("a trusted folder's own template is offered and rendered", async () => {
    writeUserTemplate();
    const { result, prompts } = await runScripted<DraftedLetter>({ 'letter.template': 'coffee-chat' }, 'rapport.draftLetter', 'keisha-brooks');
    assert.ok(prompts.offered.get('letter.template')?.includes('coffee-chat'));
    assert.equal(result?.origin, 'user');
    assert.equal(openDocument(result!.uri).getText(), 'Subject: Coffee?\n\nHi Keisha, coffee next week? — Jordan Reyes\n');
    await closeEditors();
  });
});

suite('Questions', () => {
  test('Insert Questions adds the picked questions to ## Questions, "who else" last, and nothing else', async () => {
    const rapport = await api();
    const trends = QUESTION_BANK.filter((question) => question.theme === 'trends').slice(0, 2);
    const advice = QUESTION_BANK.filter((question) => question.theme === 'advice').slice(0, 1);
    const before = snapshot();
    const original = before.get('keisha-brooks.md')!;
    const { result, prompts } = await runScripted<{ added: string[] }>(
      { 'questions.themes': ['Trends', 'Advice'], 'questions.questions': [...trends, ...advice].map((question) => question.text) },
      'rapport.insertQuestions',
      'keisha-brooks',
    );
    assert.ok(prompts.offered.get('questions.questions')!.length > 3, 'every question of the two themes is offered');
    // Short enough not to be cut off in the quick pick; TIARA is said beside its first theme.
    assert.equal(prompts.placeholders.get('questions.themes'), 'Themes to ask about; "who else should I talk to?" comes last');
    const themes = prompts.described.get('questions.themes')!;
    assert.deepEqual(
      ['Trends', 'Insights', 'Assignments', 'Day to day'].map((label) => `${label}: ${themes.get(label)}`),
      ['Trends: TIARA, a frame for informational interviews | ', 'Insights: TIARA | ', 'Assignments: TIARA | ', 'Day to day:  | '],
    );
    assert.deepEqual(changedFiles(before, snapshot()), ['keisha-brooks.md']);
    const set = await loadQuestions(rapport.notes.workspace!.store);
    const texts = pickQuestions(set, { ids: [...trends, ...advice].map((question) => question.id) }).map((question) => question.text);
    assert.equal(readText('keisha-brooks.md'), insertQuestions(original, texts));
    assert.deepEqual(result?.added, texts);
    assert.deepEqual(prompts.infoActions, [[]], 'Keisha has no meeting to prepare: nothing more is offered');
    const section = /## Questions\n([\s\S]*?)(?=\n## |$)/.exec(readText('keisha-brooks.md'))![1]!;
    assert.match(section.trim().split('\n').at(-1)!, /who else/i);
  });

  test('Insert Questions shows the note with the cursor on the first question added; for a scheduled contact it offers Mark as Prepared, which records it', async () => {
    const rapport = await api();
    const file = 'questions-prep.md';
    const lines = ['---', 'type: contact', 'name: Quinn Prep', 'stage: scheduled', 'history:', '  - date: 2026-11-20', '    stage: scheduled', 'meeting:', '  at: "2026-11-30T09:00-05:00"', '---', '', '# Quinn Prep', '', '## Questions', '', '1. What surprised you most when you started?', '2. Who else should I talk to?', ''];
    writeFileSync(fileUri(file).fsPath, lines.join('\n'));
    try {
      await waitFor(() => rapport.notes.workspace?.index.contact('questions-prep')?.stage === 'scheduled', 'the note indexed');
      // Open at its top, as it is after a click on the contact.
      await vscode.window.showTextDocument(fileUri(file), { selection: new vscode.Range(0, 0, 0, 0) });
      const { prompts } = await runScripted({}, 'rapport.insertQuestions', 'questions-prep', { ids: ['trends-1', 'advice-1'] });
      const editor = vscode.window.activeTextEditor!;
      assert.ok(editor.document.uri.path.endsWith('/questions-prep.md'));
      // Line 17, after "1. ", the first one added: the closing question stays last.
      assert.deepEqual([editor.selection.active.line, editor.selection.active.character], [16, 3]);
      assert.equal(editor.document.lineAt(16).text, '2. What changes do you see coming in this field over the next few years?');
      assert.equal(editor.document.lineAt(18).text, '4. Who else should I talk to?');
      assert.deepEqual([prompts.infos[0], prompts.infoActions[0]], ["Added 2 questions to Quinn Prep's note.", ['Mark as Prepared']]);

      await runScripted({ info: 'Mark as Prepared' }, 'rapport.insertQuestions', 'questions-prep', { ids: ['insights-1'] });
      await waitFor(() => rapport.notes.workspace?.index.contact('questions-prep')?.stage === 'prepared', 'Quinn recorded as prepared');
      assert.match(readText(file), /^stage: prepared\nhistory:\n {2}- date: 2026-11-20\n {4}stage: scheduled\n {2}- date: 2026-11-23\n {4}stage: prepared\n/m);
    } finally {
      await closeEditors();
      rmSync(fileUri(file).fsPath, { force: true });
    }
    await waitFor(() => !rapport.notes.workspace?.index.contact('questions-prep'), 'the note to go');
  });

  test('Insert Questions with no theme ticked says that nothing was added, and writes nothing', async () => {
    const before = snapshot();
    const { result, prompts } = await runScripted({ 'questions.themes': [] }, 'rapport.insertQuestions', 'keisha-brooks');
    assert.equal(result, undefined);
    assert.deepEqual(prompts.infos, ['No theme ticked, so no question was added: tick themes with Space, then press Enter.']);
    assert.deepEqual(changedFiles(before, snapshot()), []);
  });

  test('Insert Questions takes question ids as arguments and skips questions already there', async () => {
    const before = readText('keisha-brooks.md');
    const { result } = await runScripted<{ added: string[] }>({}, 'rapport.insertQuestions', 'keisha-brooks', { ids: ['trends-1', 'advice-1'] });
    assert.deepEqual(result?.added, []);
    assert.equal(readText('keisha-brooks.md'), before);
  });
});

/** Runs `check` while the config's time zone is misspelled (line 14), once Rapport has read it; the config is put back after. */
async function withMisspelledTimeZone(check: () => Promise<void>): Promise<void> {
  const rapport = await api();
  const config = join(folder(), '.rapport/config.yaml');
  const before = readFileSync(config, 'utf8');
  writeFileSync(config, before.replace('timezone: America/New_York', 'timezone: America/New_Yrok'));
  try {
    await waitFor(() => rapport.notes.workspace?.configDiagnostics.some((diagnostic) => diagnostic.message.includes('New_Yrok')), 'the config error to be read');
    await check();
  } finally {
    writeFileSync(config, before);
    await waitFor(() => rapport.notes.workspace?.configDiagnostics.every((diagnostic) => !diagnostic.message.includes('New_Yrok')), 'the config to be read again');
  }
}

suite('Import and export', () => {
  test('Import LinkedIn CSV creates new contacts and, for people already there, only records the connection', async () => {
    const rapport = await api();
    const csv = join(mkdtempSync(join(tmpdir(), 'rapport-import-')), 'Connections.csv');
    writeFileSync(
      csv,
      '\uFEFFNotes:\r\n"When exporting your connection data, you may notice that some of the email addresses are missing."\r\n\r\n' +
        'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n' +
        'Rosa,Delgado,https://www.linkedin.com/in/rosa-delgado-uxr-example,,"Carnegie Health Partners, Inc.",Senior UX Researcher,12 Mar 2024\r\n' +
        'Hannah,Schultz,https://www.linkedin.com/in/hannah-schultz-hfe-example,,Northside Respiratory,Senior Human Factors Engineer,05 Jan 2025\r\n',
    );
    const before = snapshot();
    const hannah = readText('hannah-schultz.md');
    const { result, prompts } = await runScripted<{ created: { file: string }[]; updated: { file: string; fields: string[] }[] }>({ 'import.file': machineUri(csv), 'import.confirm': 'Import' }, 'rapport.importLinkedIn');
    assert.deepEqual(prompts.asked, ['import.file', 'import.confirm']);
    assert.deepEqual(result?.created.map((entry) => entry.file), ['contacts/rosa-delgado.md']);
    assert.deepEqual(result?.updated.map((entry) => [entry.file, entry.fields]), [['hannah-schultz.md', ['linkedin_connected']]]);
    assert.deepEqual(changedFiles(before, snapshot()), ['contacts/rosa-delgado.md', 'hannah-schultz.md']);
    assert.equal(readText('hannah-schultz.md'), hannah.replace('\n---\n', '\nlinkedin_connected: 2025-01-05\n---\n'));
    assert.match(readText('contacts/rosa-delgado.md'), /^organization: "?Carnegie Health Partners, Inc\."?$/m);
    assert.equal(rapport.notes.workspace?.index.contact('rosa-delgado')?.source, 'linkedin');

    const again = await runScripted<{ created: unknown[] }>({}, 'rapport.importLinkedIn', machineUri(csv), { confirm: true });
    assert.deepEqual(again.result?.created, [], 'importing twice changes nothing');
    rmSync(join(csv, '..'), { recursive: true });
  });

  test('Import LinkedIn CSV refuses a file that is not LinkedIn’s export, naming the file and line', async () => {
    const csv = join(mkdtempSync(join(tmpdir(), 'rapport-import-')), 'contacts.csv');
    writeFileSync(csv, 'name,email\nAda,ada@example.com\n');
    const prompts = new ScriptedPrompts({ 'import.file': machineUri(csv) });
    const result = await withPrompts(prompts, () => vscode.commands.executeCommand('rapport.importLinkedIn'));
    assert.equal(result, undefined);
    assert.match(prompts.errors.join(), /contacts\.csv:1: .*not LinkedIn/);
    rmSync(join(csv, '..'), { recursive: true });
  });

  test('Export Calendar refuses while the config has an error, before asking where to save, and writes nothing', async () => {
    await withMisspelledTimeZone(async () => {
      const prompts = new ScriptedPrompts({});
      const result = await withPrompts(prompts, () => vscode.commands.executeCommand('rapport.exportCalendar'));
      assert.equal(result, undefined);
      assert.deepEqual(prompts.errors, [
        'nothing exported: .rapport/config.yaml:14: Unknown time zone "America/New_Yrok"; an export made with the default in its place would be wrong (fix it, then export again)',
      ]);
    });
  });

  test('New Contact, Advance Stage and Draft a Letter refuse while the config has an error, and write nothing', async () => {
    await withMisspelledTimeZone(async () => {
      const files = snapshot();
      const refusal = 'has an error (line 14: Unknown time zone "America/New_Yrok"), and until it is fixed Rapport reads the defaults in its place';
      for (const [command, args, refused] of [
        ['rapport.newContact', [], 'Nothing written'],
        ['rapport.advanceStage', ['owen-park'], 'Nothing written'],
        ['rapport.draftLetter', ['owen-park'], 'No letter drafted'],
      ] as const) {
        const prompts = new ScriptedPrompts({ 'contact.name': 'Alicia Moreno', 'advance.stage': 'followed-up' });
        const result = await withPrompts(prompts, () => vscode.commands.executeCommand(command, ...args));
        assert.equal(result, undefined, command);
        assert.deepEqual(prompts.errors, [`${refused}: .rapport/config.yaml ${refusal}`], command);
        assert.deepEqual(prompts.asked, [], command);
      }
      assert.deepEqual(changedFiles(files, snapshot()), []);
    });
  });

  test('Export Calendar writes the meetings and due actions as .ics', async () => {
    const rapport = await api();
    const target = machineUri(join(mkdtempSync(join(tmpdir(), 'rapport-export-')), 'rapport.ics'));
    const { result } = await runScripted<{ events: number }>({ 'export.calendar': target }, 'rapport.exportCalendar');
    const text = readFileSync(target.fsPath, 'utf8');
    assert.equal(text, exportIcs(rapport.notes.workspace!, { now: new Date(`${TODAY}T12:00:00Z`) }));
    assert.match(text, /^BEGIN:VCALENDAR/);
    // Undated agenda entries (people to write to) have no day to put in a calendar.
    const dated = rapport.views.agenda.entries().filter((entry) => entry.urgency !== 'undated');
    assert.ok((result?.events ?? 0) >= dated.length - 2, `events: ${result?.events}`);
    rmSync(join(target.fsPath, '..'), { recursive: true });
  });
});
