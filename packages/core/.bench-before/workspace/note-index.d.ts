import { type Diagnostic } from '../diagnostics.js';
import type { ReferralGraph } from '../graph/referrals.js';
import { type ActionContext, type AgendaItem } from '../lifecycle/next-action.js';
import type { Contact } from '../model/contact.js';
import { type Stage } from '../model/vocabulary.js';
import { type NoteReading } from '../note/read-contact.js';
export interface NoteIndexOptions {
    /**
     * Reads a note's current text for `text()`. When given, the index keeps no
     * texts in memory (they are most of a large folder's footprint: 50,000
     * notes hold hundreds of MB of them); without it every indexed text is kept.
     */
    readonly readText?: (file: string) => string | undefined;
}
/** Where an indexed reading came from: the text (kept unless the index reads texts on demand) and its version. */
export interface IndexedSource {
    readonly text?: string;
    /** `contentVersion` of the text. */
    readonly version: string;
}
/** The context an index agenda is computed for; colleagues come from the index itself. */
export type AgendaContext = Omit<ActionContext, 'contacts'>;
/**
 * Every note of a folder, kept current one file at a time: `set` re-reads a
 * changed note, `delete` drops a removed one. Cross-note data — the sorted
 * contacts, duplicate ids and unresolved links, the referral graph, the
 * agenda — is kept up to date change by change: one changed note costs
 * work proportional to what it touches (its own links, its organization),
 * not to the size of the folder. The first query after a bulk load sorts
 * once.
 */
export declare class NoteIndex {
    private readonly entries;
    private readonly readText;
    /** Files by note id (contacts or not), for lookups. */
    private readonly filesById;
    /** Files that declare a contact (valid or not) by id, for duplicate ids. */
    private readonly contactFilesById;
    /** Files of valid contacts by id: an id "resolves" when it has one. */
    private readonly validFilesById;
    /** Files of valid contacts by the id their `referred_by` names. */
    private readonly referrers;
    /** Files of valid contacts by the ids their Outcomes link to. */
    private readonly outcomeLinkers;
    /** Files with diagnostics of their own. */
    private readonly withDiagnostics;
    /** Per organization, the files of active contacts by id (the 3B7 colleague rule). */
    private readonly activeByOrganization;
    /** Per organization, the files of contacts in `contacted`, whose second-contact action depends on colleagues. */
    private readonly contactedByOrganization;
    private readonly counts;
    private readonly sortedContacts;
    private readonly edgeParts;
    private readonly pendingParts;
    /** Files whose graph contributions must be recomputed before the next graph is read. */
    private readonly graphDirty;
    private graphBuilt;
    private graph;
    private agendaState;
    /** Files whose agenda lines must be recomputed before the next agenda is read. */
    private readonly agendaDirty;
    private diagnosticsView;
    constructor(options?: NoteIndexOptions);
    /** Reads (or re-reads) one note; `version` is the text's `contentVersion` when the caller has it already. */
    set(file: string, text: string, version?: string): NoteReading;
    /** Adds a note read elsewhere (e.g. restored from a cache). */
    setReading(file: string, reading: NoteReading, source: IndexedSource): void;
    delete(file: string): boolean;
    /** True when some indexed file (contact or not) has this id. */
    hasId(id: string): boolean;
    has(file: string): boolean;
    /** Files that are indexed, contacts or not. */
    files(): string[];
    /** The reading of an indexed file. */
    reading(file: string): NoteReading | undefined;
    /** `contentVersion` of the text last indexed for a file. */
    version(file: string): string | undefined;
    /**
     * The note's text: the one last indexed, or — when the index keeps no
     * texts (`readText`) — the file's current text.
     */
    text(file: string): string | undefined;
    /** Contacts sorted by name. */
    contacts(): readonly Contact[];
    /** A contact by id, or by path relative to the notes folder. */
    contact(reference: string): Contact | undefined;
    /** Every diagnostic: each note's own plus duplicate ids and unresolved links. */
    diagnostics(): readonly Diagnostic[];
    referralGraph(): ReferralGraph;
    /**
     * The agenda of every contact — what `agenda(contacts(), context)` gives —
     * kept up to date change by change while `context` stays the same (same
     * `now`, zone and rules); a different context recomputes it once. Callers
     * that want updates to be cheap pass a `now` that changes rarely (e.g.
     * rounded to the minute).
     */
    agenda(context: AgendaContext): readonly AgendaItem[];
    /** Number of contacts in each stage (every stage present, zeros included). */
    stageCounts(): Record<Stage, number>;
    /** Records what a reading adds to the cross-note data. */
    private remember;
    /** Takes back what `remember` recorded for the same reading. */
    private forget;
    private track;
    /**
     * What one contact adds to the referral graph, given the ids that resolve
     * now (as `referralGraph()` computes it). Edge ids are detached: flat,
     * shared copies compare ~20× faster than cuts of a note's (often two-byte)
     * text, and each rebuild compares every edge's ids.
     */
    private graphParts;
    private agendaParts;
    /**
     * At most two active contacts with distinct ids at the contact's
     * organization: all the colleague rule needs to give the same answer as
     * it would over every contact.
     */
    private colleaguesOf;
}
