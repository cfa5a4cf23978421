import type { RegisterCommand } from '../program.js';
import { registerAdvance } from './advance.js';
import { registerAgenda } from './agenda.js';
import { registerCheck } from './check.js';
import { registerDismiss } from './dismiss.js';
import { registerExport } from './export.js';
import { registerGraph } from './graph.js';
import { registerImport } from './import.js';
import { registerInit } from './init.js';
import { registerLetter } from './letter.js';
import { registerList } from './list.js';
import { registerLog } from './log.js';
import { registerMergeDriver } from './merge-driver.js';
import { registerNew } from './new.js';
import { registerQuestions } from './questions.js';
import { registerReport } from './report.js';
import { registerSchema } from './schema.js';
import { registerTrust } from './trust.js';

/** Every command, in the order `rapport --help` lists them. */
export const commands: readonly RegisterCommand[] = [registerInit, registerNew, registerList, registerAgenda, registerAdvance, registerLog, registerDismiss, registerCheck, registerGraph, registerReport, registerLetter, registerTrust, registerQuestions, registerImport, registerExport, registerSchema, registerMergeDriver];
