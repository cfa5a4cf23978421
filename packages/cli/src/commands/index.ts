import type { RegisterCommand } from '../program.js';
import { registerAdvance } from './advance.js';
import { registerAgenda } from './agenda.js';
import { registerCheck } from './check.js';
import { registerGraph } from './graph.js';
import { registerInit } from './init.js';
import { registerList } from './list.js';
import { registerNew } from './new.js';
import { registerReport } from './report.js';
import { registerSchema } from './schema.js';

/** Every command, in the order `rapport --help` lists them. */
export const commands: readonly RegisterCommand[] = [registerInit, registerNew, registerList, registerAgenda, registerAdvance, registerCheck, registerGraph, registerReport, registerSchema];
