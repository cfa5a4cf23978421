import assert from 'node:assert/strict';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { api, closeEditors, fileUri, waitFor, withPrompts } from './fixture.js';
import { suite, test } from './runner.js';
import { ScriptedPrompts } from './scripted-prompts.js';

const lines = (...text: string[]) => text.join('\n');

/** Writes `text` as `file`, waits for its diagnostic of `rule`, opens it, and returns the quick fixes offered for it. */
async function fixesFor(file: string, text: string, rule: string): Promise<{ document: vscode.TextDocument; actions: vscode.CodeAction[] }> {
  await api();
  const uri = fileUri(file);
  writeFileSync(uri.fsPath, text);
  const problem = await waitFor(
    () => vscode.languages.getDiagnostics(uri).find((diagnostic) => diagnostic.source === 'rapport' && diagnostic.code === rule),
    () => `a ${rule} diagnostic on ${file}; shown: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((diagnostic) => diagnostic.code))}`,
  );
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, problem.range);
  return { document, actions: actions.filter((action) => action.diagnostics?.some((diagnostic) => diagnostic.code === rule) ?? true) };
}

async function apply(actions: vscode.CodeAction[], title: string, answers: ConstructorParameters<typeof ScriptedPrompts>[0] = {}): Promise<void> {
  const action = actions.find((candidate) => candidate.title === title);
  assert.ok(action, `"${title}" offered; offered: ${actions.map((candidate) => candidate.title).join(' | ')}`);
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit));
  if (action.command) {
    const prompts = new ScriptedPrompts(answers);
    await withPrompts(prompts, () => vscode.commands.executeCommand(action.command!.command, ...(action.command!.arguments ?? [])));
    assert.deepEqual(prompts.errors, []);
  }
}

async function done(file: string): Promise<void> {
  await closeEditors();
  rmSync(fileUri(file).fsPath, { force: true });
}

