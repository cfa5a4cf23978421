// `node --import ./record-loads.mjs …`: appends the URL of every module the process loads,
// one a line, to the file named by RAPPORT_LOADS (the hooks run off the main thread), and at
// exit Node's own modules it loaded, as `builtin:<name>` (CommonJS requires of them included).
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';

register('./record-loads-hooks.mjs', import.meta.url);
process.on('exit', () => {
  const builtins = process.moduleLoadList.filter((entry) => entry.startsWith('NativeModule ')).map((entry) => `builtin:${entry.slice('NativeModule '.length)}`);
  appendFileSync(process.env.RAPPORT_LOADS, `${builtins.join('\n')}\n`);
});
