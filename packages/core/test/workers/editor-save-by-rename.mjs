// An editor that saves by writing a temp file and renaming it over the note, as many do: `count` saves,
// each re-reading the note and adding the line `save-N` to its end. It takes no lock.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const [folder, file, count] = process.argv.slice(2);
const note = join(folder, file);
// Starts once the edits beside it have begun (the file `ready`).
// Gives up after 100 seconds (the test waits 120): edits that never begin must end the test, not leave this process waiting.
const deadline = Date.now() + 100_000;
while (!existsSync(join(folder, 'ready'))) {
  if (Date.now() > deadline) {
    console.error('the edits beside this editor never began');
    process.exit(1);
  }
  await sleep(10);
}
for (let i = 0; i < Number(count); i++) {
  const text = readFileSync(note, 'utf8');
  const temporary = `${note}~editor`;
  writeFileSync(temporary, `${text}save-${i}\n`);
  renameSync(temporary, note);
  await sleep(Math.random() * 20);
}
writeFileSync(join(folder, 'stop'), '');
