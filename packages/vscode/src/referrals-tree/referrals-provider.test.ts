import { loadWorkspace, MemoryStore, type Workspace } from '@rapport/core';
import { describe, expect, it, vi } from 'vitest';
import type { NotesState } from '../notes/notes-session.js';
import type { Services } from '../services.js';
import { FirstPaint } from '../timings/first-paint.js';
import { ReferralsProvider } from './index.js';
import type { ReferralNodeView } from './referral-view.js';

vi.mock('vscode', async () => {
  const { EventEmitter } = await import('../test-support/vscode-event-emitter.js');
  class TreeItem {
    id: string | undefined;
    description: string | undefined;
    tooltip: unknown;
    iconPath: unknown;
    contextValue: string | undefined;
    resourceUri: unknown;
    command: unknown;
    constructor(
      readonly label: string,
      readonly collapsibleState = 0,
    ) {}
  }
  return {
    EventEmitter,
    TreeItem,
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    ThemeIcon: class {
      constructor(readonly id: string) {}
    },
    MarkdownString: class {
      constructor(readonly value: string) {}
    },
  };
});

const TODAY = '2026-11-23';

const contact = (lines: readonly string[], outcomes: readonly string[] = []) =>
  ['---', 'type: contact', ...lines, '---', '', ...(outcomes.length > 0 ? ['## Outcomes', '', ...outcomes, ''] : [])].join('\n');

const NOTES = {
  'dana-okafor.md': contact(
    ['name: Dana Okafor', 'role: Director of Patient Experience', 'organization: Three Rivers Health', 'stage: nurturing', 'history:', '  - date: 2026-11-02', '    stage: nurturing'],
    ['- Referral: [[maya-chen]], a UX researcher', '- Referral: Renee Jackson, the CMIO'],
  ),
  'maya-chen.md': contact(
    ['name: Maya Chen', 'role: Senior UX Researcher', 'organization: Brightline Health', 'stage: scheduled', 'referred_by: "[[dana-okafor]]"', 'tags: [ux]', 'history:', '  - date: 2026-11-18', '    stage: scheduled', 'meeting:', '  at: "2026-11-25T15:00Z"', '  minutes: 30', '  format: video'],
    ['- Referral: [[renee-jackson]], the CMIO'],
  ),
};

/** The parts of `Services` the Referrals view reads. */
function servicesOver(workspace: Workspace | undefined, state: NotesState, firstPaint = new FirstPaint()): Services {
  const now = new Date(`${TODAY}T12:00:00Z`);
  const notes = {
    state,
    workspace,
    today: () => TODAY,
    actionContext: () => ({ now, timezone: 'UTC', contacts: workspace?.index.contacts() ?? [] }),
    uriOf: (file: string) => ({ path: `/notes/${file}` }),
  };
  return { notes, firstPaint, log: { error: () => undefined } } as unknown as Services;
}

/** The provider once its slugger has loaded (the view asks, shows its loading row, then refreshes). */
async function readyProvider(workspace: Workspace): Promise<ReferralsProvider> {
  const provider = new ReferralsProvider(servicesOver(workspace, 'ready'));
  const refreshed = new Promise<void>((resolve) => provider.onDidChangeTreeData(() => resolve()));
  expect(provider.getChildren()).toEqual([{ kind: 'loading' }]);
  await refreshed;
  return provider;
}

