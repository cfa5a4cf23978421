/**
 * JSON Schema (draft-07, as the YAML language server reads it) of a contact
 * note's frontmatter. Unknown fields are allowed: they are the user's.
 */
export declare const contactSchema: {
    readonly $schema: "http://json-schema.org/draft-07/schema#";
    readonly $id: "https://rapport.invalid/schema/contact.json";
    readonly title: "Rapport contact note";
    readonly description: "Frontmatter of one informational-interview contact.";
    readonly type: "object";
    readonly required: readonly ["type", "name", "stage"];
    readonly properties: {
        readonly type: {
            readonly const: "contact";
            readonly description: "Marks the note as a Rapport contact.";
        };
        readonly name: {
            readonly type: "string";
            readonly minLength: 1;
            readonly description: "Full name.";
        };
        readonly stage: {
            readonly enum: readonly ["identified", "contacted", "followed-up", "scheduled", "prepared", "held", "thanked", "nurturing", "declined", "no-response", "archived"];
            readonly description: "Where the interview stands.";
        };
        readonly role: {
            readonly type: "string";
            readonly description: "Role or title.";
        };
        readonly organization: {
            readonly type: "string";
        };
        readonly industry: {
            readonly type: "string";
        };
        readonly location: {
            readonly type: "string";
        };
        readonly email: {
            readonly type: "string";
            readonly format: "email";
        };
        readonly phone: {
            readonly type: "string";
        };
        readonly linkedin: {
            readonly type: "string";
            readonly pattern: "^https?://";
            readonly description: "Profile URL.";
        };
        readonly source: {
            readonly enum: readonly ["linkedin", "association", "personal", "referral", "cold", "event", "alumni", "other"];
            readonly description: "How the contact was found.";
        };
        readonly referred_by: {
            readonly description: "Who referred this contact, as \"[[id]]\".";
            readonly type: "string";
            readonly pattern: "^\\[\\[[^\\[\\]|#]+(#[^\\[\\]|]*)?(\\|[^\\[\\]]*)?\\]\\]$";
        };
        readonly tags: {
            readonly type: "array";
            readonly items: {
                readonly type: readonly ["string", "number"];
            };
        };
        readonly history: {
            readonly type: "array";
            readonly description: "Every stage change, oldest first.";
            readonly items: {
                readonly type: "object";
                readonly required: readonly ["date", "stage"];
                readonly properties: {
                    readonly date: {
                        readonly type: "string";
                        readonly pattern: "^\\d{4}-\\d{2}-\\d{2}$";
                        readonly description: "A calendar date, YYYY-MM-DD";
                    };
                    readonly stage: {
                        readonly enum: readonly ["identified", "contacted", "followed-up", "scheduled", "prepared", "held", "thanked", "nurturing", "declined", "no-response", "archived"];
                    };
                    readonly via: {
                        readonly enum: readonly ["email", "linkedin", "letter", "phone", "in-person", "other"];
                        readonly description: "Channel used.";
                    };
                    readonly letter: {
                        readonly type: "string";
                        readonly description: "Letter template sent.";
                    };
                    readonly note: {
                        readonly type: "string";
                    };
                };
            };
        };
        readonly meeting: {
            readonly type: "object";
            readonly required: readonly ["at"];
            readonly properties: {
                readonly at: {
                    readonly type: "string";
                    readonly pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?(Z|[+-]\\d{2}:?\\d{2})?$";
                    readonly description: "Start, YYYY-MM-DDTHH:mm with optional offset.";
                };
                readonly minutes: {
                    readonly type: "integer";
                    readonly minimum: 1;
                    readonly maximum: 600;
                    readonly default: 30;
                };
                readonly format: {
                    readonly enum: readonly ["in-person", "phone", "video"];
                    readonly default: "video";
                };
                readonly place: {
                    readonly type: "string";
                };
                readonly link: {
                    readonly type: "string";
                };
            };
        };
        readonly next: {
            readonly type: "object";
            readonly required: readonly ["action"];
            readonly description: "A next action written by hand; it overrides the computed one.";
            readonly properties: {
                readonly action: {
                    readonly type: "string";
                    readonly minLength: 1;
                };
                readonly due: {
                    readonly anyOf: readonly [{
                        readonly type: "string";
                        readonly pattern: "^\\d{4}-\\d{2}-\\d{2}$";
                        readonly description: "A calendar date, YYYY-MM-DD";
                    }, {
                        readonly type: "null";
                    }];
                };
            };
        };
        readonly touch_every: {
            readonly type: "integer";
            readonly minimum: 1;
            readonly maximum: 3650;
            readonly description: "Days between keep-in-touch notes.";
        };
    };
    readonly additionalProperties: true;
};
