/** A problem with what the user asked for (unknown stage, bad date…): one line, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The command could not be carried out (missing folder, unwritable file…): one line, exit 3. */
export class FailureError extends Error {
  override name = 'FailureError';
}
