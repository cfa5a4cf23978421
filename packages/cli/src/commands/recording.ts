import { RecordingRefusedError } from '@rapport/core';
import { UsageError } from '../program.js';

/** Runs a write that records in a contact's history; a refusal from the recording rules becomes a usage error (exit 2) naming the way past it. */
export async function recordIn<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof RecordingRefusedError) throw new UsageError(`${name}: not recorded: ${error.message} (add --force to record it anyway)`);
    throw error;
  }
}
