// An editor that saves by writing a temp file and renaming it over the note, as many do: `count` saves,
// each re-reading the note and adding the line `save-N` to its end. It takes no lock.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { editsBegun } from './edits-begun.mjs';

const [folder, file, count] = process.argv.slice(2);
const note = join(folder, file);
await editsBegun(folder);
for (let i = 0; i < Number(count); i++) {
  const text = readFileSync(note, 'utf8');
  const temporary = `${note}~editor`;
  writeFileSync(temporary, `${text}save-${i}\n`);
  renameSync(temporary, note);
  await sleep(Math.random() * 20);
}
writeFileSync(join(folder, 'stop'), '');
