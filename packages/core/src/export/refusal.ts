import { ExportRefusedError } from '../errors.js';
import { configErrors, type Workspace } from '../workspace/workspace.js';
import { CONFIG_PATH } from '../workspace/config.js';

/**
 * Why an export must not be made from this folder's config as it stands, or
 * `undefined` when it may: a `private:` that cannot be read could leak what
 * it was meant to hide, and a setting replaced by its default would make the
 * export wrong without a sign (a misspelled `timezone` moves every meeting by
 * hours). Each frontend refuses with this reason, and every exporter throws
 * it as an `ExportRefusedError` (see `refuseUnsafeExport`).
 */
export function exportRefusal(workspace: Workspace): string | undefined {
  if (workspace.config.privateFieldsUnreadable) return `nothing exported: the \`private:\` setting of ${CONFIG_PATH} cannot be read, so fields meant to stay private could leak (fix it, then export again)`;
  const [first, ...others] = configErrors(workspace);
  if (!first) return undefined;
  const more = others.length === 0 ? '' : ` (and ${others.length} more error${others.length === 1 ? '' : 's'} there)`;
  return `nothing exported: ${CONFIG_PATH}:${first.line}: ${first.message}${more}; an export made with the default in its place would be wrong (fix it, then export again)`;
}

/**
 * Throws `ExportRefusedError` with `exportRefusal`'s reason when there is one: each exporter
 * checks for itself, so a library caller who never asks `exportRefusal` cannot leak private fields either.
 */
export function refuseUnsafeExport(workspace: Workspace): void {
  const refusal = exportRefusal(workspace);
  if (refusal !== undefined) throw new ExportRefusedError(refusal);
}