describe('ReferralsProvider while the notes are read', () => {
  it('shows "Reading notes…" with a spinning icon, as the Contacts view and the Agenda do, instead of a blank view', () => {
    const provider = new ReferralsProvider(servicesOver(undefined, 'loading'));
    expect(provider.getChildren()).toEqual([{ kind: 'loading' }]);
    const item = provider.getTreeItem({ kind: 'loading' });
    expect([item.label, (item.iconPath as { id: string }).id]).toEqual(['Reading notes…', 'loading~spin']);
    expect(provider.getChildren({ kind: 'loading' })).toEqual([]);
  });

  it('keeps its loading row until the Contacts view has painted, then refreshes once and lists the chains', async () => {
    const workspace = await loadWorkspace(new MemoryStore(NOTES));
    const firstPaint = new FirstPaint();
    firstPaint.watch({ visible: true, onDidChangeVisibility: () => ({ dispose: () => undefined }) });
    firstPaint.expect();
    const provider = new ReferralsProvider(servicesOver(workspace, 'ready', firstPaint));
    provider.loadSlugger();
    let refreshes = 0;
    provider.onDidChangeTreeData(() => refreshes++);
    expect(provider.getChildren()).toEqual([{ kind: 'loading' }]);
    await vi.waitFor(() => expect(refreshes).toBe(1)); // the slugger
    expect(provider.getChildren()).toEqual([{ kind: 'loading' }]);
    firstPaint.painted();
    await vi.waitFor(() => expect(refreshes).toBe(2));
    expect(provider.getChildren().map((node) => (node.kind === 'contact' ? node.label : node.kind))).toEqual(['Dana Okafor']);
  });

  it('shows nothing (the welcome text) in a folder that is not a notes folder', () => {
    expect(new ReferralsProvider(servicesOver(undefined, 'uninitialised')).getChildren()).toEqual([]);
  });
});

describe('ReferralsProvider rows', () => {
  it('gives a contact the Contacts view tooltip, built on hover: the person, not the note path', async () => {
    const workspace = await loadWorkspace(new MemoryStore(NOTES));
    const provider = await readyProvider(workspace);
    const [dana] = provider.getChildren();
    const maya = provider.getChildren(dana).find((node): node is ReferralNodeView & { kind: 'contact' } => node.kind === 'contact')!;
    const item = provider.getTreeItem(maya);
    expect(item.tooltip).toBeUndefined();
    expect((provider.resolveTreeItem(item, maya).tooltip as { value: string }).value).toBe(
      [
        '**Maya Chen** — Senior UX Researcher · Brightline Health',
        '',
        'Stage: `scheduled` since 2026-11-18',
        '',
        'Next: Prepare for Maya Chen: research and questions (due today)',
        '',
        'Referred by Dana Okafor',
        '',
        'Tags: `ux`',
      ].join('\n'),
    );
    expect((provider.resolveTreeItem(provider.getTreeItem(dana!), dana!).tooltip as { value: string }).value).toBe(
      ['**Dana Okafor** — Director of Patient Experience · Three Rivers Health', '', 'Stage: `nurturing` since 2026-11-02', '', 'Next: Keep in touch with Dana Okafor (due 2027-01-04)'].join('\n'),
    );
  });

  it('shows someone Maya links as [[renee-jackson]] and Dana names "Renee Jackson" as one person, by name, under each of them', async () => {
    const workspace = await loadWorkspace(new MemoryStore(NOTES));
    const provider = await readyProvider(workspace);
    const [dana] = provider.getChildren();
    const underDana = provider.getChildren(dana);
    const maya = underDana.find((node) => node.kind === 'contact')!;
    const rows = (nodes: readonly ReturnType<ReferralsProvider['getChildren']>[number][]) => nodes.filter((node) => node.kind === 'pendingReferral').map((node) => provider.getTreeItem(node)).map((item) => `${String(item.label)} (${String(item.description)}) ${String(item.id)}: ${String(item.tooltip)}`);
    expect(rows(underDana)).toEqual(['Renee Jackson (no note yet) dana-okafor/?renee-jackson: Named in the Outcomes of Dana Okafor; create the contact to follow up']);
    expect(rows(provider.getChildren(maya))).toEqual(['Renee Jackson (no note yet) dana-okafor/maya-chen/?renee-jackson: Named in the Outcomes of Maya Chen as [[renee-jackson]]; create the contact to follow up']);
  });

  it('gives one row to a referrer who wrote the same person as a link and as a name', async () => {
    const both = { ...NOTES, 'maya-chen.md': NOTES['maya-chen.md'].replace('- Referral: [[renee-jackson]], the CMIO', '- Referral: [[renee-jackson]], the CMIO\n- Referral: Renee Jackson') };
    const provider = await readyProvider(await loadWorkspace(new MemoryStore(both)));
    const [dana] = provider.getChildren();
    const maya = provider.getChildren(dana).find((node) => node.kind === 'contact')!;
    expect(provider.getChildren(maya)).toEqual([{ kind: 'pendingReferral', target: 'renee-jackson', name: 'Renee Jackson', referredBy: 'maya-chen', path: ['dana-okafor', 'maya-chen'] }]);
  });
});
