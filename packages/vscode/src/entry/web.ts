// The browser entry (`browser`: dist/web/extension.js): the web-worker
// extension host of vscode.dev and github.dev, with no Node at all.
import type * as vscode from 'vscode';
import type { RapportApi } from '../api.js';
import { activateOn } from '../extension.js';
import { webPlatform } from '../platform/web.js';

export function activate(context: vscode.ExtensionContext): RapportApi {
  return activateOn(webPlatform(context.storageUri), context);
}

export function deactivate(): void {}
