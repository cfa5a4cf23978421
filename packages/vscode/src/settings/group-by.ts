import * as vscode from 'vscode';
import { GROUP_BY, type GroupBy } from './read-settings.js';

const KEY = 'rapport.contacts.groupBy';

/**
 * How the Contacts view groups contacts: the choice made with "Group
 * Contacts By…", remembered for this workspace only (workspaceState, not
 * the notes folder's `.vscode/settings.json`, which the user keeps in git);
 * without one, the `rapport.contacts.groupBy` setting. Changing that setting
 * drops the remembered choice: the newer word wins.
 */
export class GroupByChoice implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<GroupBy>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly state: vscode.Memento,
    private readonly setting: () => GroupBy,
  ) {
    this.subscription = vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration('rapport.contacts.groupBy')) return;
      await this.state.update(KEY, undefined);
      this.changed.fire(this.current);
    });
  }

  get current(): GroupBy {
    const remembered = this.state.get<string>(KEY);
    return remembered !== undefined && (GROUP_BY as readonly string[]).includes(remembered) ? (remembered as GroupBy) : this.setting();
  }

  async choose(groupBy: GroupBy): Promise<void> {
    await this.state.update(KEY, groupBy);
    this.changed.fire(groupBy);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
