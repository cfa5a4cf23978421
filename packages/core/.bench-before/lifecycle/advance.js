import { InvalidInputError } from '../errors.js';
import { isChannel, isMeetingFormat, isMeetingLink, isStage, MEETING_FORMATS, STAGES } from '../model/vocabulary.js';
import { appendToList, setField } from '../note/edit.js';
import { isCalendarDate, isMeetingTime } from './dates.js';
/**
 * Moves a contact to `stage`: sets `stage` and appends a dated history entry
 * (plus the meeting, when scheduling). Any stage can follow any other — a
 * meeting can be rescheduled, a step skipped — but every change is recorded.
 */
export function advance(text, stage, options) {
    if (!isStage(stage))
        throw new InvalidInputError(`unknown stage "${stage}" (use one of: ${STAGES.join(', ')})`);
    const entry = historyEntry(stage, options);
    let result = setField(text, ['stage'], stage);
    result = appendToList(result, ['history'], entry);
    if (options.meeting)
        result = setField(result, ['meeting'], meetingValue(options.meeting));
    return result;
}
/** Records a touch (a call, a shared article) without changing the stage. */
export function logInteraction(text, stage, options) {
    return appendToList(text, ['history'], historyEntry(stage, options));
}
function historyEntry(stage, options) {
    if (!isCalendarDate(options.date))
        throw new InvalidInputError(`invalid date "${options.date}" (use YYYY-MM-DD)`);
    if (options.via !== undefined && !isChannel(options.via))
        throw new InvalidInputError(`unknown channel "${options.via}"`);
    return {
        date: options.date,
        stage,
        ...(options.via ? { via: options.via } : {}),
        ...(options.letter ? { letter: options.letter } : {}),
        ...(options.note ? { note: options.note } : {}),
    };
}
function meetingValue(meeting) {
    if (!isMeetingTime(meeting.at))
        throw new InvalidInputError(`invalid meeting time "${meeting.at}" (use YYYY-MM-DDTHH:mm, with an offset from -12:00 to +14:00 if any)`);
    const minutes = meeting.minutes ?? 30;
    if (!Number.isInteger(minutes) || minutes <= 0 || minutes > 600)
        throw new InvalidInputError(`invalid meeting length "${minutes}" (whole minutes)`);
    const format = meeting.format ?? 'video';
    if (!isMeetingFormat(format))
        throw new InvalidInputError(`unknown meeting format "${format}" (use one of: ${MEETING_FORMATS.join(', ')})`);
    if (meeting.link && !isMeetingLink(meeting.link))
        throw new InvalidInputError(`invalid meeting link "${meeting.link}" (use a URL such as https://meet.example.com/abc, or tel:+14125550142)`);
    return {
        at: meeting.at,
        minutes,
        format,
        ...(meeting.place ? { place: meeting.place } : {}),
        ...(meeting.link ? { link: meeting.link } : {}),
    };
}
//# sourceMappingURL=advance.js.map