/** Rapport's snippets and where in a note each belongs (plain data, tested without VS Code). */
import { CHANNELS, MEETING_FORMATS, NOTE_FACTS, SOURCES, STAGES } from '@rapport/core';

export type SnippetPlace = 'new-note' | 'frontmatter' | 'body';

export interface NoteSnippet {
  readonly prefix: string;
  readonly description: string;
  readonly place: SnippetPlace;
  /** Snippet syntax, lines relative to the line the snippet is typed on. */
  readonly body: readonly string[];
}

// Core's lists, in a snippet's choice syntax; a meeting offers video first, as `rapport advance` books one by default.
const STAGE_CHOICE = STAGES.join(',');
const SOURCE_CHOICE = SOURCES.join(',');
const CHANNEL_CHOICE = CHANNELS.join(',');
const FORMAT_CHOICE = ['video', ...MEETING_FORMATS.filter((format) => format !== 'video')].join(',');
const TODAY = '$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE';

export const NOTE_SNIPPETS: readonly NoteSnippet[] = [
  {
    prefix: 'rapport-contact',
    description: 'The frontmatter of a new contact note (identified today).',
    place: 'new-note',
    body: [
      '---',
      'type: contact',
      'name: ${1:Full Name}',
      `stage: \${2|${STAGE_CHOICE}|}`,
      'role: ${3:Role}',
      'organization: ${4:Organization}',
      `source: \${5|${SOURCE_CHOICE}|}`,
      'tags: [${6}]',
      'history:',
      `  - date: ${TODAY}`,
      '    stage: ${2}',
      '---',
      '',
      '# ${1}',
      '',
      '$0',
    ],
  },
  {
    prefix: 'rapport-history',
    description: 'A dated stage change, to add under `history:`.',
    place: 'frontmatter',
    body: [`- date: ${TODAY}`, `  stage: \${1|${STAGE_CHOICE}|}`, `  via: \${2|${CHANNEL_CHOICE}|}`, '  note: ${3:what happened}$0'],
  },
  {
    prefix: 'rapport-meeting',
    description: 'The meeting block of a scheduled conversation (30 minutes asked).',
    place: 'frontmatter',
    body: ['meeting:', `  at: "\${1:${TODAY}}T\${2:09:00}"`, '  minutes: ${3:30}', `  format: \${4|${FORMAT_CHOICE}|}`, '  ${5|link,place|}: ${6}$0'],
  },
  {
    prefix: 'rapport-sections',
    description: 'The standard sections of a contact note.',
    place: 'body',
    body: ['## Why this person', '', `${NOTE_FACTS.impressed.label}: \${1}`, '', '## Research', '', '## Questions', '', '## Notes', '', '## Outcomes', '', '$0'],
  },
  {
    prefix: 'rapport-questions',
    description: 'A short question list, most important first; "who else" always last.',
    place: 'body',
    body: [
      '## Questions',
      '',
      '1. ${1:What attracted you to this work?}',
      '2. ${2:What does a typical day or week look like for you?}',
      '3. ${3:What skills and experience do employers look for in new hires?}',
      '4. ${4:What would you do differently if you were starting again?}',
      '5. Who else would you recommend I talk to?',
      '$0',
    ],
  },
  {
    prefix: 'rapport-outcome',
    description: 'A referral under ## Outcomes: the person\'s name, then "Add … as a contact" above the line creates their note and links the name.',
    place: 'body',
    body: ['- Referral: ${1:Full Name}, ${2:role at organization}$0'],
  },
];

/**
 * The snippets offered at a place. Frontmatter snippets replace their whole
 * line and carry their own indentation — whatever the editor's auto-indent
 * put before the prefix: a history entry goes at `historyIndent` (the
 * indentation of the list's other entries), the meeting block at the top
 * level.
 */
export function snippetsAt(place: SnippetPlace, historyIndent = '  '): { prefix: string; description: string; text: string }[] {
  return NOTE_SNIPPETS.filter((snippet) => snippet.place === place).map((snippet) => {
    const lines = snippet.prefix === 'rapport-history' ? snippet.body.map((line) => `${historyIndent}${line}`) : snippet.body;
    return { prefix: snippet.prefix, description: snippet.description, text: lines.join('\n') };
  });
}

/**
 * The indentation of a history entry inserted at line `line` (0-based) of
 * the frontmatter lines `lines`: that of the nearest `- ` item above, within
 * the `history:` list; two spaces when the list is empty.
 */
export function historyIndent(lines: readonly string[], line: number): string {
  for (let index = Math.min(line, lines.length) - 1; index >= 0; index--) {
    const text = lines[index]!;
    const item = /^(\s*)-\s/.exec(text);
    if (item) return item[1]!;
    if (/^history:\s*(#.*)?$/.test(text)) return '  ';
    if (/^\S/.test(text)) break;
  }
  return '  ';
}
