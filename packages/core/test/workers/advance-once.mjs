// One `rapport advance`, as the CLI runs it: loads the folder, then, on the parent's go (so that all runs edit
// at once), edits the note with retries. Prints "ok" or the error.
import { advance, editNote, loadWorkspace } from '../../dist/index.js';
import { NodeStore } from '../../dist/node/index.js';

const [folder, file, stage, note] = process.argv.slice(2);
try {
  const workspace = await loadWorkspace(new NodeStore(folder));
  await new Promise((resolve) => {
    process.once('message', resolve);
    process.send('loaded');
  });
  await editNote(workspace, file, (text) => advance(text, stage, { date: '2026-11-23', note }), { retries: 5 });
  console.log('ok');
} catch (error) {
  console.log(`${error.name}: ${error.message}`);
}
process.disconnect();
