import type { Diagnostic } from '../diagnostics.js';
import type { NoteStore } from './store.js';
/** Where the settings of a notes folder live, relative to it. */
export declare const CONFIG_PATH = ".rapport/config.yaml";
/** The job seeker's own details, used to fill letters. */
export interface Profile {
    readonly name?: string;
    /** Current position or background, e.g. "high-school biology teacher for eight years". */
    readonly background?: string;
    /** Field of interest, e.g. "UX research in health tech". */
    readonly field?: string;
    readonly email?: string;
    readonly phone?: string;
    readonly location?: string;
}
/** Delays of the next-action rules. */
export interface Rules {
    /** Business days without a reply before a follow-up is due. Default 7. */
    readonly followUpAfter: number;
    /** Business days before also trying a second person at the same organization (3B7). Default 3. */
    readonly secondContactAfter: number;
    /** Business days after a follow-up before suggesting `no-response`. Default 7. */
    readonly giveUpAfter: number;
    /** Days before a meeting by which research and questions are due. Default 2. */
    readonly prepareBefore: number;
    /** Days after a meeting by which the thank-you is due. Default 1. */
    readonly thankWithin: number;
    /** Default days between keep-in-touch notes (a note's `touch_every` wins). Default 60. */
    readonly touchEvery: number;
}
export interface RapportConfig {
    readonly profile: Profile;
    /** IANA time zone for "today" and meeting times without offset. Default: the machine's. */
    readonly timezone: string;
    /** Folder, relative to the notes folder, where new contacts go. Default: the notes folder itself. */
    readonly notesFolder: string;
    readonly rules: Rules;
    /** Frontmatter fields left out of exports. Default none. */
    readonly privateFields: readonly string[];
    /**
     * Set when the `private:` setting cannot be read as written (a YAML error
     * in the config, a value that is not a list, a mistyped key such as
     * `privat`): exports must refuse rather than leak what was meant to stay out.
     */
    readonly privateFieldsUnreadable?: true;
}
export declare const defaultRules: Rules;
export declare function defaultConfig(): RapportConfig;
export interface ConfigReading {
    readonly config: RapportConfig;
    readonly diagnostics: readonly Diagnostic[];
}
/** Reads `.rapport/config.yaml` text; a missing file (undefined) means defaults. */
export declare function readConfig(text: string | undefined, file?: string): ConfigReading;
/** Reads the folder's config through its store. */
export declare function loadConfig(store: NoteStore): Promise<ConfigReading>;
