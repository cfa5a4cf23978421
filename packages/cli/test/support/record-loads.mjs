// `node --import ./record-loads.mjs …`: at exit, appends Node's own modules the process
// loaded, as `builtin:<name>` one a line (CommonJS requires of them included), to the file
// named by RAPPORT_LOADS.
import { appendFileSync } from 'node:fs';

process.on('exit', () => {
  const builtins = process.moduleLoadList.filter((entry) => entry.startsWith('NativeModule ')).map((entry) => `builtin:${entry.slice('NativeModule '.length)}`);
  appendFileSync(process.env.RAPPORT_LOADS, `${builtins.join('\n')}\n`);
});
