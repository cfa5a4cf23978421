// What a web page would do with Rapport: read notes from memory, check them, list the agenda and edit a note.
import { agenda, editNote, loadWorkspace, MemoryStore, readNote, setField } from '../../src/index.js';

const AISHA = `---
type: contact
name: Aisha Karim
stage: contacted
organization: Steel City Health Innovation Lab
history:
  - date: 2026-11-10
    stage: identified
  - date: 2026-11-12
    stage: contacted
    via: email
---
Met at the alumni mixer.
`;

const BEN = `---
type: contact
name: Ben Osei
stage: interviewed
---
`;

export async function run(): Promise<unknown> {
  const store = new MemoryStore({ 'aisha-karim.md': AISHA, 'ben-osei.md': BEN });
  const workspace = await loadWorkspace(store);
  const reading = readNote('aisha-karim.md', AISHA);
  const items = agenda(workspace.index.contacts(), { now: new Date('2026-11-23T12:00:00Z'), timezone: 'America/New_York' });
  await editNote(workspace, 'aisha-karim.md', (text) => setField(text, ['role'], 'Program Manager'));
  return {
    name: reading.contact?.name,
    problems: workspace.index.diagnostics().map((problem) => `${problem.file}:${problem.line} ${problem.rule}`),
    agenda: items.map((item) => `${item.name}: ${item.kind} ${item.due}`),
    edited: store.snapshot()['aisha-karim.md'],
    nodeGlobals: ['process', 'Buffer', 'require', 'global'].filter((name) => name in globalThis),
  };
}
