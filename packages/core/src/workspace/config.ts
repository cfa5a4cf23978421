import leven from 'leven';
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { Diagnostic, DiagnosticTextFix, Severity } from '../diagnostics.js';
import { InvalidEncodingError } from '../errors.js';
import { isHoliday, isTimeZone, isZoneAbbreviation, systemTimeZone, timeZoneSuggestion, zoneAbbreviationWords } from '../lifecycle/dates.js';
import type { Contact } from '../model/contact.js';
import { contactSchema } from '../note/schema.js';
import { parseFastFrontmatter } from '../note/fast-frontmatter.js';
import { YAML_OPTIONS, MAX_ALIAS_COUNT, yamlProblems } from '../note/frontmatter.js';
import { LineIndex } from '../note/source.js';
import { explainYamlProblems, missingColon, type ExplainedYamlProblem } from '../note/yaml-problem.js';
import { DEFAULT_OUTCOME_LABELS, OUTCOME_KINDS, isOutcomeKind, type OutcomeKind } from '../outcomes/outcomes.js';
import type { NoteStore } from './store.js';

/** Where the settings of a notes folder live, relative to it. */
export const CONFIG_PATH = '.rapport/config.yaml';

/** The job seeker's own details, used to fill letters. */
export interface Profile {
  readonly name?: string;
  /** Current position or background, as it reads after "I am Jordan Reyes —" in a letter, e.g. "a high-school biology teacher for eight years". */
  readonly background?: string;
  /** Field of interest, e.g. "UX research in health tech". */
  readonly field?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly location?: string;
}

/** Delays of the next-action rules. */
export interface Rules {
  /** Business days without a reply before a follow-up is due. Default 7. */
  readonly followUpAfter: number;
  /** Business days after their reply by which to answer it and agree a time to talk. Default 1. */
  readonly answerWithin: number;
  /** Business days before also trying a second person at the same organization (3B7). Default 3. */
  readonly secondContactAfter: number;
  /** Business days after a follow-up before suggesting `no-response`. Default 7. */
  readonly giveUpAfter: number;
  /** Days before a meeting by which research and questions are due. Default 2. */
  readonly prepareBefore: number;
  /** Days after a meeting by which the thank-you is due. Default 1. */
  readonly thankWithin: number;
  /** Default days between keep-in-touch notes (a note's `touch_every` wins). Default 60. */
  readonly touchEvery: number;
  /**
   * Days off besides Saturdays and Sundays, each `MM-DD` (every year) or
   * `YYYY-MM-DD` (that day only): business days skip them, and a date due on
   * a day off moves to a working day (keeping in touch to the next one,
   * preparing for a meeting to the one before). `defaultRules` has
   * `['12-25', '01-01']`; rules without the key have none.
   */
  readonly holidays?: readonly string[];
}

/** The settings of a notes folder, read from `.rapport/config.yaml` over `defaultConfig()`. */
export interface RapportConfig {
  readonly profile: Profile;
  /** IANA time zone for "today" and meeting times without offset. Default: the machine's. */
  readonly timezone: string;
  /** Folder, relative to the notes folder, where new contacts go. Default: the notes folder itself. */
  readonly notesFolder: string;
  readonly rules: Rules;
  /** Frontmatter fields left out of exports. Default none. */
  readonly privateFields: readonly string[];
  /**
   * Set when the `private:` setting cannot be read as written (a YAML error
   * in the config, a value that is not a list, a mistyped key such as
   * `privat`): exports must refuse rather than leak what was meant to stay out.
   */
  readonly privateFieldsUnreadable?: true;
  /**
   * Labels that make an Outcomes item an outcome, by kind: the defaults plus
   * the `outcome_labels:` setting (e.g. `Intro: referral`). Absent when the
   * setting is, so the defaults apply (and the index cache stays usable).
   */
  readonly outcomeLabels?: Readonly<Record<string, OutcomeKind>>;
}

/** The timing rules when the config sets none: follow up after 7 business days without a reply, answer a reply within 1, try a second person at the organization after 3, suggest `no-response` 7 business days after a follow-up, prepare 2 days before a meeting, thank within 1 day after it, keep in touch every 60 days; December 25 and January 1 are days off. */
export const defaultRules: Rules = Object.freeze({
  followUpAfter: 7,
  answerWithin: 1,
  secondContactAfter: 3,
  giveUpAfter: 7,
  prepareBefore: 2,
  thankWithin: 1,
  touchEvery: 60,
  holidays: Object.freeze(['12-25', '01-01']),
});

