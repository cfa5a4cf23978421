import { appendFileSync } from 'node:fs';

export async function load(url, context, nextLoad) {
  appendFileSync(process.env.RAPPORT_LOADS, `${url}\n`);
  return nextLoad(url, context);
}
