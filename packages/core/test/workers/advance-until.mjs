// Logs interactions on one note, one edit at a time, until the file `stop` appears in the folder; creates `ready` after the first. Prints how many succeeded and the errors.
// Gives up after many failures in a row or 100 seconds (the test waits 120), so that a broken edit ends the test instead of leaving this process running.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { editNote, logInteraction, NoteIndex, defaultConfig } from '../../dist/index.js';
import { NodeStore } from '../../dist/node/index.js';

const [folder, file] = process.argv.slice(2);
const workspace = { store: new NodeStore(folder), config: defaultConfig(), index: new NoteIndex(), configDiagnostics: [] };
const errors = [];
const deadline = Date.now() + 100_000;
let done = 0;
let failing = 0;
while (!existsSync(join(folder, 'stop')) && Date.now() < deadline && failing < 50) {
  try {
    await editNote(workspace, file, (text) => logInteraction(text, { date: '2026-11-23', note: `touch-${done}` }), { retries: 5 });
    if (done++ === 0) writeFileSync(join(folder, 'ready'), '');
    failing = 0;
  } catch (error) {
    errors.push(`${error.name}: ${error.message}`);
    failing++;
  }
}
console.log(JSON.stringify({ done, errors }));
