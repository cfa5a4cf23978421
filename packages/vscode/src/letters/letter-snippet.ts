/** A drafted letter as a snippet: each `[[fill: field]]` becomes a tab stop named in words (tested without VS Code). */

/** What each template field means to the person writing, for the `[[fill: …]]` markers of a draft. */
export const FIELD_NAMES: Readonly<Record<string, string>> = {
  name: 'their name',
  firstName: 'their first name',
  role: 'their role',
  organization: 'their organization',
  foundVia: 'how you found them',
  impressed: 'what impressed you',
  visiting: 'when you are in their area',
  learned: 'something specific you learned',
  topic: 'the topic you talked about',
  article: 'the article or news to share',
  sentOn: 'when you first wrote',
  'meeting.day': 'the meeting day',
  'meeting.month': 'the meeting month',
  'referrer.name': 'who referred you',
  'referrer.firstName': "the referrer's first name",
  'profile.name': 'your name',
  'profile.background': 'your position or background',
  'profile.field': 'the field you are exploring',
  'profile.location': 'where you live or work',
  'profile.email': 'your email',
  'profile.phone': 'your phone number',
  signature: 'your signature',
};

const MARKER = /\[\[fill: ?([^\]\r\n]*)\]\]/g;

/** The words for a field: its name from `FIELD_NAMES`, else the field itself (a user template's own field). */
export function fieldName(field: string): string {
  return FIELD_NAMES[field.trim()] ?? field.trim();
}

/** The marker text a draft shows for a field, e.g. `[[fill: how you found them]]`. */
export function humanMarker(field: string): string {
  return `[[fill: ${fieldName(field)}]]`;
}

/**
 * The letter in snippet syntax: the text escaped, each marker a tab stop
 * whose placeholder is the marker in words (so an unfilled one still reads
 * `[[fill: …]]`, which Copy and Mark as Sent look for). The same field
 * twice is one tab stop, filled once.
 */
export function letterSnippet(text: string): string {
  const stops = new Map<string, number>();
  let result = '';
  let last = 0;
  for (const match of text.matchAll(MARKER)) {
    result += escapeSnippet(text.slice(last, match.index));
    const field = match[1]!.trim();
    let stop = stops.get(field);
    if (stop === undefined) stops.set(field, (stop = stops.size + 1));
    result += `\${${stop}:${escapeSnippet(humanMarker(field))}}`;
    last = match.index + match[0].length;
  }
  return `${result}${escapeSnippet(text.slice(last))}`;
}

/** The letter as the editor shows it once the snippet is in. */
export function letterWithHumanMarkers(text: string): string {
  return text.replace(MARKER, (_marker, field: string) => humanMarker(field));
}

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}