/** The settings of a folder without `.rapport/config.yaml`: no profile, the machine's time zone, new notes in the folder itself, `defaultRules`, no private fields. */
export function defaultConfig(): RapportConfig {
  return { profile: {}, timezone: systemTimeZone(), notesFolder: '', rules: defaultRules, privateFields: [] };
}

const PROFILE_FIELDS = ['name', 'background', 'field', 'email', 'phone', 'location'] as const;
const RULE_KEYS: Record<string, keyof Rules> = {
  follow_up_after: 'followUpAfter',
  answer_within: 'answerWithin',
  second_contact_after: 'secondContactAfter',
  give_up_after: 'giveUpAfter',
  prepare_before: 'prepareBefore',
  thank_within: 'thankWithin',
  touch_every: 'touchEvery',
  holidays: 'holidays',
};

/** The top-level settings a config may hold. */
const CONFIG_KEYS = ['profile', 'timezone', 'notes_folder', 'rules', 'private', 'outcome_labels'] as const;

/** Whether `path` names a setting (`['notes_folder']`) or a field of one that has named fields (`['rules', 'follow_up_after']`, `['profile', 'email']`). */
function isConfigField(path: readonly string[]): boolean {
  const [setting, field, ...deeper] = path;
  if (!(CONFIG_KEYS as readonly string[]).includes(setting!) || deeper.length > 0) return false;
  if (field === undefined) return true;
  if (setting === 'rules') return Object.hasOwn(RULE_KEYS, field);
  return setting === 'profile' && (PROFILE_FIELDS as readonly string[]).includes(field);
}

/** `readConfig`'s result: the settings, and the problems found in the file (each as a diagnostic; a bad value falls back to its default). */
export interface ConfigReading {
  readonly config: RapportConfig;
  readonly diagnostics: readonly Diagnostic[];
}

/** Reads `.rapport/config.yaml` text; a missing file (undefined) means defaults. */
export function readConfig(text: string | undefined, file = CONFIG_PATH): ConfigReading {
  if (text === undefined || text.trim() === '') return { config: defaultConfig(), diagnostics: [] };
  const source = text.replace(/^\uFEFF/, '');
  // A config is nearly always plain YAML without a mistake: the fast frontmatter reader gives its values
  // without building `yaml`'s document (~8 ms of every command's start). Placing a problem needs that
  // document, so a config with any problem is read again through it.
  const fast = parseFastFrontmatter(source);
  if (fast && (fast.data === null || isRecord(fast.data))) {
    const reading = settingsFrom(fast.data ?? {}, file, source, () => undefined);
    if (reading.diagnostics.length === 0) return reading;
  }
  return readConfigDocument(source, file);
}

/** `readConfig` through `yaml`'s document, whose node ranges place each problem. */
function readConfigDocument(source: string, file: string): ConfigReading {
  const diagnostics: Diagnostic[] = [];
  const lines = new LineIndex(source);
  const report = (range: readonly number[], message: string) => diagnostics.push(configDiagnostic(file, lines, 'error', 'invalid-config', range, message));
  // Nothing of the config can be trusted, `private:` included: defaults, and exports refuse.
  const unreadable = () => ({ config: { ...defaultConfig(), privateFieldsUnreadable: true as const }, diagnostics });
  const document = parseDocument(source, YAML_OPTIONS);
  const problems = yamlProblems(document);
  const ignored = (explained: ExplainedYamlProblem) => diagnostics.push(configDiagnostic(file, lines, 'error', 'invalid-config', [explained.start, explained.end], `${explained.message}; the whole config is ignored`, explained.hint, explained.fix && placedFix(lines, explained.fix)));
  if (problems.length > 0) {
    // Said and placed as a note's YAML mistakes are: each one the others do not cause, with its repair when it needs no choice.
    explainYamlProblems(source, document, problems, (offset) => lines.position(offset).line, isConfigField).forEach(ignored);
    return unreadable();
  }
  if (document.contents !== null && !isMap(document.contents)) {
    // `notes_folder contacts` alone, which YAML reads as the value of the whole config: said so when it names a setting.
    const colon = isScalar(document.contents) && document.contents.range ? missingColon(source, document.contents.range[0], isConfigField) : undefined;
    if (colon?.fix) ignored(colon);
    else report([0, 0], 'The config must be a mapping of settings; the whole config is ignored');
    return unreadable();
  }
  let data: Record<string, unknown>;
  try {
    data = (document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {}) as Record<string, unknown>;
  } catch (error) {
    report([0, 0], `Invalid YAML: ${(error as Error).message}; the whole config is ignored`);
    return unreadable();
  }
  return settingsFrom(data, file, source, (path, which) => (which === 'key' ? keyRange(document, path) : ((document.getIn(path, true) as Node | undefined)?.range ?? undefined)));
}

