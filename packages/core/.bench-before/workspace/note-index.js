import { DIAGNOSTIC_RULES, compareDiagnostics } from '../diagnostics.js';
import { todayIn } from '../lifecycle/dates.js';
import { contactAgenda, isActiveContact, organizationKey } from '../lifecycle/next-action.js';
import { STAGES } from '../model/vocabulary.js';
import { detach } from '../note/detached-string.js';
import { readNote } from '../note/read-contact.js';
import { noteId } from '../note/wikilinks.js';
import { FilesByKey } from './files-by-key.js';
import { SortedContributions } from './sorted-contributions.js';
import { contentVersion } from './store.js';
const collator = new Intl.Collator();
const binary = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
/** Contacts by name, then path (`localeCompare`, as every list shows them); code units break ties. */
function compareContacts(a, b) {
    return collator.compare(a.name, b.name) || collator.compare(a.file, b.file) || binary(a.file, b.file);
}
function compareEdgeParts(a, b) {
    return collator.compare(a.from, b.from) || collator.compare(a.to, b.to) || binary(a.from, b.from) || binary(a.to, b.to) || binary(a.source, b.source);
}
function comparePendingParts(a, b) {
    return compareContacts(a.contact, b.contact) || a.index - b.index;
}
/**
 * `agenda()`'s order (due, name, action), then the order of the contacts
 * it is given (`contacts()`), then each contact's own order. Due dates are
 * `YYYY-MM-DD`, whose code-unit order is their collation order.
 */
function compareAgendaParts(a, b) {
    return binary(a.item.due, b.item.due) || collator.compare(a.item.name, b.item.name) || collator.compare(a.item.action, b.item.action) || compareContacts(a.contact, b.contact) || a.index - b.index;
}
/**
 * Every note of a folder, kept current one file at a time: `set` re-reads a
 * changed note, `delete` drops a removed one. Cross-note data — the sorted
 * contacts, duplicate ids and unresolved links, the referral graph, the
 * agenda — is kept up to date change by change: one changed note costs
 * work proportional to what it touches (its own links, its organization),
 * not to the size of the folder. The first query after a bulk load sorts
 * once.
 */
