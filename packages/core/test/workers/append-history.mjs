// Appends `count` history entries to one note, one edit at a time, as a separate process would.
import { appendToList, defaultConfig, editNote, NoteIndex } from '../../dist/index.js';
import { NodeStore } from '../../dist/node/index.js';

const [folder, file, count, tag] = process.argv.slice(2);
const workspace = { store: new NodeStore(folder), config: defaultConfig(), index: new NoteIndex(), configDiagnostics: [] };
for (let i = 0; i < Number(count); i++) {
  await editNote(workspace, file, (text) => appendToList(text, ['history'], { date: '2026-11-23', stage: 'nurturing', note: `${tag}-${i}` }), { retries: 10_000 });
}
