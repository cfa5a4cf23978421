import { describe, expect, it } from 'vitest';
import { nextAction } from '../lifecycle/next-action.js';
import { EXPORT_NOW, exportFolder } from '../test-support/export-notes.js';
import { loadWorkspace } from '../workspace/workspace.js';
import { exportJson } from './records.js';

describe('exportJson', () => {
  it('writes one object per contact: every frontmatter field, the next action and its due date', async () => {
    const workspace = await loadWorkspace(exportFolder('timezone: America/New_York\n'));
    const records = JSON.parse(exportJson(workspace, { now: EXPORT_NOW })) as Record<string, unknown>[];
    const contacts = workspace.index.contacts();
    expect(records).toHaveLength(contacts.length);
    for (const [index, contact] of contacts.entries()) {
      const next = nextAction(contact, { now: EXPORT_NOW, timezone: 'America/New_York', rules: workspace.config.rules, contacts });
      expect(records[index]).toEqual({ id: contact.id, file: contact.file, ...contact.fields, next_action: next?.action ?? null, next_due: next?.due ?? null });
    }
    expect(Object.keys(records[0]!).slice(0, 4)).toEqual(['id', 'file', 'name', 'stage']);
    expect(Object.keys(records[0]!).slice(-2)).toEqual(['next_action', 'next_due']);
    expect(records.find((record) => record.id === 'closed')).toMatchObject({ next_action: null, next_due: null, score: -3 });
  });

  it('leaves private fields out, nested ones included', async () => {
    const workspace = await loadWorkspace(exportFolder());
    const records = JSON.parse(exportJson(workspace, { now: EXPORT_NOW })) as Record<string, unknown>[];
    const sam = records.find((record) => record.id === 'winter-call')!;
    expect(sam).not.toHaveProperty('phone');
    expect(sam.meeting).toEqual({ at: '2026-12-01T09:00-05:00', minutes: 30, format: 'video' });
    expect(records.find((record) => record.id === 'summer-coffee')).not.toHaveProperty('salary');
  });
});
