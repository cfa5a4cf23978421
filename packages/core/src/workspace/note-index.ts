import { DIAGNOSTIC_RULES, compareDiagnostics, type Diagnostic } from '../diagnostics.js';
import { referralGraph, type ReferralGraph } from '../graph/referrals.js';
import type { Contact } from '../model/contact.js';
import { STAGES, type Stage } from '../model/vocabulary.js';
import { readNote, type NoteReading } from '../note/read-contact.js';
import { LineIndex } from '../note/source.js';
import { noteId } from '../note/wikilinks.js';

interface Entry {
  readonly reading: NoteReading;
  readonly text: string;
}

/**
 * Every note of a folder, kept current one file at a time: `set` re-reads a
 * changed note, `delete` drops a removed one. Cross-note facts (duplicate
 * ids, unresolved links, the referral graph) are derived on demand and
 * cached until the next change.
 */
export class NoteIndex {
  private readonly entries = new Map<string, Entry>();
  private derived: { contacts: Contact[]; byId: Map<string, Contact>; diagnostics: Diagnostic[]; graph: ReferralGraph } | undefined;
  /** Files by note id, kept up to date on every change so lookups never rebuild the derived data. */
  private readonly filesById = new Map<string, Set<string>>();

  /** Reads (or re-reads) one note. */
  set(file: string, text: string): NoteReading {
    const reading = readNote(file, text);
    this.setReading(file, text, reading);
    return reading;
  }

  /** Adds a note already read elsewhere (e.g. from a cache). */
  setReading(file: string, text: string, reading: NoteReading): void {
    this.entries.set(file, { reading, text });
    const id = noteId(file);
    this.filesById.set(id, (this.filesById.get(id) ?? new Set()).add(file));
    this.derived = undefined;
  }

  delete(file: string): boolean {
    this.derived = undefined;
    const files = this.filesById.get(noteId(file));
    files?.delete(file);
    if (files?.size === 0) this.filesById.delete(noteId(file));
    return this.entries.delete(file);
  }

  /** True when some indexed file (contact or not) has this id. */
  hasId(id: string): boolean {
    return this.filesById.has(id);
  }

  has(file: string): boolean {
    return this.entries.has(file);
  }

  /** Files that are indexed, contacts or not. */
  files(): string[] {
    return [...this.entries.keys()];
  }

  /** The text last indexed for a file. */
  text(file: string): string | undefined {
    return this.entries.get(file)?.text;
  }

  /** Contacts sorted by name. */
  contacts(): readonly Contact[] {
    return this.derive().contacts;
  }

  /** A contact by id, or by path relative to the notes folder. Cheap: it does not rebuild cross-note data. */
  contact(reference: string): Contact | undefined {
    const normalized = reference.replace(/\\/g, '/').replace(/^\.\//, '');
    const direct = this.entries.get(normalized)?.reading.contact;
    if (direct) return direct;
    for (const id of [normalized, noteId(normalized)]) {
      const files = [...(this.filesById.get(id) ?? [])].sort();
      for (const file of files) {
        const contact = this.entries.get(file)?.reading.contact;
        if (contact) return contact;
      }
    }
    return undefined;
  }

  /** Every diagnostic: each note's own plus duplicate ids and unresolved links. */
  diagnostics(): readonly Diagnostic[] {
    return this.derive().diagnostics;
  }

  referralGraph(): ReferralGraph {
    return this.derive().graph;
  }

  /** Number of contacts in each stage (every stage present, zeros included). */
  stageCounts(): Record<Stage, number> {
    const counts = Object.fromEntries(STAGES.map((stage) => [stage, 0])) as Record<Stage, number>;
    for (const contact of this.contacts()) counts[contact.stage]++;
    return counts;
  }

  private derive() {
    if (this.derived) return this.derived;
    const contacts: Contact[] = [];
    const diagnostics: Diagnostic[] = [];
    const filesById = new Map<string, string[]>();
    for (const [file, entry] of this.entries) {
      diagnostics.push(...entry.reading.diagnostics);
      if (!entry.reading.isContact) continue;
      const id = noteId(file);
      filesById.set(id, [...(filesById.get(id) ?? []), file]);
      if (entry.reading.contact) contacts.push(entry.reading.contact);
    }
    const byId = new Map<string, Contact>();
    for (const contact of contacts) if (!byId.has(contact.id) || contact.file < byId.get(contact.id)!.file) byId.set(contact.id, contact);

    for (const [id, files] of filesById) {
      if (files.length < 2) continue;
      for (const file of files) {
        const others = files.filter((other) => other !== file).join(', ');
        diagnostics.push(fileDiagnostic(file, 'duplicate-id', `Another note has the same id "${id}": ${others}`, 'Rename one of the files so every contact has its own id'));
      }
    }
    for (const contact of contacts) {
      if (!contact.referredBy || byId.has(contact.referredBy)) continue;
      const entry = this.entries.get(contact.file)!;
      const range = entry.reading.referredByRange;
      const lines = new LineIndex(entry.text.replace(/^\uFEFF/, ''));
      const from = lines.position(range?.start ?? 0);
      const to = lines.position(range?.end ?? 0);
      diagnostics.push({
        file: contact.file,
        line: from.line,
        column: from.column,
        endLine: to.line,
        endColumn: to.column,
        severity: DIAGNOSTIC_RULES['unresolved-link'],
        rule: 'unresolved-link',
        message: `\`referred_by\` points at "${contact.referredBy}", but no contact note has that id`,
        hint: `Create ${contact.referredBy}.md or fix the link`,
      });
    }
    contacts.sort((a, b) => a.name.localeCompare(b.name) || a.file.localeCompare(b.file));
    diagnostics.sort(compareDiagnostics);
    this.derived = { contacts, byId, diagnostics, graph: referralGraph(contacts) };
    return this.derived;
  }
}

function fileDiagnostic(file: string, rule: keyof typeof DIAGNOSTIC_RULES, message: string, hint: string): Diagnostic {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: DIAGNOSTIC_RULES[rule], rule, message, hint };
}
