import * as vscode from 'vscode';
import { RapportError } from '@rapport/core';
import type { Services } from '../services.js';

/**
 * Registers a command whose failures reach the user as one clear message:
 * Rapport's own errors (a conflict, a bad date, a refused template) by their
 * message, anything else also logged with its stack. The command resolves
 * its result, or `undefined` when it failed or was cancelled.
 */
export function registerCommand<A extends unknown[]>(services: Services, id: string, run: (...args: A) => Promise<unknown>): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await run(...(args as A));
    } catch (error) {
      if (!(error instanceof RapportError)) services.log.error(`${id} failed: ${(error as Error).stack ?? String(error)}`);
      void services.prompts.error(error instanceof Error ? error.message : String(error));
      return undefined;
    }
  });
}
