import ICAL from 'ical.js';

/**
 * An iCalendar or vCard component as text, every content line ending with
 * CRLF (ical.js leaves the last one without) and folded to at most 75
 * octets (RFC 5545 3.1, RFC 6350 3.2). ical.js folds after `foldLength`
 * octets and then adds the leading space of the continuation line, so it is
 * set one lower while this component is written, and put back.
 */
export function contentLines(component: ICAL.Component): string {
  const foldLength = ICAL.foldLength;
  ICAL.foldLength = 74;
  try {
    return `${component.toString()}\r\n`;
  } finally {
    ICAL.foldLength = foldLength;
  }
}
