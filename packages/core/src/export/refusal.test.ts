import { describe, expect, it } from 'vitest';
import { ExportRefusedError, InvalidInputError, RapportError } from '../errors.js';
import { EXPORT_NOW, exportFolder } from '../test-support/export-notes.js';
import { loadWorkspace } from '../workspace/workspace.js';
import { exportCsv } from './csv.js';
import { exportIcs, exportIcsDetails } from './ics.js';
import { contactRecords, exportJson } from './records.js';
import { exportRefusal } from './refusal.js';
import { exportVCards } from './vcard.js';

/** Every exporter that takes a workspace, as a library caller would call it. */
const EXPORTERS = {
  exportIcs: (workspace) => exportIcs(workspace, { now: EXPORT_NOW }),
  exportIcsDetails: (workspace) => exportIcsDetails(workspace, { now: EXPORT_NOW }),
  exportVCards: (workspace) => exportVCards(workspace),
  exportCsv: (workspace) => exportCsv(workspace, { now: EXPORT_NOW }),
  exportJson: (workspace) => exportJson(workspace, { now: EXPORT_NOW }),
  contactRecords: (workspace) => contactRecords(workspace, { now: EXPORT_NOW }),
} satisfies Record<string, (workspace: Awaited<ReturnType<typeof loadWorkspace>>) => unknown>;

const PRIVATE_UNREADABLE =
  'nothing exported: the `private:` setting of .rapport/config.yaml cannot be read, so fields meant to stay private could leak (fix it, then export again)';

describe('every exporter refuses a config it cannot read as written', () => {
  // `privat:` is a misspelling the trial made: the phone it meant to hide is in every note of the folder that has one.
  const misspelled = 'timezone: America/New_York\nprivat: [phone, meeting.link, salary]\n';

  it.each(Object.entries(EXPORTERS))('%s throws ExportRefusedError when `private:` is misspelled, with the reason the CLI gives', async (_name, exporter) => {
    const workspace = await loadWorkspace(exportFolder(misspelled));
    expect(() => exporter(workspace)).toThrow(ExportRefusedError);
    expect(() => exporter(workspace)).toThrow(PRIVATE_UNREADABLE);
    expect(exportRefusal(workspace)).toBe(PRIVATE_UNREADABLE);
  });

  it.each(Object.entries(EXPORTERS))('%s throws when `private:` is not a list of fields', async (_name, exporter) => {
    const workspace = await loadWorkspace(exportFolder('timezone: America/New_York\nprivate: phone\n'));
    expect(() => exporter(workspace)).toThrow(PRIVATE_UNREADABLE);
  });

  it.each(Object.entries(EXPORTERS))('%s throws for an unknown time zone rather than exporting in another', async (_name, exporter) => {
    const workspace = await loadWorkspace(exportFolder('timezone: America/New_Yrok\nprivate: [phone]\n'));
    expect(() => exporter(workspace)).toThrow(ExportRefusedError);
    expect(() => exporter(workspace)).toThrow(/^nothing exported: \.rapport\/config\.yaml:1: Unknown time zone "America\/New_Yrok"/);
  });

  it('is an InvalidInputError of the RapportError family, named for what it is', async () => {
    const workspace = await loadWorkspace(exportFolder(misspelled));
    expect(() => exportCsv(workspace)).toThrow(InvalidInputError);
    expect(() => exportCsv(workspace)).toThrow(RapportError);
    expect(new ExportRefusedError('x').name).toBe('ExportRefusedError');
  });

  it('exports as before from a config that reads as written', async () => {
    const workspace = await loadWorkspace(exportFolder());
    expect(exportRefusal(workspace)).toBeUndefined();
    const csv = exportCsv(workspace, { now: EXPORT_NOW });
    // winter-call.md has `phone: +1 412 555 0100`, private in the default config.
    expect(csv).toContain('Sam Whitaker');
    expect(csv).not.toContain('555 0100');
    expect(exportVCards(workspace)).not.toContain('555 0100');
  });
});
