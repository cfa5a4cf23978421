import * as vscode from 'vscode';
import type { Contact } from '@rapport/core';
import { registerCommand } from '../commands/run-command.js';
import type { Services } from '../services.js';
import { layoutReferrals } from './graph-layout.js';
import { graphSvg } from './graph-svg.js';

/** `rapport.openReferralGraph`: a panel drawing who led to whom; clicking a person opens their note. */
export function register(context: vscode.ExtensionContext, services: Services): void {
  let panel: vscode.WebviewPanel | undefined;

  const render = () => {
    const workspace = services.notes.workspace;
    if (!panel || !workspace) return;
    const contacts = new Map<string, Contact>(workspace.index.contacts().map((contact) => [contact.id, contact]));
    const layout = layoutReferrals(workspace.index.referralGraph(), contacts);
    panel.webview.html = graphHtml(layout.nodes.length === 0 ? '<p>No referrals yet.</p>' : graphSvg(layout), nonce());
  };

  context.subscriptions.push(
    registerCommand(services, 'rapport.openReferralGraph', async () => {
      await services.notes.requireWorkspace();
      if (panel) {
        panel.reveal();
        return { opened: true };
      }
      panel = vscode.window.createWebviewPanel('rapport.referralGraph', 'Referral Graph', vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [] });
      panel.onDidDispose(() => (panel = undefined));
      panel.webview.onDidReceiveMessage((message: { open?: unknown }) => {
        if (typeof message.open === 'string') void vscode.window.showTextDocument(services.notes.uriOf(message.open), { preview: true });
      });
      render();
      return { opened: true };
    }),
    services.notes.onDidChange(render),
    { dispose: () => panel?.dispose() },
  );
}

function graphHtml(body: string, scriptNonce: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${scriptNonce}';">
<style>
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 8px; }
.node rect { fill: var(--vscode-editorWidget-background); stroke: var(--vscode-focusBorder); }
.node[data-file] { cursor: pointer; }
.node[data-file]:hover rect, .node[data-file]:focus rect { fill: var(--vscode-list-hoverBackground); }
.node.pending rect { stroke-dasharray: 4 3; stroke: var(--vscode-descriptionForeground); }
.label { font-size: 13px; fill: var(--vscode-foreground); }
.detail { font-size: 11px; fill: var(--vscode-descriptionForeground); }
.edge { fill: none; stroke: var(--vscode-descriptionForeground); stroke-width: 1.3; }
.edge.pending { stroke-dasharray: 4 3; }
marker path { fill: var(--vscode-descriptionForeground); }
</style></head><body>${body}
<script nonce="${scriptNonce}">
const vscode = acquireVsCodeApi();
const open = (event) => { const node = event.target.closest('[data-file]'); if (node) vscode.postMessage({ open: node.getAttribute('data-file') }); };
document.addEventListener('click', open);
document.addEventListener('keydown', (event) => { if (event.key === 'Enter') open(event); });
</script></body></html>`;
}

function nonce(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
