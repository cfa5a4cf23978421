/**
 * Rapport core: informational interviews kept as lossless Markdown notes.
 * One entry point; exports are grouped by area and pinned by a test.
 */

// Vocabulary and data
export { STAGES, CLOSED_STAGES, SOURCES, MEETING_FORMATS, CHANNELS, NOTE_SECTIONS, isStage, isSource, isMeetingFormat, isChannel, closestStage } from './model/vocabulary.js';
export type { Stage, Source, MeetingFormat, Channel } from './model/vocabulary.js';
export type { Contact, HistoryEntry, Meeting, ManualNext } from './model/contact.js';
export { namesakes } from './model/person-name.js';

// Diagnostics and errors
export { DIAGNOSTIC_RULES, compareDiagnostics } from './diagnostics.js';
export type { Diagnostic, DiagnosticFix, DiagnosticFieldsFix, DiagnosticRule, DiagnosticTextFix, Severity } from './diagnostics.js';
export { RapportError, NoteConflictError, NoteNotFoundError, NoteExistsError, InvalidInputError, UneditableNoteError, UnreadableNoteError, ReadOnlyNoteError, InvalidEncodingError } from './errors.js';
export { RecordingRefusedError, ExportRefusedError } from './errors.js';
export type { RefusalPlace } from './errors.js';
export { LetterTemplateError, MissingLetterFieldsError, LetterNotFoundError, LetterUnfitError } from './errors.js';
export type { MissingLetterField } from './errors.js';

// Reading notes
export { readNote, isEmailAddress, isProfileUrl } from './note/read-contact.js';
export type { NoteReading, ReadNoteOptions } from './note/read-contact.js';
// parseNote (the remark tree) lives in `@rapport/core/markdown`, so remark loads only for its callers.
export { readLayout, LineIndex } from './note/source.js';
export type { NoteLayout, FrontmatterBlock, LineEnding, Position } from './note/source.js';
export { scanSections, findSection } from './note/body.js';
export type { BodySection } from './note/body.js';
export { findWikilinks, wikilinkTarget, noteId } from './note/wikilinks.js';
export type { Wikilink } from './note/wikilinks.js';
export { noteLinks, noteLinkAt, linksTo, renameLinks, noteIdProblem } from './note/note-links.js';
export type { NoteLink, TextReplacement } from './note/note-links.js';
export { contactSchema } from './note/schema.js';

// Merging: git's conflict markers, and a merge of two versions of a note
export { findConflicts } from './merge/conflict-markers.js';
export type { ConflictRegion } from './merge/conflict-markers.js';
export { mergeNotes } from './merge/merge-notes.js';
export type { LineMergeInput, NoteMerge } from './merge/merge-notes.js';

// Lossless edits
export { setField, deleteField, appendToList, appendToSection, getField } from './note/edit.js';
export { applyFix } from './note/apply-fix.js';
export type { FieldPath } from './note/edit.js';
export { contactNoteText } from './note/template.js';
export type { NewContact } from './note/template.js';

// Lifecycle and next actions
export { advance, booksMeetingOnly, changesMeetingDetailsOnly, logInteraction, checkRecordable, updateMeeting, moveMeeting, repeatedStageProblem } from './lifecycle/advance.js';
export type { AdvanceOptions, InteractionOptions, MeetingInput } from './lifecycle/advance.js';
export { nextActions, nextAction, agenda, stageDate } from './lifecycle/next-action.js';
export type { NextAction, ActionKind, ActionContext, AgendaItem } from './lifecycle/next-action.js';
export { DISMISSABLE_ACTIONS, isDismissableAction } from './lifecycle/next-action.js';
export type { DismissableAction } from './lifecycle/next-action.js';
export { dismissAction } from './lifecycle/dismiss.js';
export { setManualNext, clearManualNext } from './lifecycle/manual-next.js';
export { snoozeContact, unsnoozeContact } from './lifecycle/snooze.js';
export { isCalendarDate, isMeetingTime, addCalendarDays, addWorkingDays, daysBetween, todayIn, meetingStart, meetingDate, meetingClock, skippedMeetingTime, isTimeZone, systemTimeZone } from './lifecycle/dates.js';

// Outcomes: labelled items under `## Outcomes`
export { OUTCOME_KINDS, DEFAULT_OUTCOME_LABELS, isOutcomeKind, readOutcomes } from './outcomes/outcomes.js';
export type { Outcome, OutcomeKind, OutcomeReading, ReadOutcomesOptions } from './outcomes/outcomes.js';
export { addReferral } from './outcomes/add-referral.js';
export { setOutcomeDone } from './outcomes/outcome-done.js';
export type { OutcomeRead, SetOutcomeDoneOptions } from './outcomes/outcome-done.js';
export type { AddReferralOptions, AddedReferral } from './outcomes/add-referral.js';
export { nameFromLink } from './outcomes/outcome-actions.js';
export { outcomeSummary } from './outcomes/outcome-summary.js';
export type { OutcomeSummary, OutcomeCount, OpenLead } from './outcomes/outcome-summary.js';

