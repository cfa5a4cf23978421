// Logs interactions on one note, one edit at a time, until the file `stop` appears in the folder; creates `ready` after the first. Prints how many succeeded and the errors.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { editNote, logInteraction, NoteIndex, defaultConfig } from '../../dist/index.js';
import { NodeStore } from '../../dist/node/index.js';

const [folder, file] = process.argv.slice(2);
const workspace = { store: new NodeStore(folder), config: defaultConfig(), index: new NoteIndex(), configDiagnostics: [] };
const errors = [];
let done = 0;
while (!existsSync(join(folder, 'stop'))) {
  try {
    await editNote(workspace, file, (text) => logInteraction(text, { date: '2026-11-23', note: `touch-${done}` }), { retries: 5 });
    if (done++ === 0) writeFileSync(join(folder, 'ready'), '');
  } catch (error) {
    errors.push(`${error.name}: ${error.message}`);
  }
}
console.log(JSON.stringify({ done, errors }));
