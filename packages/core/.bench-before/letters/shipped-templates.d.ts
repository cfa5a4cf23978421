/**
 * The letters Rapport ships, as `.eta` text embedded here so core needs no
 * file system. A file `.rapport/templates/NAME.eta` with the same name
 * replaces one. Control tags end with `-%>` so their line leaves no trace.
 */
export declare const SHIPPED_TEMPLATES: Readonly<Record<string, string>>;
