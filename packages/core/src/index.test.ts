import { expect, it } from 'vitest';
import * as core from './index.js';
import * as internal from './internal.js';

it('exports exactly the documented public API', () => {
  expect(Object.keys(core).sort()).toMatchSnapshot();
});

it('keeps the plumbing shared by the CLI and the extension in @rapport/core/internal, out of the root', () => {
  expect(Object.keys(internal).sort()).toEqual(['AFTER_MEETING_STAGES', 'INDEX_CACHE_FORMAT', 'MEETING_PENDING_STAGES', 'RACY_WINDOW_MS', 'WEEK_COLUMNS', 'asSnapshot', 'atInZone', 'channelChoice', 'checkLetterRecordable', 'configErrors', 'contactTimeZone', 'contentVersion', 'dayOfWeek', 'didYouMean', 'fillMarker', 'freeContactId', 'labelledLine', 'letterSentEdit', 'meetingBeforeBooking', 'meetingStartInZone', 'meetingTimeLike', 'nearest', 'normalizedDate', 'organizationKey', 'organizationNamed', 'outcomeLabelKey', 'parseFastFrontmatter', 'pastMeetingDay', 'questionCount', 'questionPlace', 'readableMeetingTime', 'refuseUtf16', 'renamedTitle', 'restoreIndex', 'sameNameAndOrganization', 'sharedIdProblem', 'snoozeDay', 'snoozeRefusal', 'sourceRatios', 'spokenDate', 'stageChangeWords', 'suggestedStage', 'timeZoneSuggestion', 'unnamedPerson', 'unreadableFileDiagnostic', 'unreadableNamesake', 'utf16Encoding', 'weekTable', 'zoneWrittenIn']);
  for (const name of Object.keys(internal)) expect(Object.keys(core)).not.toContain(name);
});
