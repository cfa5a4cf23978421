// The desktop entry (`main`: dist/extension.cjs): the Node extension host.
import type * as vscode from 'vscode';
import type { RapportApi } from '../api.js';
import { activateOn } from '../extension.js';
import { nodePlatform } from '../platform/node.js';

export function activate(context: vscode.ExtensionContext): RapportApi {
  return activateOn(nodePlatform(context.storageUri), context);
}

export function deactivate(): void {}