/** Where the key or the value at `path` is in the config's text, when known. */
type LocateSetting = (path: string[], which: 'key' | 'value') => readonly number[] | undefined;

function configDiagnostic(file: string, lines: LineIndex, severity: Severity, rule: 'invalid-config' | 'unknown-config-key' | 'ineffective-private-field', range: readonly number[] | undefined, message: string, hint?: string, fix?: DiagnosticTextFix): Diagnostic {
  const from = lines.position(range?.[0] ?? 0);
  const to = lines.position(range?.[1] ?? 0);
  return { file, line: from.line, column: from.column, endLine: to.line, endColumn: to.column, severity, rule, message, ...(hint ? { hint } : {}), ...(fix ? { fix } : {}) };
}

/** A repair placed by offsets into the config's text, placed by lines and columns as its diagnostic is. */
function placedFix(lines: LineIndex, fix: { readonly title: string; readonly start: number; readonly end: number; readonly text: string }): DiagnosticTextFix {
  const from = lines.position(fix.start);
  const to = lines.position(fix.end);
  return { title: fix.title, line: from.line, column: from.column, endLine: to.line, endColumn: to.column, text: fix.text };
}

/** The settings in a config's plain data, each bad value reported and replaced by its default. */
function settingsFrom(data: Record<string, unknown>, file: string, source: string, locate: LocateSetting): ConfigReading {
  const diagnostics: Diagnostic[] = [];
  let lines: LineIndex | undefined;
  const push = (severity: Severity, rule: 'invalid-config' | 'unknown-config-key', range: readonly number[] | undefined, message: string, hint?: string, fix?: ExplainedYamlProblem['fix']) => {
    lines ??= new LineIndex(source);
    diagnostics.push(configDiagnostic(file, lines, severity, rule, range, message, hint, fix && placedFix(lines, fix)));
  };
  const report = (range: readonly number[] | undefined, message: string, hint?: string) => push('error', 'invalid-config', range, message, hint);
  const rangeOf = (path: string[]) => locate(path, 'value');
  /** A setting that must be a mapping, which is not: its only line under it, written without its colon (`  follow_up_after 7`), is read as its value. */
  const notMapping = (key: 'profile' | 'rules', message: string) => {
    const range = rangeOf([key]);
    const colon = typeof data[key] === 'string' && range ? missingColon(source, range[0]!, isConfigField) : undefined;
    if (colon) push('error', 'invalid-config', [colon.start, colon.end], colon.message, colon.hint, colon.fix);
    else report(range, message);
  };

  let privateMistyped = false;
  for (const key of Object.keys(data)) {
    if ((CONFIG_KEYS as readonly string[]).includes(key)) continue;
    const suggestion = suggestKey(key);
    if (suggestion === 'private' && data.private === undefined) privateMistyped = true;
    push('warning', 'unknown-config-key', locate([key], 'key'), `Unknown setting \`${key}\`; it is ignored`, suggestion ? `Did you mean \`${suggestion}\`?` : `Known settings: ${CONFIG_KEYS.join(', ')}`);
  }

  const profile: Record<string, string> = {};
  const rawProfile = data.profile;
  if (rawProfile !== undefined && rawProfile !== null) {
    if (typeof rawProfile !== 'object' || Array.isArray(rawProfile)) notMapping('profile', '`profile` must be a mapping of name, background, field, email, phone, location');
    else {
      for (const key of PROFILE_FIELDS) {
        const value = (rawProfile as Record<string, unknown>)[key];
        if (value === undefined || value === null) continue;
        if (typeof value === 'string' || typeof value === 'number') profile[key] = String(value);
        else report(rangeOf(['profile', key]), `\`profile.${key}\` must be text`);
      }
    }
  }

  // The machine's zone only when the config names none: asking Intl for it is a cost at every start.
  let timezone: string | undefined;
  if (data.timezone !== undefined && data.timezone !== null) {
    if (isTimeZone(data.timezone)) {
      timezone = data.timezone;
      if (isZoneAbbreviation(timezone)) push('warning', 'invalid-config', rangeOf(['timezone']), zoneAbbreviationWords(timezone), 'Use the IANA name of a place, such as America/New_York or Europe/Berlin');
    } else {
      const meant = timeZoneSuggestion(data.timezone);
      report(rangeOf(['timezone']), `Unknown time zone ${JSON.stringify(data.timezone)}`, meant === '' ? 'Use an IANA name such as America/New_York' : `Use the IANA name of your zone${meant}`);
    }
  }

  let notesFolder = '';
  if (data.notes_folder !== undefined && data.notes_folder !== null) {
    const folder = typeof data.notes_folder === 'string' ? data.notes_folder.replace(/\\/g, '/').replace(/^\.\/|\/+$/g, '') : undefined;
    if (folder === undefined || folder.startsWith('/') || /^[a-z]:/i.test(folder) || folder.split('/').includes('..')) {
      report(rangeOf(['notes_folder']), '`notes_folder` must be a folder inside the notes folder, such as `contacts`');
    } else notesFolder = folder === '.' ? '' : folder;
  }

  const rules: Record<string, unknown> = { ...defaultRules };
  if (data.rules !== undefined && data.rules !== null) {
    if (typeof data.rules !== 'object' || Array.isArray(data.rules)) notMapping('rules', '`rules` must be a mapping');
    else {
      for (const [key, value] of Object.entries(data.rules as Record<string, unknown>)) {
        const name = RULE_KEYS[key];
        if (!name) {
          report(locate(['rules', key], 'key'), `Unknown rule \`${key}\``, `Known rules: ${Object.keys(RULE_KEYS).join(', ')}`);
        } else if (name === 'holidays') {
          // `holidays:` left empty, or `[]`: no days off but weekends.
          const days = value === null ? [] : value;
          const wrong = Array.isArray(days) ? days.find((day) => !isHoliday(day)) : days;
          if (!Array.isArray(days) || wrong !== undefined) {
            report(rangeOf(['rules', key]), `\`rules.holidays\` must be a list of days, each MM-DD (every year) or YYYY-MM-DD (that day only)${Array.isArray(days) ? `: ${JSON.stringify(wrong)} is neither` : ''}`, 'For example: holidays: [12-24, 12-25, 12-31, 01-01, 2026-11-26]');
          } else rules[name] = Object.freeze([...days]);
        } else if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 3650) {
          report(rangeOf(['rules', key]), `\`rules.${key}\` must be a whole number of days`);
        } else rules[name] = value as number;
      }
    }
  }

  let privateFields: string[] = [];
  let privateFieldsUnreadable = privateMistyped;
  if (data.private !== undefined && data.private !== null) {
    if (Array.isArray(data.private) && data.private.every((field) => typeof field === 'string')) privateFields = data.private as string[];
    else {
      privateFieldsUnreadable = true;
      const written = typeof data.private === 'string' ? data.private : 'phone, email';
      report(rangeOf(['private']), '`private` must be a list of field names, such as [phone, email]; exports refuse until it is one', `Write it as a list: [${written}]`);
    }
  }

  let outcomeLabels: Record<string, OutcomeKind> | undefined;
  if (data.outcome_labels !== undefined && data.outcome_labels !== null) {
    if (typeof data.outcome_labels !== 'object' || Array.isArray(data.outcome_labels)) report(rangeOf(['outcome_labels']), '`outcome_labels` must be a mapping of label to kind, such as `Intro: referral`');
    else {
      outcomeLabels = { ...DEFAULT_OUTCOME_LABELS };
      for (const [label, kind] of Object.entries(data.outcome_labels as Record<string, unknown>)) {
        if (isOutcomeKind(kind)) outcomeLabels[label] = kind;
        else report(rangeOf(['outcome_labels', label]), `Unknown outcome kind ${JSON.stringify(kind)} for the label \`${label}\``, `Use one of: ${OUTCOME_KINDS.join(', ')}`);
      }
    }
  }

  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  const config: RapportConfig = { profile, timezone: timezone ?? systemTimeZone(), notesFolder, rules: rules as unknown as Rules, privateFields, ...(privateFieldsUnreadable ? { privateFieldsUnreadable: true as const } : {}), ...(outcomeLabels ? { outcomeLabels } : {}) };
  return { config, diagnostics };
}