suite('Quick fixes', () => {
  const mismatch = lines('---', 'type: contact', 'name: Ana Lima', 'stage: held', 'history:', '  - date: 2026-11-10', '    stage: scheduled', '---', '');

  test('stage/history mismatch: record the stage in the history', async () => {
    const { document, actions } = await fixesFor('fix-mismatch-1.md', mismatch, 'stage-history-mismatch');
    assert.match(vscode.languages.getDiagnostics(document.uri).find((diagnostic) => diagnostic.code === 'stage-history-mismatch')!.message, /Quick fix: record the stage in the history, or set the stage to the last entry's$/);
    await apply(actions, 'Record "held" in the history (dated 2026-11-23)');
    assert.equal(document.getText(), lines('---', 'type: contact', 'name: Ana Lima', 'stage: held', 'history:', '  - date: 2026-11-10', '    stage: scheduled', '  - date: 2026-11-23', '    stage: held', '---', ''));
    await done('fix-mismatch-1.md');
  });

  test('stage/history mismatch: set the stage back', async () => {
    const { document, actions } = await fixesFor('fix-mismatch-2.md', mismatch, 'stage-history-mismatch');
    await apply(actions, 'Set the stage back to "scheduled" (the last history entry)');
    assert.equal(document.lineAt(3).text, 'stage: scheduled');
    await done('fix-mismatch-2.md');
  });

  test('a value YAML misreads (a `: ` inside it): the quick fix puts it in quotes, and the contact reads again', async () => {
    const typo = lines('---', 'type: contact', 'name: Sam Whitaker', 'stage: identified', 'history:', '  - date: 2026-11-10', '    stage: identified', '    note: Met at the fair. Update: now Dec 8', '---', '');
    const { document, actions } = await fixesFor('fix-yaml-quote.md', typo, 'yaml-syntax');
    const title = 'Put the value in quotes: "Met at the fair. Update: now Dec 8"';
    assert.deepEqual(
      actions.filter((action) => action.isPreferred).map((action) => action.title),
      [title],
    );
    await apply(actions, title);
    assert.equal(document.lineAt(7).text, '    note: "Met at the fair. Update: now Dec 8"');
    await document.save();
    const rapport = await api();
    await waitFor(() => rapport.notes.workspace?.index.contact('fix-yaml-quote')?.history[0]?.note === 'Met at the fair. Update: now Dec 8', 'the contact read again');
    await done('fix-yaml-quote.md');
  });

  test('a quote never closed: the quick fix closes it at the end of the line, and the contact reads again', async () => {
    const typo = lines('---', 'type: contact', 'name: Sam Whitaker', 'role: "Research lead  ', 'stage: identified', 'history:', '  - date: 2026-11-10', '    stage: identified', '---', '');
    const { document, actions } = await fixesFor('fix-yaml-unclosed.md', typo, 'yaml-syntax');
    const title = 'Close the quote: add " at the end of the line';
    assert.deepEqual(
      actions.filter((action) => action.isPreferred).map((action) => action.title),
      [title],
    );
    await apply(actions, title);
    assert.equal(document.lineAt(3).text, 'role: "Research lead"  ');
    await document.save();
    const rapport = await api();
    await waitFor(() => rapport.notes.workspace?.index.contact('fix-yaml-unclosed')?.role === 'Research lead', 'the contact read again');
    await done('fix-yaml-unclosed.md');
  });

  test('a list never closed: the closing bracket goes before a comment on the line', async () => {
    const typo = lines('---', 'type: contact', 'name: Sam Whitaker', 'stage: identified', 'tags: [ux, research  # from the fair', 'history:', '  - date: 2026-11-10', '    stage: identified', '---', '');
    const { document, actions } = await fixesFor('fix-yaml-bracket.md', typo, 'yaml-syntax');
    await apply(actions, 'Close the list: add ] at the end of the line');
    assert.equal(document.lineAt(4).text, 'tags: [ux, research]  # from the fair');
    await document.save();
    const rapport = await api();
    await waitFor(() => rapport.notes.workspace?.index.contact('fix-yaml-bracket')?.tags.join(',') === 'ux,research', 'the contact read again');
    await done('fix-yaml-bracket.md');
  });

  test('stage/history mismatch with the history ahead (an entry added by hand): setting the stage forward comes first, as Enter takes it', async () => {
    const ahead = lines('---', 'type: contact', 'name: Rosa Diaz', 'stage: identified', 'history:', '  - date: 2026-11-10', '    stage: identified', '  - date: 2026-11-20', '    stage: contacted', '    via: email', '---', '');
    const { document, actions } = await fixesFor('fix-mismatch-3.md', ahead, 'stage-history-mismatch');
    assert.deepEqual(
      actions.map((action) => [action.title, action.isPreferred === true]),
      [
        ['Set the stage forward to "contacted" (the last history entry)', true],
        ['Record "identified" in the history (dated 2026-11-23), after "contacted"', false],
      ],
    );
    await apply(actions, 'Set the stage forward to "contacted" (the last history entry)');
    assert.equal(document.lineAt(3).text, 'stage: contacted');
    await done('fix-mismatch-3.md');
  });

  const unresolved = lines('---', 'type: contact', 'name: Link Fix', 'stage: identified', 'referred_by: "[[mya-chen]]"', 'history:', '  - date: 2026-11-10', '    stage: identified', '---', '');

  test('a referral named under another contact\'s Outcomes: add referred_by (and source, when none is written)', async () => {
    await api();
    writeFileSync(fileUri('fix-referrer.md').fsPath, lines('---', 'type: contact', 'name: Hana Ito', 'stage: thanked', '---', '', '## Outcomes', '', '- Referral: [[fix-referral]], runs the buildings team', ''));
    const { document, actions } = await fixesFor('fix-referral.md', lines('---', 'type: contact', 'name: Kwame Mensah', 'stage: identified', '---', ''), 'unrecorded-referral');
    assert.equal(
      vscode.languages.getDiagnostics(document.uri).find((diagnostic) => diagnostic.code === 'unrecorded-referral')!.message,
      'Hana Ito names Kwame Mensah as a referral (fix-referrer.md:9), but this note has no `referred_by`: letters and the agenda take Kwame Mensah for a cold contact. Add referred_by: "[[fix-referrer]]" (and source: referral) to the frontmatter',
    );
    await apply(actions, 'Add referred_by: "[[fix-referrer]]"');
    assert.equal(document.getText(), lines('---', 'type: contact', 'name: Kwame Mensah', 'stage: identified', 'referred_by: "[[fix-referrer]]"', 'source: referral', '---', ''));
    await done('fix-referral.md');
    rmSync(fileUri('fix-referrer.md').fsPath, { force: true });
  });

  test('unresolved link: pick an existing contact', async () => {
    const { document, actions } = await fixesFor('fix-link-1.md', unresolved, 'unresolved-link');
    await apply(actions, 'Link to an existing contact…', { 'fix.link': 'maya-chen' });
    assert.equal(document.lineAt(4).text, 'referred_by: "[[maya-chen]]"');
    await done('fix-link-1.md');
  });

  test('unresolved link: create the contact', async () => {
    const rapport = await api();
    const { actions } = await fixesFor('fix-link-2.md', unresolved, 'unresolved-link');
    await apply(actions, 'Create the contact "Mya Chen" (mya-chen.md)', { 'contact.organization': '', 'contact.role': '', 'contact.source': 'referral', 'contact.referredBy': 'Maya Chen' });
    const created = await waitFor(() => rapport.notes.workspace?.index.contact('mya-chen'), 'the new contact');
    assert.equal(created.name, 'Mya Chen');
    await waitFor(() => !vscode.languages.getDiagnostics(fileUri('fix-link-2.md')).some((diagnostic) => diagnostic.code === 'unresolved-link'), 'the link to resolve');
    await done('fix-link-2.md');
    rmSync(fileUri(created.file).fsPath);
    assert.equal(existsSync(fileUri(created.file).fsPath), false);
  });

  test('link to a note that cannot be read: open that note, rather than create a second one', async () => {
    await api();
    const brokenUri = fileUri('mya-chen.md');
    writeFileSync(brokenUri.fsPath, lines('---', 'type: contact', 'name: Mya Chen', '<<<<<<< HEAD', 'stage: held', '=======', 'stage: thanked', '>>>>>>> other', '---', ''));
    await waitFor(() => vscode.languages.getDiagnostics(brokenUri).some((diagnostic) => diagnostic.code === 'merge-conflict'), 'the merge conflict in mya-chen.md');
    const { actions } = await fixesFor('fix-link-3.md', unresolved, 'unresolved-link');
    const problem = vscode.languages.getDiagnostics(fileUri('fix-link-3.md')).find((diagnostic) => diagnostic.code === 'unresolved-link')!;
    assert.equal(problem.message, '`referred_by` points at "mya-chen", whose note mya-chen.md cannot be read. Fix mya-chen.md (its own error says how); the link then resolves');
    assert.deepEqual(actions.map((action) => action.title), ['Open mya-chen.md, which cannot be read']);
    // The link itself still leads there, and its hover says why the contact is not shown.
    const [link] = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', fileUri('fix-link-3.md'));
    assert.equal(link?.target?.fsPath, brokenUri.fsPath);
    assert.equal(link?.tooltip, 'Open mya-chen.md (it cannot be read)');
    const [hover] = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', fileUri('fix-link-3.md'), new vscode.Position(4, 18));
    assert.equal((hover?.contents[0] as vscode.MarkdownString).value, '`mya-chen.md` cannot be read (line 4: Merge conflict: resolve it, keep the side you want). Fix it and the link leads to the contact again.');
    await apply(actions, 'Open mya-chen.md, which cannot be read');
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.fsPath === brokenUri.fsPath, 'mya-chen.md open');
    await done('mya-chen.md');
    await done('fix-link-3.md');
  });

  test('tags not a list: write them as one', async () => {
    const { document, actions } = await fixesFor('fix-tags.md', lines('---', 'type: contact', 'name: Tag Fix', 'stage: identified', 'tags: ux, health', '---', ''), 'invalid-type');
    await apply(actions, 'Write the tags as a list');
    assert.equal(document.getText(), lines('---', 'type: contact', 'name: Tag Fix', 'stage: identified', 'tags:', '  - ux', '  - health', '---', ''));
    await done('fix-tags.md');
  });

  test('missing name: add it from the heading', async () => {
    const { document, actions } = await fixesFor('fix-name.md', lines('---', 'type: contact', 'stage: identified', '---', '', '# Nina Park', ''), 'missing-field');
    await apply(actions, 'Add "name: Nina Park"');
    assert.equal(document.getText(), lines('---', 'type: contact', 'name: Nina Park', 'stage: identified', '---', '', '# Nina Park', ''));
    await done('fix-name.md');
  });

  test('empty name: fill it in from the heading, on its own line', async () => {
    const { document, actions } = await fixesFor('fix-empty-name.md', lines('---', 'type: contact', 'name:', 'stage: identified', '---', '', '# Nina Park', ''), 'missing-field');
    assert.deepEqual(actions.map((action) => action.title), ['Set "name: Nina Park"']);
    await apply(actions, 'Set "name: Nina Park"');
    assert.equal(document.getText(), lines('---', 'type: contact', 'name: Nina Park', 'stage: identified', '---', '', '# Nina Park', ''));
    await done('fix-empty-name.md');
    // An empty quoted name keeps its quotes, as any edit of a value keeps its style.
    const quoted = await fixesFor('fix-empty-quoted-name.md', lines('---', 'type: contact', 'name: ""', 'stage: identified', '---', '', '# Nina Park', ''), 'missing-field');
    await apply(quoted.actions, 'Set "name: Nina Park"');
    assert.equal(quoted.document.getText(), lines('---', 'type: contact', 'name: "Nina Park"', 'stage: identified', '---', '', '# Nina Park', ''));
    await done('fix-empty-quoted-name.md');
  });

  test('duplicate keys: keep the first, or the last', async () => {
    const text = lines('---', 'type: contact', 'name: Twice', 'industry: Health', 'stage: identified', 'industry: Telehealth', '---', '');
    const first = await fixesFor('fix-duplicate-1.md', text, 'yaml-syntax');
    await apply(first.actions, 'Keep the first "industry" (line 4), delete the others');
    assert.equal(first.document.getText(), lines('---', 'type: contact', 'name: Twice', 'industry: Health', 'stage: identified', '---', ''));
    await done('fix-duplicate-1.md');
    const last = await fixesFor('fix-duplicate-2.md', text, 'yaml-syntax');
    await apply(last.actions, 'Keep the last "industry" (line 6), delete the others');
    assert.equal(last.document.getText(), lines('---', 'type: contact', 'name: Twice', 'stage: identified', 'industry: Telehealth', '---', ''));
    await done('fix-duplicate-2.md');
  });

  test('keeping the first or the last key is offered on the repeated key only, not on another YAML mistake of the note', async () => {
    // 0-based line 4 `role: Lead: Data` is a mistake of its own; line 6 repeats `industry` from line 3.
    const text = lines('---', 'type: contact', 'name: Twice', 'industry: Health', 'role: Lead: Data', 'stage: identified', 'industry: Telehealth', '---', '');
    await api();
    const uri = fileUri('fix-duplicate-other.md');
    writeFileSync(uri.fsPath, text);
    const problems = await waitFor(
      () => {
        const shown = vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'rapport' && diagnostic.code === 'yaml-syntax');
        return shown.length === 2 && shown;
      },
      () => `two yaml-syntax diagnostics; shown: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((diagnostic) => [diagnostic.code, diagnostic.range.start.line]))}`,
    );
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const offeredOnLine = async (line: number) => {
      const problem = problems.find((diagnostic) => diagnostic.range.start.line === line);
      assert.ok(problem, `a diagnostic on line ${line}`);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, problem.range);
      return actions.map((action) => action.title).sort();
    };
    assert.deepEqual(await offeredOnLine(4), ['Put the value in quotes: "Lead: Data"']);
    assert.deepEqual(await offeredOnLine(6), ['Keep the first "industry" (line 4), delete the others', 'Keep the last "industry" (line 7), delete the others']);
    await done('fix-duplicate-other.md');
  });

  test('bad date: rewrite it as YYYY-MM-DD, or pick one', async () => {
    const text = lines('---', 'type: contact', 'name: Date Fix', 'stage: identified', 'history:', '  - date: 2026/11/3', '    stage: identified', '---', '');
    const rewrite = await fixesFor('fix-date-1.md', text, 'invalid-date');
    await apply(rewrite.actions, 'Change the date to 2026-11-03');
    assert.equal(rewrite.document.lineAt(5).text, '  - date: 2026-11-03');
    await done('fix-date-1.md');
    const picked = await fixesFor('fix-date-2.md', text, 'invalid-date');
    await apply(picked.actions, 'Pick a date…', { 'fix.date': '2026-11-04' });
    assert.equal(picked.document.lineAt(5).text, '  - date: 2026-11-04');
    await done('fix-date-2.md');
  });

  test('a day the calendar lacks: one error, no warning that follows from it, and the date offered as written to correct', async () => {
    const text = lines('---', 'type: contact', 'name: Owen Park', 'stage: contacted', 'history:', '  - date: 2026-11-18', '    stage: identified', '  - date: 2026-11-31', '    stage: contacted', '---', '');
    const { document, actions } = await fixesFor('fix-date-3.md', text, 'invalid-date');
    assert.deepEqual(vscode.languages.getDiagnostics(document.uri).map((diagnostic) => [diagnostic.range.start.line, diagnostic.code]), [[7, 'invalid-date']]);
    const action = actions.find((candidate) => candidate.title === 'Pick a date…');
    assert.ok(action?.command);
    const prompts = new ScriptedPrompts({ 'fix.date': '2026-11-30' });
    await withPrompts(prompts, () => vscode.commands.executeCommand(action.command!.command, ...(action.command!.arguments ?? [])));
    assert.equal(prompts.prefilled.get('fix.date'), '2026-11-31');
    assert.equal(document.lineAt(7).text, '  - date: 2026-11-30');
    await done('fix-date-3.md');
  });
});
