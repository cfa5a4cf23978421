import type { Workspace } from '../workspace/workspace.js';
export interface ExportOptions {
    /** The instant next actions are computed for (and the calendar's DTSTAMP). Default: now. */
    readonly now?: Date;
}
/** Columns every exported contact starts with. */
export declare const IDENTITY_COLUMNS: readonly ["id", "file", "name", "stage"];
/** Columns added to every exported contact, after its frontmatter fields. */
export declare const COMPUTED_COLUMNS: readonly ["next_action", "next_due"];
/**
 * One plain object per contact: `id`, `file`, `name` and `stage` (as
 * Rapport reads them), then every other frontmatter field as written
 * (unknown ones included, in the note's order), then the computed
 * `next_action` and `next_due` (`null` when none). Fields the config lists
 * as private are left out; the name and stage never are.
 */
export declare function contactRecords(workspace: Workspace, options?: ExportOptions): Record<string, unknown>[];
/** The contacts as a JSON array (see `contactRecords`), pretty-printed. */
export declare function exportJson(workspace: Workspace, options?: ExportOptions): string;
