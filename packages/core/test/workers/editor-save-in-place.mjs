// An editor that saves in place: it truncates the note, writes half of it, pauses, then writes the rest.
// `count` saves, each re-reading the note and adding the line `save-N` to its end. It takes no lock.
import { closeSync, existsSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const [folder, file, count, pauseMs] = process.argv.slice(2);
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
  const bytes = Buffer.from(`${readFileSync(note, 'utf8')}save-${i}\n`);
  const descriptor = openSync(note, 'w');
  const half = Math.floor(bytes.length / 2);
  writeSync(descriptor, bytes, 0, half);
  await sleep(Number(pauseMs));
  writeSync(descriptor, bytes, half, bytes.length - half);
  closeSync(descriptor);
  await sleep(Math.random() * 50);
}
writeFileSync(join(folder, 'stop'), '');
