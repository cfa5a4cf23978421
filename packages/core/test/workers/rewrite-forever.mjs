// Rewrites one note with two alternating contents until killed.
import { readFileSync } from 'node:fs';
import { NodeStore } from '../../dist/node/index.js';

const [folder, file, firstPath, secondPath] = process.argv.slice(2);
const first = readFileSync(firstPath, 'utf8');
const second = readFileSync(secondPath, 'utf8');
const store = new NodeStore(folder);
for (let i = 0; ; i++) {
  await store.write(file, i % 2 === 0 ? first : second);
  if (i === 0) process.send?.('wrote');
}
