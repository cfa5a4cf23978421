import { questionKey } from './question-key.js';
import { QUESTION_THEMES, type Question, type QuestionTheme } from './bank.js';

/** Who the questions are for: it decides which questions come first, and varies the choice from one person to the next. */
export interface QuestionAudience {
  /** The contact's id: with the fields below, it seeds the choice, so the same person always gets the same list. */
  readonly id: string;
  readonly role?: string;
  readonly industry?: string;
  readonly tags?: readonly string[];
  /** Questions already in this person's note: never picked again. Default none. */
  readonly asked?: readonly string[];
  /** Questions already in other people's notes: picked only after the rest, so each conversation covers new ground. Default none. */
  readonly askedElsewhere?: readonly string[];
}

/**
 * Questions that open a conversation warmly: about the person and their
 * story, never a test of their view of the industry. A list starts with one
 * of the first two (how they came to this work), and from eight questions on
 * a second one follows.
 */
export const OPENING_QUESTIONS: readonly string[] = ['insights-1', 'path-1', 'insights-4', 'day-1'];

/** Themes that matter most for a kind of person, by words in their role or tags. */
const FOCUS: readonly { readonly pattern: RegExp; readonly themes: readonly string[] }[] = [
  { pattern: /\b(?:recruit\w*|talent|hiring|hr|human resources)\b/i, themes: ['skills', 'advice', 'resources'] },
  { pattern: /\b(?:manager|director|head|lead|chief|vp|vice president|principal|founder|owner)\b/i, themes: ['skills', 'trends', 'advice'] },
  { pattern: /\b(?:career[- ]changer|switched|bootcamp)\b/i, themes: ['path', 'hindsight', 'advice'] },
  { pattern: /\b(?:student|intern|junior|assistant|associate|entry[- ]level|graduate)\b/i, themes: ['path', 'day', 'hindsight'] },
];

const DEFAULT_FOCUS: readonly string[] = ['day', 'path', 'skills'];

/**
 * `count` questions for one conversation, closing question excluded (the
 * caller adds it last): one or two rapport-building openers, then a question
 * from each of the themes that matter most for this person, one from each of
 * the user's own themes, and then the remaining themes in an order seeded by
 * the person. Within a theme the user's questions come first, then the
 * bank's in an order seeded by the person, then those already asked of
 * others. Deterministic: the same person and notes give the same list.
 */
export function tailoredQuestions(candidates: readonly Question[], themes: readonly QuestionTheme[], count: number, audience: QuestionAudience | undefined): Question[] {
  if (count <= 0) return [];
  const seed = audience ? [audience.id, audience.role ?? '', audience.industry ?? '', ...(audience.tags ?? [])].join('|') : '';
  const asked = new Set((audience?.asked ?? []).map(questionKey));
  const elsewhere = new Set((audience?.askedElsewhere ?? []).map(questionKey));
  const pool = candidates.filter((question) => !asked.has(questionKey(question.text)));
  const rank = (question: Question) => [question.origin === 'user' ? 0 : 1, elsewhere.has(questionKey(question.text)) ? 1 : 0, hash(`${seed}|${question.id}`)] as const;
  const byRank = (a: Question, b: Question) => compareTuples(rank(a), rank(b));

  const chosen: Question[] = [];
  // Openers suit everyone, so having asked one of someone else does not count against it;
  // a question about their story (the first two) comes before one about their day.
  const story = (question: Question) => (OPENING_QUESTIONS.indexOf(question.id) < 2 ? 0 : 1);
  const openers = pool.filter((question) => OPENING_QUESTIONS.includes(question.id)).sort((a, b) => story(a) - story(b) || hash(`${seed}|${a.id}`) - hash(`${seed}|${b.id}`));
  // The first two both ask how they came to this work: a second opener is one of the other two.
  const first = openers[0];
  if (first) chosen.push(first);
  const second = openers.find((question) => story(question) === 1 && question !== first);
  if (count >= 7 && second) chosen.push(second);

  const profile = [audience?.role ?? '', ...(audience?.tags ?? [])].join(' ');
  const focus = FOCUS.find((rule) => rule.pattern.test(profile))?.themes ?? DEFAULT_FOCUS;
  const userThemes = themes.filter((theme) => !DEFAULT_THEME_IDS.has(theme.id)).map((theme) => theme.id);
  const rest = themes
    .map((theme) => theme.id)
    .filter((id) => !focus.includes(id) && !userThemes.includes(id))
    .sort((a, b) => hash(`${seed}|${a}`) - hash(`${seed}|${b}`));
  const order = [...focus, ...userThemes, ...rest];
  const queues = order.map((id) => pool.filter((question) => question.theme === id && !chosen.includes(question)).sort(byRank));
  for (let round = 0; chosen.length < count && queues.some((queue) => queue.length > round); round++) {
    for (const queue of queues) {
      if (chosen.length >= count) break;
      const next = queue[round];
      if (next) chosen.push(next);
    }
  }
  return chosen;
}

/** The bank's own theme ids: any other theme is one the user added. */
const DEFAULT_THEME_IDS = new Set(QUESTION_THEMES.map((theme) => theme.id));

function compareTuples(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/**
 * FNV-1a, 32 bits, then MurmurHash3's final mix: a stable order that needs
 * no randomness. Without the mix, texts that differ only in their last
 * characters ("…|day-1", "…|path-1") sort the same way whatever the prefix.
 */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    value ^= text.charCodeAt(i);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  value ^= value >>> 16;
  value = Math.imul(value, 0x85ebca6b) >>> 0;
  value ^= value >>> 13;
  value = Math.imul(value, 0xc2b2ae35) >>> 0;
  value ^= value >>> 16;
  return value >>> 0;
}
