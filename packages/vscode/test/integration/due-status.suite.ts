import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { api, folder, setSetting, waitFor } from './fixture.js';
import { suite, test } from './runner.js';

/** A contact whose own `next:` says what is due when. */
function withNext(name: string, due: string): string {
  return ['---', 'type: contact', `name: ${name}`, 'stage: nurturing', 'history:', '  - date: 2026-11-01', '    stage: nurturing', 'next:', `  action: Write to ${name}`, `  due: ${due}`, '---', ''].join('\n');
}

suite('Due status', () => {
  test('the status bar and the Agenda badge say how many are due today and how many are overdue', async () => {
    const rapport = await api();
    const notes = join(folder(), 'due-status');
    mkdirSync(notes, { recursive: true });
    writeFileSync(join(notes, 'today-one.md'), withNext('Today One', '2026-11-23'));
    writeFileSync(join(notes, 'late-one.md'), withNext('Late One', '2026-11-02'));
    writeFileSync(join(notes, 'late-two.md'), withNext('Late Two', '2026-11-20'));
    writeFileSync(join(notes, 'later-one.md'), withNext('Later One', '2026-12-15'));
    await setSetting('notesFolder', 'due-status');
    try {
      await waitFor(() => rapport.notes.root?.path.endsWith('/due-status') && rapport.notes.state === 'ready' && rapport.notes.workspace?.index.contacts().length === 4, 'the four notes');
      const shown = await waitFor(() => rapport.status.shown?.text === '$(checklist) 1 due today, 2 overdue' && rapport.status.shown, () => `the status, now ${JSON.stringify(rapport.status.shown)}`);
      assert.deepEqual(shown, {
        text: '$(checklist) 1 due today, 2 overdue',
        tooltip: 'Rapport agenda: 1 due today, 2 overdue. Click to open the Agenda.',
        badge: { value: 3, tooltip: '1 due today, 2 overdue' },
      });
    } finally {
      await setSetting('notesFolder', undefined);
      await waitFor(async () => !rapport.notes.root?.path.endsWith('/due-status') && (await rapport.notes.whenLoaded())?.index.contacts().length, 'the example folder to load again');
      rmSync(notes, { recursive: true });
    }
  });
});
