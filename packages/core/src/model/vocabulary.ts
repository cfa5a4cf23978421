import leven from 'leven';

/** Every stage of one informational interview, in lifecycle order. */
export const STAGES = [
  'identified',
  'contacted',
  'followed-up',
  'scheduled',
  'prepared',
  'held',
  'thanked',
  'nurturing',
  'declined',
  'no-response',
  'archived',
] as const;
/** A contact's stage in the interview process, one of `STAGES`: identified → contacted → followed-up → scheduled → prepared → held → thanked → nurturing, or closed (declined, no-response, archived). */
export type Stage = (typeof STAGES)[number];

/** Stages after which no further action is suggested. */
export const CLOSED_STAGES: readonly Stage[] = ['declined', 'no-response', 'archived'];

/** Stages that say the meeting took place. */
export const AFTER_MEETING_STAGES: readonly Stage[] = ['held', 'thanked', 'nurturing'];

/** Stages in which the note's meeting is still to come. */
export const MEETING_PENDING_STAGES: readonly Stage[] = ['scheduled', 'prepared'];

/** How a contact was found. */
export const SOURCES = ['linkedin', 'association', 'personal', 'referral', 'cold', 'event', 'alumni', 'other'] as const;
/** How a contact was found, one of `SOURCES`. */
export type Source = (typeof SOURCES)[number];

/** How a meeting takes place. */
export const MEETING_FORMATS = ['in-person', 'phone', 'video'] as const;
/** How a meeting takes place, one of `MEETING_FORMATS`. */
export type MeetingFormat = (typeof MEETING_FORMATS)[number];

/** The channel a message went through. */
export const CHANNELS = ['email', 'linkedin', 'letter', 'phone', 'in-person', 'other'] as const;
/** The channel a message went through, one of `CHANNELS`: a history entry's `via`. */
export type Channel = (typeof CHANNELS)[number];

/** Section headings of a new contact note, in order. */
export const NOTE_SECTIONS = ['Why this person', 'Research', 'Questions', 'Notes', 'Outcomes'] as const;

export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}

/**
 * The stage a mistyped one most likely meant, or `undefined` when none is close: case,
 * spaces and underscores are forgiven, three letters or more of a stage's start are
 * that stage, and otherwise a few letters may differ.
 *
 * @example
 * closestStage('Thanked'); // → 'thanked'
 * closestStage('followed up'); // → 'followed-up'
 * closestStage('interviewed'); // → undefined
 */
export function closestStage(value: string): Stage | undefined {
  const wanted = value.trim().toLowerCase().replace(/[\s_]+/g, '-');
  let best: { stage: Stage; distance: number } | undefined;
  for (const stage of STAGES) {
    const distance = stage.startsWith(wanted) && wanted.length >= 3 ? 0 : leven(wanted, stage);
    if (!best || distance < best.distance) best = { stage, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(best.stage.length / 3)) ? best.stage : undefined;
}

export function isSource(value: unknown): value is Source {
  return typeof value === 'string' && (SOURCES as readonly string[]).includes(value);
}

export function isMeetingFormat(value: unknown): value is MeetingFormat {
  return typeof value === 'string' && (MEETING_FORMATS as readonly string[]).includes(value);
}

/**
 * A meeting link: where to join, as a web address such as `https://meet.example.com/abc`,
 * a dial-in such as `tel:+14125550142` (digits, with `+ - . ( )`, and `,` `;` `p` `w` for
 * pauses and extensions) or a SIP address. Other schemes (`javascript:`, `data:`, `file:`,
 * `mailto:`…) are no place to meet, and some run code where the link is opened.
 */
export function isMeetingLink(value: unknown): value is string {
  if (typeof value !== 'string' || /\s/.test(value) || !URL.canParse(value)) return false;
  const url = new URL(value);
  switch (url.protocol) {
    case 'http:':
    case 'https:':
      return url.hostname !== '';
    case 'tel:':
      return /^\+?[\d().-]*\d[\d().-]*(?:[,;pPwW][\w#*=,;-]*)?$/.test(decodeURIComponent(url.pathname));
    case 'sip:':
    case 'sips:':
      return /^[^@]+@[^@]+$/.test(url.pathname);
    default:
      return false;
  }
}

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}
