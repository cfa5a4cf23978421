// `node --import ./record-loads.mjs …`: appends the URL of every module the process loads,
// one a line, to the file named by RAPPORT_LOADS (the hooks run off the main thread).
import { register } from 'node:module';

register('./record-loads-hooks.mjs', import.meta.url);
