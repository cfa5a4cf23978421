import * as vscode from 'vscode';

/** One choice of a quick pick, carrying the value it stands for. */
export interface PickItem<T> {
  readonly label: string;
  readonly description?: string;
  readonly detail?: string;
  readonly value: T;
  readonly picked?: boolean;
}

interface Step {
  /** Stable id of the question (`contact.name`), so a scripted test can answer it. */
  readonly id: string;
  readonly title: string;
  readonly step?: number;
  readonly totalSteps?: number;
}

export interface InputRequest extends Step {
  readonly prompt: string;
  readonly placeholder?: string;
  readonly value?: string;
  /** Returns a message when the value is not acceptable. */
  readonly validate?: (value: string) => string | undefined;
}

export interface PickRequest<T> extends Step {
  readonly placeholder: string;
  readonly items: readonly PickItem<T>[];
  /** The item Enter picks before the user moves; default the first. */
  readonly focus?: T;
  /** Focus no item, so that Enter picks nothing until the user moves to one or types: for a question with no likely answer. Default false. */
  readonly noDefault?: boolean;
}

export interface FileRequest extends Step {
  readonly defaultUri?: vscode.Uri;
  readonly filters: Record<string, string[]>;
}

/**
 * Every question a command asks the user. Commands talk to this interface
 * only, so integration tests drive the real commands by answering it
 * (`ScriptedPrompts`) while the browser test uses the real quick inputs.
 * Each method resolves `undefined` when the user cancels.
 */
export interface Prompts {
  input(request: InputRequest): Promise<string | undefined>;
  pick<T>(request: PickRequest<T>): Promise<T | undefined>;
  pickMany<T>(request: PickRequest<T>): Promise<readonly T[] | undefined>;
  saveFile(request: FileRequest): Promise<vscode.Uri | undefined>;
  openFile(request: FileRequest): Promise<vscode.Uri | undefined>;
  /** Shows a result; resolves the action picked, if any. */
  info(message: string, ...actions: string[]): Promise<string | undefined>;
  error(message: string): Promise<void>;
}

/** The prompts of the VS Code UI. */
export class WindowPrompts implements Prompts {
  async input(request: InputRequest): Promise<string | undefined> {
    return vscode.window.showInputBox({
      title: stepTitle(request),
      prompt: request.prompt,
      ignoreFocusOut: true,
      ...(request.placeholder ? { placeHolder: request.placeholder } : {}),
      ...(request.value ? { value: request.value } : {}),
      ...(request.validate ? { validateInput: request.validate } : {}),
    });
  }

  async pick<T>(request: PickRequest<T>): Promise<T | undefined> {
    if (request.focus !== undefined || request.noDefault) return pickWithFocus(request);
    const picked = await vscode.window.showQuickPick(request.items.map(toQuickPickItem), { title: stepTitle(request), placeHolder: request.placeholder, ignoreFocusOut: true, matchOnDescription: true });
    return picked?.value;
  }

  async pickMany<T>(request: PickRequest<T>): Promise<readonly T[] | undefined> {
    const picked = await vscode.window.showQuickPick(request.items.map(toQuickPickItem), { title: stepTitle(request), placeHolder: request.placeholder, ignoreFocusOut: true, canPickMany: true, matchOnDescription: true });
    return picked?.map((item) => item.value);
  }

  async saveFile(request: FileRequest): Promise<vscode.Uri | undefined> {
    return vscode.window.showSaveDialog({ title: request.title, filters: request.filters, ...(request.defaultUri ? { defaultUri: request.defaultUri } : {}) });
  }

  async openFile(request: FileRequest): Promise<vscode.Uri | undefined> {
    const picked = await vscode.window.showOpenDialog({ title: request.title, filters: request.filters, canSelectMany: false, ...(request.defaultUri ? { defaultUri: request.defaultUri } : {}) });
    return picked?.[0];
  }

  async info(message: string, ...actions: string[]): Promise<string | undefined> {
    return vscode.window.showInformationMessage(message, ...actions);
  }

  async error(message: string): Promise<void> {
    await vscode.window.showErrorMessage(message);
  }
}

/** Holds the prompts in use; tests swap in scripted ones for a while. */
export class PromptHost implements Prompts {
  private current: Prompts = new WindowPrompts();

  /** Uses `prompts` until the returned disposable is disposed. */
  use(prompts: Prompts): vscode.Disposable {
    const previous = this.current;
    this.current = prompts;
    return new vscode.Disposable(() => {
      this.current = previous;
    });
  }

  input(request: InputRequest): Promise<string | undefined> {
    return this.current.input(request);
  }
  pick<T>(request: PickRequest<T>): Promise<T | undefined> {
    return this.current.pick(request);
  }
  pickMany<T>(request: PickRequest<T>): Promise<readonly T[] | undefined> {
    return this.current.pickMany(request);
  }
  saveFile(request: FileRequest): Promise<vscode.Uri | undefined> {
    return this.current.saveFile(request);
  }
  openFile(request: FileRequest): Promise<vscode.Uri | undefined> {
    return this.current.openFile(request);
  }
  info(message: string, ...actions: string[]): Promise<string | undefined> {
    return this.current.info(message, ...actions);
  }
  error(message: string): Promise<void> {
    return this.current.error(message);
  }
}

function stepTitle(request: Step): string {
  return request.step !== undefined && request.totalSteps !== undefined ? `${request.title} (${request.step}/${request.totalSteps})` : request.title;
}

/** `showQuickPick` always focuses the first item; a quick pick built by hand can focus another one, or none. */
function pickWithFocus<T>(request: PickRequest<T>): Promise<T | undefined> {
  const quickPick = vscode.window.createQuickPick<vscode.QuickPickItem & { value: T }>();
  const items = request.items.map(toQuickPickItem);
  quickPick.title = stepTitle(request);
  quickPick.placeholder = request.placeholder;
  quickPick.ignoreFocusOut = true;
  quickPick.matchOnDescription = true;
  quickPick.items = items;
  const focused = request.noDefault ? [] : items.filter((item) => item.value === request.focus);
  if (focused.length > 0 || request.noDefault) quickPick.activeItems = focused;
  return new Promise((resolve) => {
    let picked: T | undefined;
    quickPick.onDidAccept(() => {
      const accepted = quickPick.selectedItems[0] ?? quickPick.activeItems[0];
      // Enter with no item focused (noDefault): the question stays until one is picked or it is cancelled.
      if (!accepted) return;
      picked = accepted.value;
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      quickPick.dispose();
      resolve(picked);
    });
    quickPick.show();
  });
}

function toQuickPickItem<T>(item: PickItem<T>): vscode.QuickPickItem & { value: T } {
  return {
    label: item.label,
    value: item.value,
    ...(item.description ? { description: item.description } : {}),
    ...(item.detail ? { detail: item.detail } : {}),
    ...(item.picked ? { picked: true } : {}),
  };
}
