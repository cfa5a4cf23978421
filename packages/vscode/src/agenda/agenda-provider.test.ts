import { loadWorkspace, MemoryStore, type Workspace } from '@rapport/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Services } from '../services.js';
import { FirstPaint } from '../timings/first-paint.js';
import { AgendaProvider } from './agenda-provider.js';

vi.mock('vscode', async () => {
  const { EventEmitter } = await import('../test-support/vscode-event-emitter.js');
  return { EventEmitter };
});

const TODAY = '2026-11-23';

/** Written to on 2026-11-10 and never answered: a follow-up overdue on the 23rd (a week after the 16th). */
const HANNAH = ['---', 'type: contact', 'name: Hannah Schultz', 'stage: contacted', 'history:', '  - date: 2026-11-10', '    stage: identified', '  - date: 2026-11-10', '    stage: contacted', '    via: email', '---', ''].join('\n');

/** The parts of `Services` the Agenda view reads, over a loaded folder. */
function servicesOver(workspace: Workspace, firstPaint: FirstPaint): Services {
  const now = new Date(`${TODAY}T12:00:00Z`);
  const notes = { state: 'ready', workspace, today: () => TODAY, agendaContext: () => ({ now, timezone: 'UTC' }) };
  return { notes, firstPaint } as unknown as Services;
}

describe('AgendaProvider while the Contacts view paints first', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows its loading row until the contacts are shown, then refreshes once and lists the agenda', async () => {
    const workspace = await loadWorkspace(new MemoryStore({ 'hannah-schultz.md': HANNAH }));
    const firstPaint = new FirstPaint();
    firstPaint.watch({ visible: true, onDidChangeVisibility: () => ({ dispose: () => undefined }) });
    const provider = new AgendaProvider(servicesOver(workspace, firstPaint));
    let refreshes = 0;
    provider.onDidChangeTreeData(() => refreshes++);

    firstPaint.expect();
    expect(provider.getChildren()).toEqual([{ kind: 'loading' }]);
    expect(provider.getChildren()).toEqual([{ kind: 'loading' }]);
    expect(refreshes).toBe(0);

    firstPaint.painted();
    await vi.advanceTimersByTimeAsync(0);
    expect(refreshes).toBe(1);
    const groups = provider.getChildren();
    expect(groups.map((node) => (node.kind === 'group' ? `${node.group.label} ${node.group.entries.length}` : node.kind))).toEqual(['Overdue 1']);
  });

  it('lists the agenda at once when nothing waits for the Contacts view', async () => {
    const workspace = await loadWorkspace(new MemoryStore({ 'hannah-schultz.md': HANNAH }));
    const provider = new AgendaProvider(servicesOver(workspace, new FirstPaint()));
    expect(provider.getChildren().map((node) => node.kind)).toEqual(['group']);
  });
});

describe('AgendaProvider where a referrer both links and names someone without a note', () => {
  // Line 9 links Grace before her note exists, line 10 names her.
  const PRIYA = '---\ntype: contact\nname: Priya Raman\nstage: held\n---\n\n## Outcomes\n\n- Referral: [[grace-liu]], she runs the alert-fatigue study\n- Referral: Grace Liu, nurse informaticist\n';

  it('waits for the slugger, then lists one row for her, the named line', async () => {
    const workspace = await loadWorkspace(new MemoryStore({ 'priya-raman.md': PRIYA }));
    let loaded!: () => void;
    const sluggerLoaded = new Promise<void>((resolve) => (loaded = resolve));
    const provider = new AgendaProvider(servicesOver(workspace, new FirstPaint()), loaded);
    expect(provider.getChildren()).toEqual([{ kind: 'loading' }]);
    await sluggerLoaded;
    const referrals = provider.entries().filter((entry) => entry.contextValue === 'agendaItem.add-referral');
    expect(referrals.map(({ tooltip, line, referral }) => ({ tooltip, line, referral }))).toEqual([{ tooltip: 'Priya Raman: Add Grace Liu (referred by Priya Raman)\nNo date: ready when you are', line: 10, referral: 'Grace Liu' }]);
  });

  it('lists both links and names at once, without the slugger, when no link is to a missing note', async () => {
    const workspace = await loadWorkspace(new MemoryStore({ 'priya-raman.md': PRIYA, 'grace-liu.md': '---\ntype: contact\nname: Grace Liu\nstage: identified\n---\n' }));
    const provider = new AgendaProvider(servicesOver(workspace, new FirstPaint()));
    expect(provider.getChildren().map((node) => node.kind)).toEqual(['group']);
    expect(provider.entries().filter((entry) => entry.contextValue === 'agendaItem.add-referral').map((entry) => entry.tooltip)).toEqual(['Priya Raman: Link Grace Liu (referred by Priya Raman) to [[grace-liu]]\nNo date: ready when you are']);
  });
});
