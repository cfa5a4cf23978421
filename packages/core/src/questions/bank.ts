/** A group of questions. The first five are the TIARA frame: trends, insights, advice, resources, assignments. */
export interface QuestionTheme {
  /** Short id used in question ids and `--theme`, e.g. `trends`. */
  readonly id: string;
  readonly label: string;
  /** One of the five TIARA themes. */
  readonly tiara: boolean;
}

/** A question to ask in an informational interview, from Rapport's bank or the user's `.rapport/questions.md`. */
export interface Question {
  /** Stable id: the theme id and a number, e.g. `trends-2`. */
  readonly id: string;
  /** Theme id. */
  readonly theme: string;
  readonly text: string;
  /** From Rapport's bank, or from the user's `.rapport/questions.md`. */
  readonly origin: 'bank' | 'user';
}

/** The themes in the order a conversation and the bank follow; "who else" always comes last. */
export const QUESTION_THEMES: readonly QuestionTheme[] = [
  { id: 'trends', label: 'Trends', tiara: true },
  { id: 'insights', label: 'Insights', tiara: true },
  { id: 'advice', label: 'Advice', tiara: true },
  { id: 'resources', label: 'Resources', tiara: true },
  { id: 'assignments', label: 'Assignments', tiara: true },
  { id: 'day', label: 'Day to day', tiara: false },
  { id: 'path', label: 'Path into the field', tiara: false },
  { id: 'skills', label: 'Skills employers want', tiara: false },
  { id: 'hindsight', label: 'What they would do differently', tiara: false },
  { id: 'referrals', label: 'Who else to talk to', tiara: false },
];

/** The theme whose one question closes every list. */
export const CLOSING_THEME = 'referrals';

const BANK_TEXT: Readonly<Record<string, readonly string[]>> = {
  trends: [
    'What changes do you see coming in this field over the next few years?',
    'Which new tools, methods or regulations are changing how the work gets done?',
    'How has this kind of role changed since you started?',
    'Which parts of the field are growing, and which are shrinking?',
    'What do people outside the field misunderstand about where it is heading?',
  ],
  insights: [
    'What attracted you to this work in the first place?',
    'What is the most rewarding part of your role, and what is the most challenging?',
    'What do you like most about this work, and what do you like least?',
    'What surprised you most when you started?',
    'How does your organization decide what to work on, and who has a say?',
    'What does success look like in your role after the first year?',
  ],
  advice: [
    'If you were in my position, what would you do next?',
    'Looking at my background, which experiences would count most, and which would you leave out?',
    'Would you be willing to look at my résumé and tell me what a hiring manager would notice first?',
    'What mistakes do people switching into this field commonly make?',
    'How could I test whether this work suits me before committing to it?',
  ],
  resources: [
    'Which books, newsletters, podcasts or blogs do people in your field actually read?',
    'Which professional associations, meetups or conferences are worth my time?',
    'Which courses, certificates or degrees do employers respect, and which do they ignore?',
    'Where are openings in this field usually posted or passed around?',
    'Are there online communities where people in this role talk about their work?',
  ],
  assignments: [
    'Is there a small project I could do to try this work and show what I can do?',
    'What should I learn or practise first?',
    'Is there an event, meeting or workshop I could attend to see the work up close?',
    'Would it be possible to observe this kind of work for a few hours?',
    'If I write to you again in a month, what would you like to hear that I have done?',
  ],
  day: [
    'What does a typical day or week look like for you?',
    'What are your main responsibilities, and how is your time split among them?',
    'Who do you work with most closely, inside and outside your team?',
    'Which problems or decisions take up most of your attention?',
    'How much of your work is planned ahead, and how much comes up on the day?',
  ],
  path: [
    'How did you get into this field, and what did your path look like?',
    'What is the best way into this field for someone with my background?',
    'Which training or education was most useful to you, and what would you skip?',
    'Which entry-level or bridge roles lead to a job like yours?',
    'Was there a turning point, or a person, that made the difference in getting in?',
  ],
  skills: [
    'Which skills, qualities and experience do employers look for in new hires?',
    'What separates a strong candidate from an average one in this field?',
    'Which skills in this field can be learned on the job, and which must I bring with me?',
    'How do hiring managers weigh experience gained in a different career?',
    'What do work samples, portfolios or interviews look like for this kind of role?',
  ],
  hindsight: [
    'If you were starting out again, what would you do differently?',
    'What do you wish someone had told you before you started?',
    'Which decision in your career are you most glad you made?',
    'Is there anything you did early on that you would now advise against?',
  ],
  referrals: ['Who else would you recommend I talk to, and may I mention that you suggested them?'],
};

/** Rapport's question bank, theme by theme; the last question is always "who else should I talk to?". */
export const QUESTION_BANK: readonly Question[] = QUESTION_THEMES.flatMap((theme) =>
  (BANK_TEXT[theme.id] ?? []).map((text, index) => ({ id: `${theme.id}-${index + 1}`, theme: theme.id, text, origin: 'bank' as const })),
);

/** The question that ends every list: who else to talk to. */
export const CLOSING_QUESTION: Question = QUESTION_BANK.at(-1)!;
