// An editor that saves in place: it truncates the note, writes half of it, pauses, then writes the rest.
// `count` saves, each re-reading the note and adding the line `save-N` to its end. It takes no lock.
import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { editsBegun } from './edits-begun.mjs';

const [folder, file, count, pauseMs] = process.argv.slice(2);
const note = join(folder, file);
await editsBegun(folder);
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
