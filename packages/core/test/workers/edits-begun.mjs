// What the editor workers share: they start once the edits beside them have begun (the file `ready` in the folder).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Waits for `ready` in `folder`; gives up after 100 seconds (the test waits 120): edits that never begin must end the test, not leave the worker waiting. */
export async function editsBegun(folder) {
  const deadline = Date.now() + 100_000;
  while (!existsSync(join(folder, 'ready'))) {
    if (Date.now() > deadline) {
      console.error('the edits beside this editor never began');
      process.exit(1);
    }
    await sleep(10);
  }
}
