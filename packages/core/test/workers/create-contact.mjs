// One `rapport new NAME`: loads the folder, then, on the parent's go (so that all runs create at once),
// creates the contact. Prints the file created or the error.
import { createContact, loadWorkspace } from '../../dist/index.js';
import { NodeStore } from '../../dist/node/index.js';

const [folder, name] = process.argv.slice(2);
try {
  const workspace = await loadWorkspace(new NodeStore(folder));
  await new Promise((resolve) => {
    process.once('message', resolve);
    process.send('loaded');
  });
  console.log((await createContact(workspace, { name, date: '2026-11-23' })).file);
} catch (error) {
  console.log(`${error.name}: ${error.message}`);
}
process.disconnect();
