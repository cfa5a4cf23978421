import assert from 'node:assert/strict';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { api, closeEditors, fileUri, frontmatterOf, readText, showAsWritten, TODAY, waitFor } from './fixture.js';
import { suite, test } from './runner.js';

const lines = (...text: string[]) => text.join('\n');

/** A contact with open and closed outcomes; the lead is on line 13, the job shadow on line 15. */
const LEADS_NOTE = lines(
  '---',
  'type: contact',
  'name: Dora Lindqvist',
  'organization: Xcel Energy',
  'stage: held',
  'history:',
  '  - date: 2026-11-16',
  '    stage: held',
  '---',
  '',
  '## Outcomes',
  '',
  '- Lead: Xcel Energy: Data Analyst II (by 2026-12-04)',
  '- [x] Résumé review: done 2026-11-18',
  '- Job shadow: a day with the grid analytics team',
  '- Advice: learn SQL window functions',
  '',
);

async function openDashboard(): Promise<string> {
  const rapport = await api();
  await vscode.commands.executeCommand('rapport.openDashboard');
  return waitFor(() => rapport.dashboard.html(), 'the dashboard panel');
}

/** True once the dashboard is drawn and does not show `text`: a dashboard not drawn at all shows nothing, and proves nothing. */
function shownWithout(rapport: Awaited<ReturnType<typeof api>>, text: string): boolean {
  const html = rapport.dashboard.html();
  return html !== undefined && !html.includes(text);
}