// Referral graph
export { referralGraph, referralsOf, referralChain, referralRoots, referralsToMermaid, referralsToDot } from './graph/referrals.js';
export type { ReferralGraph, ReferralGraphOptions, ReferralEdge, PendingReferral } from './graph/referrals.js';

// Workspace: store, config, index
export { isNotePath } from './workspace/store.js';
export type { NoteStore, StoredText, WriteOptions, NoteChange, NewFile } from './workspace/store.js';
export { MemoryStore } from './workspace/memory-store.js';
export { CONFIG_PATH, defaultConfig, defaultRules, readConfig, loadConfig, notesFolderDiagnostics, privateFieldDiagnostics } from './workspace/config.js';
export type { RapportConfig, Profile, Rules, ConfigReading } from './workspace/config.js';
export { NoteIndex } from './workspace/note-index.js';
export { loadWorkspace, findContact, editNote } from './workspace/workspace.js';
export { createContact, contactSlug } from './workspace/create-contact.js';
export { loadSlugger } from './workspace/load-slugger.js';
export type { Workspace, LoadOptions, EditOptions } from './workspace/workspace.js';

// Reports
export { outreachReport } from './report/outreach-report.js';
export type { OutreachReport, OutreachWeek, OutreachFigures, OutreachReportOptions } from './report/outreach-report.js';
export { searchReport, FUNNEL_STAGES } from './report/search-report.js';
export type { SearchReport, SourceFigures, ReportSource, ThankYouTiming, ReferralChains, FunnelStep, FunnelStage } from './report/search-report.js';


// Import and export live in their own entries, `@rapport/core/import` and `@rapport/core/export`:
// their parsers and writers (csv, ical.js) load only for the callers that use them.

// Letters (Eta templates filled from notes) and the question bank
export { renderLetter, markLetterSent, preferredChannel, LINKEDIN_NOTE_LIMIT, LINKEDIN_FREE_NOTE_LIMIT } from './letters/letters.js';
export { letterUnfit } from './letters/fit.js';
export type { Letter, RenderLetterOptions, MarkSentOptions, LetterSent } from './letters/letters.js';
export { listLetters, loadLetterTemplate, shippedLetterTemplate, SHIPPED_LETTERS, TEMPLATES_FOLDER, unknownLetterProblem } from './letters/registry.js';
export type { LetterInfo, ListLettersOptions, TemplateOptions } from './letters/registry.js';
export { parseLetterTemplate } from './letters/template.js';
export type { LetterTemplate } from './letters/template.js';
export { compileLetterTemplate, renderLetterTemplate } from './letters/render-template.js';
export type { CompiledLetterTemplate, RenderedLetter } from './letters/render-template.js';
export { letterData } from './letters/letter-data.js';
export type { LetterData, LetterDataInput, LetterDataResult } from './letters/letter-data.js';
export { NOTE_FACTS, noteFact } from './letters/note-facts.js';
export type { NoteFact } from './letters/note-facts.js';
export { QUESTION_THEMES, QUESTION_BANK, CLOSING_QUESTION } from './questions/bank.js';
export type { Question, QuestionTheme } from './questions/bank.js';
export { QUESTIONS_PATH, readQuestions, loadQuestions, findTheme, pickQuestions } from './questions/question-set.js';
export type { QuestionSet, QuestionPick } from './questions/question-set.js';
export { tailoredQuestions, OPENING_QUESTIONS } from './questions/tailored.js';
export type { QuestionAudience } from './questions/tailored.js';
export { questionAudience } from './questions/audience.js';
export { insertQuestions, newQuestions, questionsInNote, QUESTIONS_SECTION } from './questions/insert.js';

// The incremental index's types, and the interface of a persisted index cache (`NodeIndexCache` in `@rapport/core/node`)
export type { ReferredByRange } from './note/read-contact.js';
export type { NoteIndexOptions, IndexedSource, AgendaContext, BrokenNote } from './workspace/note-index.js';
export type { IndexCache, IndexSnapshot, CachedNote, ContactOrder, FileIdentity } from './workspace/index-cache.js';
export type { ZoneOffsetTable } from './lifecycle/zone-offsets.js';

// Plumbing shared by the CLI and the extension (the cache format, the fast frontmatter reader, content versions)
// lives in `@rapport/core/internal`: not part of the public API.
