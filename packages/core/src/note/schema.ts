import { DISMISSABLE_ACTIONS } from '../lifecycle/next-action.js';
import { CHANNELS, MEETING_FORMATS, SOURCES, STAGES } from '../model/vocabulary.js';

// A pattern cannot know the length of each month (2026-02-30 passes it; rapport check does not), but refuses month 13, day 32 and hour 24.
const DAY = '\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])';
const date = { type: 'string', pattern: `^${DAY}$`, description: 'A calendar date, YYYY-MM-DD' } as const;
const wikilink = { type: 'string', pattern: '^\\[\\[[^\\[\\]|#]+(#[^\\[\\]|]*)?(\\|[^\\[\\]]*)?\\]\\]$' } as const;

/**
 * JSON Schema (draft-07, as the YAML language server reads it) of a contact
 * note's frontmatter. Unknown fields are allowed: they are the user's.
 */
export const contactSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://rapport.invalid/schema/contact.json',
  title: 'Rapport contact note',
  description: 'Frontmatter of one informational-interview contact.',
  type: 'object',
  required: ['type', 'name', 'stage'],
  properties: {
    type: { const: 'contact', description: 'Marks the note as a Rapport contact.' },
    name: { type: 'string', minLength: 1, description: 'Full name.' },
    credentials: { type: 'string', description: 'Degrees and certifications written after the name, e.g. "MBA, CSCP" (a LinkedIn import puts them here).' },
    stage: { enum: [...STAGES], description: 'Where the interview stands.' },
    role: { type: 'string', description: 'Role or title.' },
    organization: { type: 'string', description: 'Company or institution they work for.' },
    industry: { type: 'string', description: 'Field or industry they work in.' },
    location: { type: 'string', description: 'Where they are based.' },
    email: { type: 'string', format: 'email', description: 'Email address, for letters sent by email.' },
    phone: { type: 'string', description: 'Phone number.' },
    linkedin: { type: 'string', pattern: '^https?://', description: 'Profile URL.' },
    linkedin_connected: { anyOf: [date, { type: 'boolean' }], description: 'Already a 1st-degree LinkedIn connection: the day you connected, or true (a LinkedIn import writes it). No connection request is offered.' },
    source: { enum: [...SOURCES], description: 'How the contact was found.' },
    referred_by: { ...wikilink, description: 'Who referred this contact, as "[[id]]".' },
    tags: { type: 'array', items: { type: ['string', 'number'] }, description: 'Your own labels, e.g. [ux, fintech].' },
    history: {
      type: 'array',
      description: 'Every stage change, oldest first.',
      items: {
        type: 'object',
        required: ['date', 'stage'],
        properties: {
          date,
          stage: { enum: [...STAGES], description: 'The stage reached that day.' },
          via: { enum: [...CHANNELS], description: 'Channel used.' },
          letter: { type: 'string', description: 'Letter template sent.' },
          note: { type: 'string', description: 'What happened.' },
          touch: { type: 'boolean', description: 'A touch logged without a stage change.' },
          replied: { type: 'boolean', description: 'The contact replied that day, with neither a time agreed nor a no: the follow-up stops.' },
        },
      },
    },
    meeting: {
      type: 'object',
      required: ['at'],
      description: 'The agreed conversation: when, how long, how and where.',
      properties: {
        at: { type: 'string', pattern: `^${DAY}T([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d)?(Z|[+-]\\d{2}:?[0-5]\\d)?$`, description: 'Start, YYYY-MM-DDTHH:mm with optional offset.' },
        minutes: { type: 'integer', minimum: 1, maximum: 600, default: 30, description: 'Length in minutes: ask for 30, at most an hour.' },
        format: { enum: [...MEETING_FORMATS], default: 'video', description: 'How the meeting takes place.' },
        place: { type: 'string', description: 'Where to meet in person.' },
        link: { type: 'string', description: 'Where to join a video call.' },
      },
    },
    next: {
      type: 'object',
      required: ['action'],
      description: 'A next action written by hand; it overrides the computed one.',
      properties: {
        action: { type: 'string', minLength: 1, description: 'What to do next.' },
        due: { anyOf: [date, { type: 'null' }], description: 'The day it is due, or null for no date.' },
      },
    },
    timezone: { type: 'string', minLength: 1, description: "The contact's own time zone, an IANA name such as America/Bogota: a meeting booked at its offset is on their clock, and a new time given without an offset keeps to it." },
    snoozed_until: { ...date, description: 'None of this contact\'s own next actions is due before this day: one due earlier is due on it. Removed when a step or a touch is recorded (`rapport snooze`).' },
    touch_every: { type: 'integer', minimum: 1, maximum: 3650, description: 'Days between keep-in-touch notes.' },
    dismissed: {
      description: 'Suggestions turned off for this contact (`rapport dismiss`).',
      anyOf: [{ type: 'array', items: { enum: DISMISSABLE_ACTIONS } }, { enum: DISMISSABLE_ACTIONS }],
    },
  },
  additionalProperties: true,
} as const;