suite('Dashboard', () => {
  test('opens with a strict Content-Security-Policy: nothing inline, scripts by nonce from the extension only', async () => {
    const html = await openDashboard();
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.ok(csp, 'a CSP meta tag');
    const directives = new Map(csp.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]));
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    const scriptSources = directives.get('script-src')!;
    assert.ok(scriptSources.some((source) => /^'nonce-[0-9a-f]{32}'$/.test(source)), `a nonce in ${scriptSources.join(' ')}`);
    assert.ok(!csp.includes('unsafe-inline') && !csp.includes('unsafe-eval'), csp);
    const nonce = /'nonce-([0-9a-f]+)'/.exec(csp)![1];
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1, 'one script');
    assert.match(scripts[0]![1]!, new RegExp(`nonce="${nonce}" src="[^"]+/media/dashboard\\.js"`));
    assert.equal(scripts[0]![2], '', 'no inline script body');
    assert.ok(!/<style\b|\sstyle="|\son[a-z]+="/i.test(html), 'no inline style, no event-handler attribute');
    await closeEditors();
  });

  test('redraws when a note changes, lists its open leads and offers, and a click opens the note at the line', async () => {
    const rapport = await api();
    const html = await openDashboard();
    assert.ok(!html.includes('Dora Lindqvist'));
    const drawn = rapport.dashboard.renders();
    writeFileSync(fileUri('dashboard-leads.md').fsPath, LEADS_NOTE);
    const updated = await waitFor(() => rapport.dashboard.html()?.includes('Dora Lindqvist') && rapport.dashboard.html(), 'the dashboard to redraw with the new note');
    assert.ok(rapport.dashboard.renders() > drawn);
    const items = [...updated.matchAll(/<a href="#" class="outcome" data-file="([^"]+)" data-line="(\d+)">(.*?)<\/a>/g)].filter((match) => match[1] === 'dashboard-leads.md');
    assert.deepEqual(
      items.map((match) => [Number(match[2]), match[3]!.replace(/<[^>]+>/g, '')]),
      [
        [13, 'by 2026-12-04 Lead: Xcel Energy: Data Analyst II — Dora Lindqvist'],
        [15, ' Job shadow: a day with the grid analytics team — Dora Lindqvist'],
      ],
    );
    await rapport.dashboard.receive({ open: 'dashboard-leads.md', line: 15 });
    const editor = await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === fileUri('dashboard-leads.md').toString() && vscode.window.activeTextEditor, 'the note to open');
    assert.equal(editor.selection.active.line, 14);
    assert.equal(editor.document.lineAt(editor.selection.active.line).text, '- Job shadow: a day with the grid analytics team');

    // Ticking the lead closes it: the dashboard drops it.
    writeFileSync(fileUri('dashboard-leads.md').fsPath, LEADS_NOTE.replace('- Lead:', '- [x] Lead:'));
    await waitFor(() => shownWithout(rapport, 'Data Analyst II'), 'the ticked lead to leave the dashboard');
    // Deleted while the dashboard is in view (the note's editor in another group): the dashboard drops it.
    await vscode.commands.executeCommand('rapport.openDashboard');
    rmSync(fileUri('dashboard-leads.md').fsPath, { force: true });
    await waitFor(() => shownWithout(rapport, 'Dora Lindqvist'), 'the deleted note to leave the dashboard');
    await closeEditors();
  });
  test('an overdue lead and an offer due today say so, classed for the theme colours the trees use', async () => {
    const rapport = await api();
    await openDashboard();
    // "Today" is 2026-11-23: the lead was due a week ago.
    writeFileSync(fileUri('dashboard-overdue.md').fsPath, LEADS_NOTE.replace('(by 2026-12-04)', '(by 2026-11-16)').replace('- Job shadow: a day with the grid analytics team', '- Job shadow: a day with the grid analytics team (by 2026-11-23)'));
    const html = await waitFor(() => rapport.dashboard.html()?.includes('data-file="dashboard-overdue.md"') && rapport.dashboard.html(), 'the dashboard to redraw with the new note');
    const items = [...html.matchAll(/<a href="#" class="outcome" data-file="dashboard-overdue.md" data-line="(\d+)">(<span class="due[^"]*">.*?<\/span><\/span>|<span class="due[^"]*">[^<]*<\/span>) /g)];
    assert.deepEqual(
      items.map((match) => [Number(match[1]), match[2]]),
      [
        [13, '<span class="due overdue">by 2026-11-16<span class="urgency">overdue 7 d</span></span>'],
        [15, '<span class="due today">by 2026-11-23<span class="urgency">due today</span></span>'],
      ],
    );
    rmSync(fileUri('dashboard-overdue.md').fsPath, { force: true });
    await waitFor(() => shownWithout(rapport, 'dashboard-overdue.md'), 'the deleted note to leave the dashboard');
    await closeEditors();
  });

  test('a hidden dashboard is not redrawn until it is shown again', async () => {
    const rapport = await api();
    await openDashboard();
    await vscode.window.showTextDocument(fileUri('maya-chen.md'), { viewColumn: vscode.ViewColumn.Active, preview: false });
    const drawn = rapport.dashboard.renders();
    writeFileSync(fileUri('dashboard-hidden.md').fsPath, LEADS_NOTE.replace('Dora Lindqvist', 'Hilde Moen'));
    await waitFor(() => rapport.notes.workspace?.index.contact('dashboard-hidden'), 'the note to be indexed');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.equal(rapport.dashboard.renders(), drawn, 'no drawing while hidden');
    await vscode.commands.executeCommand('rapport.openDashboard');
    await waitFor(() => rapport.dashboard.html()?.includes('Hilde Moen'), 'the shown dashboard to redraw');
    rmSync(fileUri('dashboard-hidden.md').fsPath, { force: true });
    await waitFor(() => shownWithout(rapport, 'Hilde Moen'), 'the deleted note to leave the dashboard');
    await closeEditors();
  });
});

