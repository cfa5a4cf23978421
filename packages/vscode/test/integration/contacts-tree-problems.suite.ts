import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import type { ContactsNode } from '../../src/contacts-tree/contacts-provider.js';
import { api, fileUri, waitFor } from './fixture.js';
import { suite, test } from './runner.js';

async function rows(): Promise<{ group: string; id: string; description: string; icon: string }[]> {
  const rapport = await api();
  const tree = rapport.views.contacts;
  return tree.getChildren().flatMap((group: ContactsNode) =>
    group.kind !== 'group'
      ? []
      : tree.getChildren(group).flatMap((node) => {
          if (node.kind !== 'contact') return [];
          const item = tree.getTreeItem(node);
          return [{ group: group.group.label, id: node.contactId, description: String(item.description), icon: (item.iconPath as { id: string }).id }];
        }),
  );
}

suite('Contacts tree problems', () => {
  test('a contact with an unknown stage is shown under "unknown stage" as an error, not under identified', async () => {
    const rapport = await api();
    const uri = fileUri('odd-stage.md');
    writeFileSync(uri.fsPath, ['---', 'type: contact', 'name: Odd Stage', 'stage: interviewing', 'history:', '  - date: 2026-11-20', '    stage: identified', '---', ''].join('\n'));
    await waitFor(() => rapport.notes.workspace?.index.contact('odd-stage'), 'the note indexed');
    const odd = (await rows()).filter((row) => row.id === 'odd-stage');
    assert.deepEqual(odd, [{ group: 'unknown stage', id: 'odd-stage', description: 'unknown stage "interviewing"', icon: 'error' }]);
    assert.equal(rapport.views.contacts.getChildren()[0]?.kind === 'group' && (rapport.views.contacts.getChildren()[0] as { group: { label: string } }).group.label, 'unknown stage', 'the group comes first');
    rmSync(uri.fsPath);
    await waitFor(() => !rapport.notes.workspace?.index.contact('odd-stage'), 'the note gone');
  });
});
