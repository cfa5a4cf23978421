import type { RegisterCommand } from '../program.js';
import { registerList } from './list.js';

/** Every command, in the order `rapport --help` lists them. */
export const commands: readonly RegisterCommand[] = [registerList];
