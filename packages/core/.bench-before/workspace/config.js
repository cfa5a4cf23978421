import leven from 'leven';
import { isMap, isScalar, parseDocument } from 'yaml';
import { isTimeZone, systemTimeZone } from '../lifecycle/dates.js';
import { YAML_OPTIONS, MAX_ALIAS_COUNT } from '../note/frontmatter.js';
import { LineIndex } from '../note/source.js';
/** Where the settings of a notes folder live, relative to it. */
export const CONFIG_PATH = '.rapport/config.yaml';
export const defaultRules = Object.freeze({
    followUpAfter: 7,
    secondContactAfter: 3,
    giveUpAfter: 7,
    prepareBefore: 2,
    thankWithin: 1,
    touchEvery: 60,
});
export function defaultConfig() {
    return { profile: {}, timezone: systemTimeZone(), notesFolder: '', rules: defaultRules, privateFields: [] };
}
const PROFILE_FIELDS = ['name', 'background', 'field', 'email', 'phone', 'location'];
const RULE_KEYS = {
    follow_up_after: 'followUpAfter',
    second_contact_after: 'secondContactAfter',
    give_up_after: 'giveUpAfter',
    prepare_before: 'prepareBefore',
    thank_within: 'thankWithin',
    touch_every: 'touchEvery',
};
/** The top-level settings a config may hold. */
const CONFIG_KEYS = ['profile', 'timezone', 'notes_folder', 'rules', 'private'];
/** Reads `.rapport/config.yaml` text; a missing file (undefined) means defaults. */
export function readConfig(text, file = CONFIG_PATH) {
    const base = defaultConfig();
    if (text === undefined || text.trim() === '')
        return { config: base, diagnostics: [] };
    const source = text.replace(/^\uFEFF/, '');
    const lines = new LineIndex(source);
    const diagnostics = [];
    const push = (severity, rule, range, message, hint) => {
        const from = lines.position(range?.[0] ?? 0);
        const to = lines.position(range?.[1] ?? 0);
        diagnostics.push({ file, line: from.line, column: from.column, endLine: to.line, endColumn: to.column, severity, rule, message, ...(hint ? { hint } : {}) });
    };
    const report = (range, message, hint) => push('error', 'invalid-config', range, message, hint);
    // Nothing of the config can be trusted, `private:` included: defaults, and exports refuse.
    const unreadable = { config: { ...base, privateFieldsUnreadable: true }, diagnostics };
    const document = parseDocument(source, YAML_OPTIONS);
    if (document.errors.length > 0) {
        for (const error of document.errors)
            report(error.pos, `Invalid YAML: ${error.message.split('\n')[0]}; the whole config is ignored`);
        return unreadable;
    }
    if (document.contents !== null && !isMap(document.contents)) {
        report([0, 0], 'The config must be a mapping of settings; the whole config is ignored');
        return unreadable;
    }
    let data;
    try {
        data = (document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {});
    }
    catch (error) {
        report([0, 0], `Invalid YAML: ${error.message}; the whole config is ignored`);
        return unreadable;
    }
    const rangeOf = (path) => document.getIn(path, true)?.range ?? undefined;
    let privateMistyped = false;
    for (const key of Object.keys(data)) {
        if (CONFIG_KEYS.includes(key))
            continue;
        const suggestion = suggestKey(key);
        if (suggestion === 'private' && data.private === undefined)
            privateMistyped = true;
        push('warning', 'unknown-config-key', keyRange(document, [key]), `Unknown setting \`${key}\`; it is ignored`, suggestion ? `Did you mean \`${suggestion}\`?` : `Known settings: ${CONFIG_KEYS.join(', ')}`);
    }
    const profile = {};
    const rawProfile = data.profile;
    if (rawProfile !== undefined && rawProfile !== null) {
        if (typeof rawProfile !== 'object' || Array.isArray(rawProfile))
            report(rangeOf(['profile']), '`profile` must be a mapping of name, background, field, email, phone, location');
        else {
            for (const key of PROFILE_FIELDS) {
                const value = rawProfile[key];
                if (value === undefined || value === null)
                    continue;
                if (typeof value === 'string' || typeof value === 'number')
                    profile[key] = String(value);
                else
                    report(rangeOf(['profile', key]), `\`profile.${key}\` must be text`);
            }
        }
    }
    let timezone = base.timezone;
    if (data.timezone !== undefined && data.timezone !== null) {
        if (isTimeZone(data.timezone))
            timezone = data.timezone;
        else
            report(rangeOf(['timezone']), `Unknown time zone ${JSON.stringify(data.timezone)}`, 'Use an IANA name such as America/New_York');
    }
    let notesFolder = base.notesFolder;
    if (data.notes_folder !== undefined && data.notes_folder !== null) {
        const folder = typeof data.notes_folder === 'string' ? data.notes_folder.replace(/\\/g, '/').replace(/^\.\/|\/+$/g, '') : undefined;
        if (folder === undefined || folder.startsWith('/') || /^[a-z]:/i.test(folder) || folder.split('/').includes('..')) {
            report(rangeOf(['notes_folder']), '`notes_folder` must be a folder inside the notes folder, such as `contacts`');
        }
        else
            notesFolder = folder === '.' ? '' : folder;
    }
    const rules = { ...defaultRules };
    if (data.rules !== undefined && data.rules !== null) {
        if (typeof data.rules !== 'object' || Array.isArray(data.rules))
            report(rangeOf(['rules']), '`rules` must be a mapping');
        else {
            for (const [key, value] of Object.entries(data.rules)) {
                const name = RULE_KEYS[key];
                if (!name) {
                    report(keyRange(document, ['rules', key]), `Unknown rule \`${key}\``, `Known rules: ${Object.keys(RULE_KEYS).join(', ')}`);
                }
                else if (!Number.isInteger(value) || value < 0 || value > 3650) {
                    report(rangeOf(['rules', key]), `\`rules.${key}\` must be a whole number of days`);
                }
                else
                    rules[name] = value;
            }
        }
    }
    let privateFields = [];
    let privateFieldsUnreadable = privateMistyped;
    if (data.private !== undefined && data.private !== null) {
        if (Array.isArray(data.private) && data.private.every((field) => typeof field === 'string'))
            privateFields = data.private;
        else {
            privateFieldsUnreadable = true;
            const written = typeof data.private === 'string' ? data.private : 'phone, email';
            report(rangeOf(['private']), '`private` must be a list of field names, such as [phone, email]; exports refuse until it is one', `Write it as a list: [${written}]`);
        }
    }
    diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
    const config = { profile, timezone, notesFolder, rules: rules, privateFields, ...(privateFieldsUnreadable ? { privateFieldsUnreadable: true } : {}) };
    return { config, diagnostics };
}
/** The known setting a mistyped key most likely meant: a close spelling, or a rule written at the top level. */
function suggestKey(key) {
    if (key in RULE_KEYS)
        return `rules.${key}`;
    if (PROFILE_FIELDS.includes(key))
        return `profile.${key}`;
    const lower = key.toLowerCase();
    let best;
    for (const known of CONFIG_KEYS) {
        const distance = leven(lower, known);
        if (distance <= Math.max(1, Math.floor(known.length / 3)) && (!best || distance < best.distance))
            best = { key: known, distance };
    }
    return best?.key;
}
/** Reads the folder's config through its store. */
export async function loadConfig(store) {
    const stored = await store.read(CONFIG_PATH);
    return readConfig(stored?.text);
}
function keyRange(document, path) {
    const parent = document.getIn(path.slice(0, -1), true);
    if (!isMap(parent))
        return undefined;
    const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === path.at(-1));
    return pair?.key?.range ?? undefined;
}
//# sourceMappingURL=config.js.map