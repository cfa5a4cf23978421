import { Document, type ParseOptions, type DocumentOptions, type SchemaOptions } from 'yaml';
import type { FrontmatterBlock } from './source.js';
/** Options every frontmatter parse uses: YAML 1.2 core schema, no anchors blow-up. */
export declare const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions;
/** The most aliases a frontmatter may expand; guards against "billion laughs" notes. */
export declare const MAX_ALIAS_COUNT = 100;
export interface YamlProblem {
    /** Offset into the YAML text. */
    readonly offset: number;
    readonly endOffset: number;
    readonly message: string;
}
export interface ParsedFrontmatter {
    readonly block: FrontmatterBlock;
    readonly document: Document.Parsed;
    /** Plain data, or `undefined` when the YAML does not parse. */
    readonly data: unknown;
    readonly problems: readonly YamlProblem[];
}
export declare function parseFrontmatter(block: FrontmatterBlock): ParsedFrontmatter;
/** A frontmatter that parsed to a mapping, as a record (anything else is empty). */
export declare function asRecord(data: unknown): Record<string, unknown>;
export declare function isMappingDocument(document: Document.Parsed): boolean;
