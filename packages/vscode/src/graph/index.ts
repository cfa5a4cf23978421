import * as vscode from 'vscode';
import { loadSlugger, type Contact } from '@rapport/core';
import { registerCommand } from '../commands/run-command.js';
import type { Services } from '../services.js';
import { layoutReferrals } from './graph-layout.js';
import { graphSvg } from './graph-svg.js';

/** `rapport.openReferralGraph`: a panel drawing who led to whom, fitted to the panel (zoom, pan); clicking a person opens their note. */
export function register(context: vscode.ExtensionContext, services: Services): { html(): string | undefined } {
  let panel: vscode.WebviewPanel | undefined;

  const render = async () => {
    // A name and a link to the id it gets are one person: the slugger says which id a name gets.
    const contactSlug = await loadSlugger();
    const workspace = services.notes.workspace;
    if (!panel || !workspace) return;
    const contacts = new Map<string, Contact>(workspace.index.contacts().map((contact) => [contact.id, contact]));
    const layout = layoutReferrals(workspace.index.referralGraph({ contactSlug }), contacts);
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
      await render();
      return { opened: true };
    }),
    services.notes.onDidChange(() => void render()),
    { dispose: () => panel?.dispose() },
  );
  return { html: () => panel?.webview.html };
}

function graphHtml(body: string, scriptNonce: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${scriptNonce}';">
<style>
html, body { height: 100%; margin: 0; padding: 0; overflow: hidden; }
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); }
#graph { display: block; width: 100vw; height: 100vh; cursor: grab; }
#graph.panning { cursor: grabbing; }
.toolbar { position: fixed; top: 8px; right: 8px; display: flex; gap: 4px; }
.toolbar button { font: inherit; color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); border: none; padding: 3px 9px; border-radius: 2px; cursor: pointer; }
.toolbar button:hover { background: var(--vscode-button-secondaryHoverBackground); }
.hint { position: fixed; bottom: 6px; left: 10px; font-size: 11px; color: var(--vscode-descriptionForeground); }
p { padding: 8px; }
.node rect { fill: var(--vscode-editorWidget-background); stroke: var(--vscode-focusBorder); }
.node[data-file] { cursor: pointer; }
.node[data-file]:hover rect, .node[data-file]:focus rect { fill: var(--vscode-list-hoverBackground); }
.node.pending rect { stroke-dasharray: 4 3; stroke: var(--vscode-descriptionForeground); }
.label { font-size: 16px; font-weight: 600; fill: var(--vscode-foreground); }
.detail { font-size: 13px; fill: var(--vscode-descriptionForeground); }
.edge { fill: none; stroke: var(--vscode-descriptionForeground); stroke-width: 1.3; }
.edge.pending { stroke-dasharray: 4 3; }
marker path { fill: var(--vscode-descriptionForeground); }
</style></head><body>${body}
<div class="toolbar"><button id="zoom-in" title="Zoom in (+)">+</button><button id="zoom-out" title="Zoom out (-)">−</button><button id="fit" title="Fit the whole graph (0)">Fit</button></div>
<div class="hint">Drag to pan · wheel or +/− to zoom · 0 to fit · click a person to open their note</div>
<script nonce="${scriptNonce}">
const vscode = acquireVsCodeApi();
const svg = document.getElementById('graph');
const full = svg ? { x: 0, y: 0, w: Number(svg.dataset.width), h: Number(svg.dataset.height) } : undefined;
let view = full && { ...full };
const show = () => svg && svg.setAttribute('viewBox', view.x + ' ' + view.y + ' ' + view.w + ' ' + view.h);
const fit = () => { if (full) { view = { ...full }; show(); } };
// Zooms around a point given in the panel's pixels (the centre by default).
const zoom = (factor, px, py) => {
  if (!svg) return;
  const box = svg.getBoundingClientRect();
  const scale = Math.max(view.w / box.width, view.h / box.height);
  const cx = view.x + ((px ?? box.width / 2) - (box.width - view.w / scale) / 2) * scale;
  const cy = view.y + ((py ?? box.height / 2) - (box.height - view.h / scale) / 2) * scale;
  const w = Math.min(Math.max(view.w * factor, full.w / 8), full.w * 4);
  const h = view.h * (w / view.w);
  view = { x: cx - (cx - view.x) * (w / view.w), y: cy - (cy - view.y) * (h / view.h), w, h };
  show();
};
let drag;
let moved = false;
if (svg) {
  svg.addEventListener('wheel', (event) => { event.preventDefault(); zoom(event.deltaY > 0 ? 1.15 : 1 / 1.15, event.offsetX, event.offsetY); }, { passive: false });
  svg.addEventListener('pointerdown', (event) => { drag = { x: event.clientX, y: event.clientY, view: { ...view } }; moved = false; });
  window.addEventListener('pointermove', (event) => {
    if (!drag) return;
    const box = svg.getBoundingClientRect();
    const scale = Math.max(view.w / box.width, view.h / box.height);
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) { moved = true; svg.classList.add('panning'); }
    view = { ...drag.view, x: drag.view.x - dx * scale, y: drag.view.y - dy * scale };
    show();
  });
  window.addEventListener('pointerup', () => { drag = undefined; svg.classList.remove('panning'); });
}
document.getElementById('fit').addEventListener('click', fit);
document.getElementById('zoom-in').addEventListener('click', () => zoom(1 / 1.25));
document.getElementById('zoom-out').addEventListener('click', () => zoom(1.25));
const open = (event) => { if (moved) return; const node = event.target.closest('[data-file]'); if (node) vscode.postMessage({ open: node.getAttribute('data-file') }); };
document.addEventListener('click', open);
document.addEventListener('keydown', (event) => {
  if (event.key === 'Enter') open(event);
  else if (event.key === '+' || event.key === '=') zoom(1 / 1.25);
  else if (event.key === '-') zoom(1.25);
  else if (event.key === '0') fit();
});
</script></body></html>`;
}

function nonce(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
