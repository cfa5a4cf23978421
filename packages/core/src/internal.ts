/**
 * Plumbing shared by Rapport's own command line and VS Code extension:
 * the index cache's format and restore, the fast frontmatter reader, the
 * content version a store compares. Not part of the public API: anything
 * here may change or go in any release, without a major version.
 *
 * @module @rapport/core/internal
 */

export { INDEX_CACHE_FORMAT, RACY_WINDOW_MS, restoreIndex, asSnapshot } from './workspace/index-cache.js';
export { parseFastFrontmatter } from './note/fast-frontmatter.js';
export type { FastFrontmatter } from './note/fast-frontmatter.js';
export { contentVersion } from './workspace/store.js';
export { configErrors, unreadableFileDiagnostic } from './workspace/workspace.js';
export { refuseUtf16, utf16Encoding } from './note/encoding.js';
export { sharedIdProblem } from './workspace/note-index.js';
export { sourceRatios, WEEK_COLUMNS, weekTable } from './report/report-cells.js';
export type { WeekColumn, WeekTableRow } from './report/report-cells.js';
export { fillMarker } from './letters/render-template.js';
export { labelledLine } from './letters/note-facts.js';
export { checkLetterRecordable, contactTimeZone, meetingBeforeBooking, stageChangeWords } from './lifecycle/advance.js';
export { didYouMean, nearest } from './model/did-you-mean.js';
export { pastMeetingDay, suggestedStage, unnamedPerson } from './lifecycle/next-action.js';
export { freeContactId, unreadableNamesake } from './workspace/create-contact.js';
export { organizationNamed } from './outcomes/outcome-actions.js';
export { outcomeLabelKey } from './outcomes/outcomes.js';
export { AFTER_MEETING_STAGES, MEETING_PENDING_STAGES } from './model/vocabulary.js';
export { organizationKey, sameNameAndOrganization } from './model/person-name.js';
export { channelChoice, letterSentEdit } from './letters/letters.js';
export type { ChannelChoice, LetterSentEdit } from './letters/letters.js';
export { questionCount, questionPlace } from './questions/insert.js';
export { renamedTitle } from './note/body.js';
export { atInZone, dayOfWeek, meetingStartInZone, meetingTimeLike, readableMeetingTime, timeZoneSuggestion, zoneWrittenIn } from './lifecycle/dates.js';
export { snoozeDay, snoozeRefusal } from './lifecycle/snooze.js';
export { normalizedDate } from './note/date-hint.js';
export { spokenDate, type SpokenDate } from './letters/letter-data.js';