export class NoteIndex {
    entries = new Map();
    readText;
    /** Files by note id (contacts or not), for lookups. */
    filesById = new FilesByKey();
    /** Files that declare a contact (valid or not) by id, for duplicate ids. */
    contactFilesById = new FilesByKey();
    /** Files of valid contacts by id: an id "resolves" when it has one. */
    validFilesById = new FilesByKey();
    /** Files of valid contacts by the id their `referred_by` names. */
    referrers = new FilesByKey();
    /** Files of valid contacts by the ids their Outcomes link to. */
    outcomeLinkers = new FilesByKey();
    /** Files with diagnostics of their own. */
    withDiagnostics = new Set();
    /** Per organization, the files of active contacts by id (the 3B7 colleague rule). */
    activeByOrganization = new Map();
    /** Per organization, the files of contacts in `contacted`, whose second-contact action depends on colleagues. */
    contactedByOrganization = new FilesByKey();
    counts = Object.fromEntries(STAGES.map((stage) => [stage, 0]));
    sortedContacts = new SortedContributions(compareContacts);
    edgeParts = new SortedContributions(compareEdgeParts);
    pendingParts = new SortedContributions(comparePendingParts);
    /** Files whose graph contributions must be recomputed before the next graph is read. */
    graphDirty = new Set();
    graphBuilt = false;
    graph;
    agendaState;
    /** Files whose agenda lines must be recomputed before the next agenda is read. */
    agendaDirty = new Set();
    diagnosticsView;
    constructor(options = {}) {
        this.readText = options.readText;
    }
    /** Reads (or re-reads) one note; `version` is the text's `contentVersion` when the caller has it already. */
    set(file, text, version = contentVersion(text)) {
        const reading = readNote(file, text);
        this.setReading(file, reading, { text, version });
        return reading;
    }
    /** Adds a note read elsewhere (e.g. restored from a cache). */
    setReading(file, reading, source) {
        const previous = this.entries.get(file);
        if (previous)
            this.forget(file, previous.reading);
        this.entries.set(file, { reading, text: this.readText ? undefined : source.text, version: source.version });
        this.remember(file, reading);
    }
    delete(file) {
        const previous = this.entries.get(file);
        if (!previous)
            return false;
        this.forget(file, previous.reading);
        this.entries.delete(file);
        return true;
    }
    /** True when some indexed file (contact or not) has this id. */
    hasId(id) {
        return this.filesById.has(id);
    }
    has(file) {
        return this.entries.has(file);
    }
    /** Files that are indexed, contacts or not. */
    files() {
        return [...this.entries.keys()];
    }
    /** The reading of an indexed file. */
    reading(file) {
        return this.entries.get(file)?.reading;
    }
    /** `contentVersion` of the text last indexed for a file. */
    version(file) {
        return this.entries.get(file)?.version;
    }
    /**
     * The note's text: the one last indexed, or — when the index keeps no
     * texts (`readText`) — the file's current text.
     */
    text(file) {
        const entry = this.entries.get(file);
        if (!entry)
            return undefined;
        return entry.text ?? this.readText?.(file);
    }
    /** Contacts sorted by name. */
    contacts() {
        return this.sortedContacts.values();
    }
    /** A contact by id, or by path relative to the notes folder. */
    contact(reference) {
        const normalized = reference.replace(/\\/g, '/').replace(/^\.\//, '');
        const direct = this.entries.get(normalized)?.reading.contact;
        if (direct)
            return direct;
        for (const id of [normalized, noteId(normalized)]) {
            const files = [...this.filesById.files(id)].sort();
            for (const file of files) {
                const contact = this.entries.get(file)?.reading.contact;
                if (contact)
                    return contact;
            }
        }
        return undefined;
    }
    /** Every diagnostic: each note's own plus duplicate ids and unresolved links. */
    diagnostics() {
        if (this.diagnosticsView)
            return this.diagnosticsView;
        const diagnostics = [];
        for (const file of this.withDiagnostics)
            diagnostics.push(...this.entries.get(file).reading.diagnostics);
        for (const [id, count] of this.contactFilesById.counts()) {
            if (count < 2)
                continue;
            const files = [...this.contactFilesById.files(id)];
            for (const file of files) {
                const others = [...files].filter((other) => other !== file).sort().join(', ');
                diagnostics.push(fileDiagnostic(file, 'duplicate-id', `Another note has the same id "${id}": ${others}`, 'Rename one of the files so every contact has its own id'));
            }
        }
        for (const target of this.referrers.keys()) {
            if (this.validFilesById.has(target))
                continue;
            for (const file of this.referrers.files(target)) {
                const range = this.entries.get(file).reading.referredByRange;
                diagnostics.push({
                    file,
                    line: range?.line ?? 1,
                    column: range?.column ?? 1,
                    endLine: range?.endLine ?? 1,
                    endColumn: range?.endColumn ?? 1,
                    severity: DIAGNOSTIC_RULES['unresolved-link'],
                    rule: 'unresolved-link',
                    message: `\`referred_by\` points at "${target}", but no contact note has that id`,
                    hint: `Create ${target}.md or fix the link`,
                });
            }
        }
        return (this.diagnosticsView = diagnostics.sort(compareDiagnostics));
    }
    referralGraph() {
        if (!this.graphBuilt) {
            for (const file of this.entries.keys())
                this.graphDirty.add(file);
            this.graphBuilt = true;
        }
        for (const file of this.graphDirty) {
            const contact = this.entries.get(file)?.reading.contact;
            const { edges, pending } = contact ? this.graphParts(contact) : { edges: [], pending: [] };
            this.edgeParts.set(file, edges);
            this.pendingParts.set(file, pending);
        }
        this.graphDirty.clear();
        const edges = this.edgeParts.values();
        const pending = this.pendingParts.values();
        if (this.graph?.edges !== edges || this.graph.pending !== pending) {
            this.graph = { edges, pending, value: { edges: mergeEdges(edges), pending: pending.map((part) => part.item) } };
        }
        return this.graph.value;
    }
    /**
     * The agenda of every contact — what `agenda(contacts(), context)` gives —
     * kept up to date change by change while `context` stays the same (same
     * `now`, zone and rules); a different context recomputes it once. Callers
     * that want updates to be cheap pass a `now` that changes rarely (e.g.
     * rounded to the minute).
     */
    agenda(context) {
        const key = `${context.now.getTime()}\u0000${context.timezone}\u0000${JSON.stringify(context.rules ?? null)}`;
        let state = this.agendaState;
        if (state?.key !== key) {
            const today = todayIn(context.timezone, context.now);
            state = this.agendaState = { key, context, today, parts: new SortedContributions(compareAgendaParts) };
            for (const [file, entry] of this.entries)
                if (entry.reading.contact)
                    state.parts.set(file, this.agendaParts(entry.reading.contact, state));
        }
        else {
            for (const file of this.agendaDirty) {
                const contact = this.entries.get(file)?.reading.contact;
                state.parts.set(file, contact ? this.agendaParts(contact, state) : []);
            }
        }
        this.agendaDirty.clear();
        const parts = state.parts.values();
        if (state.view?.parts !== parts)
            state.view = { parts, items: parts.map((part) => part.item) };
        return state.view.items;
    }
    /** Number of contacts in each stage (every stage present, zeros included). */
    stageCounts() {
        return { ...this.counts };
    }
    /** Records what a reading adds to the cross-note data. */
    remember(file, reading) {
        this.track(file, reading, true);
    }
    /** Takes back what `remember` recorded for the same reading. */
    forget(file, reading) {
        this.track(file, reading, false);
    }
    track(file, reading, add) {
        const update = (groups, key, file) => (add ? groups.add(key, file) : groups.delete(key, file));
        const id = noteId(file);
        const contact = reading.contact;
        update(this.filesById, id, file);
        if (reading.diagnostics.length > 0) {
            if (add)
                this.withDiagnostics.add(file);
            else
                this.withDiagnostics.delete(file);
        }
        if (reading.isContact)
            update(this.contactFilesById, id, file);
        this.diagnosticsView = undefined;
        this.graphDirty.add(file);
        this.agendaDirty.add(file);
        this.sortedContacts.set(file, add && contact ? [contact] : []);
        if (!contact)
            return;
        this.counts[contact.stage] += add ? 1 : -1;
        if (contact.referredBy)
            update(this.referrers, contact.referredBy, file);
        for (const target of contact.outcomeLinks)
            update(this.outcomeLinkers, target, file);
        const resolvedBefore = this.validFilesById.has(contact.id);
        update(this.validFilesById, contact.id, file);
        if (resolvedBefore !== this.validFilesById.has(contact.id)) {
            // The id appeared or vanished: links to it turn into edges, or back into pending referrals.
            for (const other of this.referrers.files(contact.id))
                this.graphDirty.add(other);
            for (const other of this.outcomeLinkers.files(contact.id))
                this.graphDirty.add(other);
        }
        if (contact.organization === undefined)
            return;
        const organization = organizationKey(contact.organization);
        if (contact.stage === 'contacted')
            update(this.contactedByOrganization, organization, file);
        if (!isActiveContact(contact))
            return;
        const before = this.activeByOrganization.get(organization)?.size ?? 0;
        let active = this.activeByOrganization.get(organization);
        if (!active)
            this.activeByOrganization.set(organization, (active = new FilesByKey()));
        update(active, contact.id, file);
        if (active.size === 0)
            this.activeByOrganization.delete(organization);
        // With two or more distinct colleagues, every contact there has one, before and after.
        if (Math.min(before, active.size) < 2) {
            for (const other of this.contactedByOrganization.files(organization))
                this.agendaDirty.add(other);
        }
    }
    /**
     * What one contact adds to the referral graph, given the ids that resolve
     * now (as `referralGraph()` computes it). Edge ids are detached: flat,
     * shared copies compare ~20× faster than cuts of a note's (often two-byte)
     * text, and each rebuild compares every edge's ids.
     */
    graphParts(contact) {
        const edges = [];
        const pending = [];
        if (contact.referredBy && contact.referredBy !== contact.id && this.validFilesById.has(contact.referredBy)) {
            edges.push({ from: detach(contact.referredBy), to: detach(contact.id), source: 'referred_by' });
        }
        contact.outcomeLinks.forEach((target, index) => {
            if (!this.validFilesById.has(target))
                pending.push({ item: { from: contact.id, target }, contact, index });
            else if (target !== contact.id)
                edges.push({ from: detach(contact.id), to: detach(target), source: 'outcomes' });
        });
        return { edges, pending };
    }
    agendaParts(contact, state) {
        const items = contactAgenda(contact, { ...state.context, contacts: this.colleaguesOf(contact) }, state.today);
        return items.map((item, index) => ({ item, contact, index }));
    }
    /**
     * At most two active contacts with distinct ids at the contact's
     * organization: all the colleague rule needs to give the same answer as
     * it would over every contact.
     */
    colleaguesOf(contact) {
        if (contact.organization === undefined)
            return [];
        const active = this.activeByOrganization.get(organizationKey(contact.organization));
        const colleagues = [];
        for (const id of active?.keys() ?? []) {
            const first = active.first(id);
            const colleague = first === undefined ? undefined : this.entries.get(first)?.reading.contact;
            if (colleague)
                colleagues.push(colleague);
            if (colleagues.length === 2)
                break;
        }
        return colleagues;
    }
}
/**
 * Joins the parts of each `from → to` pair into one edge with its sources.
 * A pair's parts are adjacent and ordered by source, so dropping repeats
 * keeps each source once, in order.
 */
function mergeEdges(parts) {
    const edges = [];
    for (let i = 0; i < parts.length;) {
        const first = parts[i];
        let end = i + 1;
        while (end < parts.length && parts[end].from === first.from && parts[end].to === first.to)
            end++;
        if (end === i + 1) {
            edges.push((first.single ??= { from: first.from, to: first.to, sources: [first.source] }));
        }
        else {
            const sources = [];
            for (let k = i; k < end; k++)
                if (sources.at(-1) !== parts[k].source)
                    sources.push(parts[k].source);
            edges.push({ from: first.from, to: first.to, sources });
        }
        i = end;
    }
    return edges;
}
function fileDiagnostic(file, rule, message, hint) {
    return { file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: DIAGNOSTIC_RULES[rule], rule, message, hint };
}
//# sourceMappingURL=note-index.js.map