/** The known setting a mistyped key most likely meant: a close spelling, or a rule written at the top level. */
function suggestKey(key: string): string | undefined {
  if (key in RULE_KEYS) return `rules.${key}`;
  if ((PROFILE_FIELDS as readonly string[]).includes(key)) return `profile.${key}`;
  return nearestSpelling(key, CONFIG_KEYS, (known) => Math.max(1, Math.floor(known.length / 3)));
}

/** Of `candidates`, the one nearest to `word` in spelling (ignoring case) within the edits `allowed` for it, if any. */
function nearestSpelling(word: string, candidates: Iterable<string>, allowed: (candidate: string) => number): string | undefined {
  const lower = word.toLowerCase();
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = leven(lower, candidate.toLowerCase());
    if (distance <= allowed(candidate) && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

/** Fields exported whatever `private:` says, and why. */
const ALWAYS_EXPORTED: Readonly<Record<string, string>> = {
  name: 'every card, row and event needs it',
  stage: 'CSV and JSON rows and calendar events need it',
};

/**
 * Warnings (`ineffective-private-field`) for the entries of `private:` that
 * leave nothing out: an entry that names no field — neither one Rapport
 * reads (`phone`, `meeting.link`, `history.note`) nor one found in any of
 * `contacts` — is most likely a typo (`phne`, `Phone`, `meeting.lnk`), and
 * the field it meant is exported; `name` and `stage` are always exported.
 * Each is placed at its entry, with the field it most likely meant. Apart
 * from `readConfig` because only the notes tell a field of your own from a
 * typo; none for a `private:` that cannot be read (`readConfig` reports it).
 * `contacts` is called only for an entry that is no field Rapport reads, so
 * a usual config costs no pass over the notes.
 */
export function privateFieldDiagnostics(text: string | undefined, contacts: () => readonly Contact[], file = CONFIG_PATH): Diagnostic[] {
  const { config } = readConfig(text, file);
  if (config.privateFieldsUnreadable || config.privateFields.length === 0) return [];
  const known = knownFieldPaths();
  let inNotes: Set<string> | undefined;
  const problems: { index: number; message: string; hint: string }[] = [];
  config.privateFields.forEach((entry, index) => {
    const field = entry.trim();
    if (field === '' || known.has(field)) {
      const why = ALWAYS_EXPORTED[field];
      if (why) problems.push({ index, message: `\`${field}\` in \`private\` is exported all the same: ${why}`, hint: 'Remove it from `private`' });
      return;
    }
    inNotes ??= fieldPathsIn(contacts());
    if (inNotes.has(field)) return;
    const parent = field.includes('.') ? field.slice(0, field.lastIndexOf('.')) : undefined;
    const where = parent !== undefined && (known.has(parent) || inNotes.has(parent)) ? `no field of \`${parent}\`` : 'no field of any contact';
    const suggestion = closestField(field, [...known, ...inNotes]);
    problems.push({
      index,
      message: `\`${field}\` in \`private\` names ${where}, so it leaves nothing out of exports`,
      hint: suggestion ? `Did you mean \`${suggestion}\`?` : 'Name a frontmatter field, such as phone or meeting.link (names are case-sensitive)',
    });
  });
  if (problems.length === 0) return [];
  // Placed through `yaml`'s document: only a config with such an entry pays for it.
  const source = (text ?? '').replace(/^\uFEFF/, '');
  const document = parseDocument(source, YAML_OPTIONS);
  const list = document.get('private', true);
  const items = isSeq(list) ? list.items : [];
  const lines = new LineIndex(source);
  return problems.map(({ index, message, hint }) => configDiagnostic(file, lines, 'warning', 'ineffective-private-field', (items[index] as Node | undefined)?.range ?? (list as Node | undefined)?.range ?? undefined, message, hint));
}

/** Every path into a contact that Rapport reads, from the contact schema: `phone`, `meeting`, `meeting.link`, `history.note`. */
function knownFieldPaths(): Set<string> {
  const paths = new Set<string>();
  const walk = (properties: Readonly<Record<string, unknown>>, prefix: string) => {
    for (const [key, schema] of Object.entries(properties)) {
      const path = prefix + key;
      paths.add(path);
      const inner = schema as { properties?: Record<string, unknown>; items?: { properties?: Record<string, unknown> } };
      const nested = inner.properties ?? inner.items?.properties;
      if (nested) walk(nested, `${path}.`);
    }
  };
  walk(contactSchema.properties, '');
  return paths;
}

/** Every path the contacts' frontmatter has, as `private:` names them: into mappings by key, into lists through their items. */
function fieldPathsIn(contacts: readonly Contact[]): Set<string> {
  const paths = new Set<string>();
  const walk = (value: unknown, prefix: string, depth: number) => {
    if (depth > 4 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) walk(item, prefix, depth + 1);
      return;
    }
    for (const [key, inner] of Object.entries(value)) {
      const path = prefix + key;
      paths.add(path);
      walk(inner, `${path}.`, depth + 1);
    }
  };
  for (const contact of contacts) walk(contact.fields, '', 0);
  return paths;
}

/** The field a mistyped `private:` entry most likely meant: the same but for case, else the nearest spelling. */
function closestField(field: string, candidates: readonly string[]): string | undefined {
  // Two edits, such as two letters swapped (`emial`), for a name longer than three letters.
  return nearestSpelling(field, candidates, (candidate) => (candidate.length <= 3 ? 1 : Math.max(2, Math.floor(candidate.length / 3))));
}

/**
 * Reads the folder's config through its store. A config that is not UTF-8
 * text is read as the defaults, with an `invalid-config` error, as one whose
 * YAML does not parse.
 */
export async function loadConfig(store: NoteStore): Promise<ConfigReading> {
  let stored;
  try {
    stored = await store.read(CONFIG_PATH);
  } catch (error) {
    if (!(error instanceof InvalidEncodingError)) throw error;
    // A config with a mistake, as one whose YAML does not parse: defaults, exports refuse, and listing goes on.
    const what = error.encoding ? `is ${error.encoding} text, not UTF-8` : 'is not valid UTF-8 text';
    const place = { line: error.line, column: error.column, endLine: error.line, endColumn: error.column };
    const diagnostic: Diagnostic = { file: CONFIG_PATH, ...place, severity: 'error', rule: 'invalid-config', message: `The config ${what}; the whole config is ignored`, hint: 'Save it as UTF-8' };
    return { config: { ...defaultConfig(), privateFieldsUnreadable: true }, diagnostics: [diagnostic] };
  }
  return readConfig(stored?.text);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function keyRange(document: ReturnType<typeof parseDocument>, path: string[]): readonly number[] | undefined {
  const parent = document.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === path.at(-1));
  return (pair?.key as Node | undefined)?.range ?? undefined;
}

/**
 * Why new contacts cannot be created in the `notes_folder` the config names,
 * when it names a file (`names a file, not a folder`) or a path through one;
 * `undefined` when it names a folder, or one not created yet. Asks the store
 * for folder listings only, so a dry run can say it too.
 */
export async function notesFolderBlocked(store: NoteStore, folder: string): Promise<string | undefined> {
  const parts = folder.split('/').filter((part) => part !== '');
  for (let end = 1; end <= parts.length; end++) {
    const path = parts.slice(0, end).join('/');
    if (!(await store.listFiles(parts.slice(0, end - 1).join('/'))).includes(path)) continue;
    return end === parts.length ? 'names a file, not a folder' : `goes through ${path}, a file, not a folder`;
  }
  return undefined;
}

/** What is wrong with a `notes_folder` that `notesFolderBlocked` refuses, in the words every caller starts with. */
export function notesFolderBlockedMessage(folder: string, why: string): string {
  return `\`notes_folder: ${folder}\` in ${CONFIG_PATH} ${why}, so new contacts cannot be created`;
}

/**
 * The config problem only the folder can show: a `notes_folder` that names
 * a file, placed on its value (for `rapport check`). Empty otherwise.
 */
export async function notesFolderDiagnostics(store: NoteStore, text: string | undefined, file = CONFIG_PATH): Promise<Diagnostic[]> {
  const { config } = readConfig(text, file);
  if (config.notesFolder === '') return [];
  const why = await notesFolderBlocked(store, config.notesFolder);
  if (!why) return [];
  const source = (text ?? '').replace(/^\uFEFF/, '');
  const value = parseDocument(source, YAML_OPTIONS).get('notes_folder', true) as Node | undefined;
  const message = `\`notes_folder: ${config.notesFolder}\` ${why}, so new contacts cannot be created`;
  return [configDiagnostic(file, new LineIndex(source), 'error', 'invalid-config', value?.range ?? undefined, message, 'Set notes_folder to a folder, such as contacts')];
}
