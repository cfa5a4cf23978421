/** Every stage of one informational interview, in lifecycle order. */
export declare const STAGES: readonly ["identified", "contacted", "followed-up", "scheduled", "prepared", "held", "thanked", "nurturing", "declined", "no-response", "archived"];
export type Stage = (typeof STAGES)[number];
/** Stages after which no further action is suggested. */
export declare const CLOSED_STAGES: readonly Stage[];
/** How a contact was found. */
export declare const SOURCES: readonly ["linkedin", "association", "personal", "referral", "cold", "event", "alumni", "other"];
export type Source = (typeof SOURCES)[number];
/** How a meeting takes place. */
export declare const MEETING_FORMATS: readonly ["in-person", "phone", "video"];
export type MeetingFormat = (typeof MEETING_FORMATS)[number];
/** The channel a message went through. */
export declare const CHANNELS: readonly ["email", "linkedin", "letter", "phone", "in-person", "other"];
export type Channel = (typeof CHANNELS)[number];
/** Section headings of a new contact note, in order. */
export declare const NOTE_SECTIONS: readonly ["Why this person", "Research", "Questions", "Notes", "Outcomes"];
export declare function isStage(value: unknown): value is Stage;
export declare function isSource(value: unknown): value is Source;
export declare function isMeetingFormat(value: unknown): value is MeetingFormat;
/** A meeting link: an absolute URL such as `https://meet.example.com/abc` or a dial-in `tel:+14125550142`. */
export declare function isMeetingLink(value: unknown): value is string;
export declare function isChannel(value: unknown): value is Channel;