suite('Add a referral from the note', () => {
  const referrer = lines(
    '---',
    'type: contact',
    'name: Lena Ortiz',
    'stage: held',
    'history:',
    '  - date: 2026-11-16',
    '    stage: held',
    '---',
    '',
    '## Outcomes',
    '',
    '- Referral: Nadia Farouk, analytics lead — "ask her about the grid team"',
    '- [ ] Referral: Omar Haddad (by 2026-12-01)',
    '- Referral: [[maya-chen]]',
    '',
  );

  const cleanUp = async () => {
    await closeEditors();
    for (const file of ['lens-referrer.md', 'contacts/nadia-farouk.md', 'contacts/omar-haddad.md']) rmSync(fileUri(file).fsPath, { force: true });
    const rapport = await api();
    await waitFor(() => !['lens-referrer', 'nadia-farouk', 'omar-haddad'].some((id) => rapport.notes.workspace?.index.contact(id)), 'the test notes to leave the index');
  };

  /** Writes the referrer note, waits for it to be indexed, and opens it. */
  const openReferrer = async (): Promise<vscode.TextEditor> => {
    await cleanUp();
    const rapport = await api();
    const uri = fileUri('lens-referrer.md');
    writeFileSync(uri.fsPath, referrer);
    await waitFor(() => rapport.notes.workspace?.index.contact('lens-referrer'), 'the note to be indexed');
    return showAsWritten(uri, referrer);
  };

  test('the code lens creates the contact, links only the name on that line and opens the new note', async () => {
    const { document } = await openReferrer();
    const uri = document.uri;
    const lenses = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10);
      return found.filter((lens) => lens.command?.command === 'rapport.outcomes.addReferral').length === 2 && found;
    }, 'two code lenses');
    const rapportLenses = lenses.filter((lens) => lens.command?.command === 'rapport.outcomes.addReferral');
    assert.deepEqual(
      rapportLenses.map((lens) => [lens.range.start.line, lens.command!.title]),
      [
        [11, 'Add Nadia Farouk as a contact (referred by Lena Ortiz)'],
        [12, 'Add Omar Haddad as a contact (referred by Lena Ortiz)'],
      ],
    );
    const result = await vscode.commands.executeCommand<{ id: string; file: string; linked: boolean }>(rapportLenses[0]!.command!.command, ...rapportLenses[0]!.command!.arguments!);
    assert.deepEqual(result, { id: 'nadia-farouk', file: 'contacts/nadia-farouk.md', linked: true, existing: false, referredByAdded: false, linkedBefore: false });
    assert.equal(
      readText('lens-referrer.md'),
      lines(
        '---',
        'type: contact',
        'name: Lena Ortiz',
        'stage: held',
        'history:',
        '  - date: 2026-11-16',
        '    stage: held',
        '---',
        '',
        '## Outcomes',
        '',
        '- Referral: [[nadia-farouk]], analytics lead — "ask her about the grid team"',
        '- [ ] Referral: Omar Haddad (by 2026-12-01)',
        '- Referral: [[maya-chen]]',
        '',
      ),
    );
    assert.deepEqual(frontmatterOf(readText('contacts/nadia-farouk.md')), { type: 'contact', name: 'Nadia Farouk', stage: 'identified', source: 'referral', referred_by: '[[lens-referrer]]', history: '' });
    assert.ok(readText('contacts/nadia-farouk.md').includes(`date: ${TODAY}`));
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === fileUri('contacts/nadia-farouk.md').toString(), 'the new note to open');
    await waitFor(() => document.getText().includes('[[nadia-farouk]]'), 'the open referrer note to show the link');
    await cleanUp();
  });

  test('the code lens of a name that has a note already links that note, creating nothing', async () => {
    await cleanUp();
    const rapport = await api();
    const uri = fileUri('lens-referrer.md');
    const named = referrer.replace('- Referral: [[maya-chen]]', '- Referral: maya chen, her old manager');
    writeFileSync(uri.fsPath, named);
    await waitFor(() => rapport.notes.workspace?.index.contact('lens-referrer'), 'the note to be indexed');
    const maya = readText('maya-chen.md');
    await showAsWritten(uri, named);
    const lens = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10);
      return found.find((candidate) => candidate.command?.command === 'rapport.outcomes.addReferral' && candidate.range.start.line === 13);
    }, 'the code lens on the Maya Chen line');
    assert.equal(lens.command!.title, 'Link maya chen to [[maya-chen]] (referred by Lena Ortiz)');
    const result = await vscode.commands.executeCommand<{ id: string }>(lens.command!.command, ...lens.command!.arguments!);
    assert.deepEqual(result, { id: 'maya-chen', file: 'maya-chen.md', linked: true, existing: true, referredByAdded: false, linkedBefore: false });
    assert.equal(readText('lens-referrer.md'), named.replace('- Referral: maya chen,', '- Referral: [[maya-chen]],'));
    // She names Dana Okafor as her referrer already: her note is left as it was.
    assert.equal(readText('maya-chen.md'), maya);
    assert.ok(!rapport.notes.workspace?.index.contact('maya-chen-2'));
    await cleanUp();
  });

  test('the quick fix does the same for the line under the cursor, even with unsaved changes elsewhere in the note', async () => {
    const editor = await openReferrer();
    const { document } = editor;
    const uri = document.uri;
    assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(14, 0), '- Advice: keep it short\n')));
    assert.ok(document.isDirty);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(12, 5, 12, 5));
    const action = actions.find((candidate) => candidate.title === 'Add Omar Haddad as a contact (referred by Lena Ortiz)');
    assert.ok(action?.command, `offered: ${actions.map((candidate) => candidate.title).join(' | ')}`);
    assert.ok(!actions.some((candidate) => candidate.title.startsWith('Add Nadia Farouk')), 'only the line under the cursor');
    const result = await vscode.commands.executeCommand<{ id: string }>(action.command.command, ...action.command.arguments!);
    assert.equal(result?.id, 'omar-haddad');
    assert.equal(
      readText('lens-referrer.md'),
      lines(
        '---',
        'type: contact',
        'name: Lena Ortiz',
        'stage: held',
        'history:',
        '  - date: 2026-11-16',
        '    stage: held',
        '---',
        '',
        '## Outcomes',
        '',
        '- Referral: Nadia Farouk, analytics lead — "ask her about the grid team"',
        '- [ ] Referral: [[omar-haddad]] (by 2026-12-01)',
        '- Referral: [[maya-chen]]',
        '- Advice: keep it short',
        '',
      ),
    );
    assert.ok(existsSync(fileUri('contacts/omar-haddad.md').fsPath));
    assert.equal(frontmatterOf(readText('contacts/omar-haddad.md')).referred_by, '[[lens-referrer]]');
    await cleanUp();
  });

  test('the Referrals view lists the name under the referrer, and its New Contact links that line too', async () => {
    const rapport = await api();
    await openReferrer();
    const referrerNode = await waitFor(
      () => rapport.views.referrals.getChildren().find((node) => node.kind === 'contact' && node.contactId === 'lens-referrer'),
      'Lena Ortiz among the Referrals roots',
    );
    const children = rapport.views.referrals.getChildren(referrerNode);
    assert.deepEqual(
      children.map((node) => (node.kind === 'contact' ? node.label : node.kind === 'pendingReferral' ? `${node.target} (${node.name ?? 'link'})` : node.kind === 'unreadableReferral' ? `${node.target} (cannot be read)` : node.kind)),
      ['Maya Chen', 'Nadia Farouk (Nadia Farouk)', 'Omar Haddad (Omar Haddad)'],
    );
    const omar = children.find((node) => node.kind === 'pendingReferral' && node.target === 'Omar Haddad')!;
    const result = await vscode.commands.executeCommand<{ id: string }>('rapport.newContact', omar);
    assert.equal(result?.id, 'omar-haddad');
    assert.equal(readText('lens-referrer.md'), referrer.replace('- [ ] Referral: Omar Haddad', '- [ ] Referral: [[omar-haddad]]'));
    await waitFor(() => rapport.views.referrals.getChildren(referrerNode).some((node) => node.kind === 'contact' && node.contactId === 'omar-haddad'), 'Omar as a contact under Lena');
    await cleanUp();
  });
});
