/**
 * Facts about the example folder read with plain regular expressions, so the
 * tests check the extension against something core did not compute.
 */
import { bodyOf, frontmatterOf, snapshot } from './fixture.js';

export interface ExampleContact {
  readonly file: string;
  readonly id: string;
  readonly name: string;
  readonly stage: string;
  readonly organization: string | undefined;
  readonly referredBy: string | undefined;
  readonly tags: readonly string[];
  /** Ids linked from the note's `## Outcomes`. */
  readonly outcomeLinks: readonly string[];
}

export function exampleContacts(): ExampleContact[] {
  const contacts: ExampleContact[] = [];
  for (const [file, text] of snapshot()) {
    if (!file.endsWith('.md')) continue;
    const fields = frontmatterOf(text);
    if (fields.type !== 'contact') continue;
    const outcomes = /^## Outcomes[ \t]*\r?\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(bodyOf(text))?.[1] ?? '';
    contacts.push({
      file,
      id: file.slice(file.lastIndexOf('/') + 1, -3),
      name: fields.name!,
      stage: fields.stage!,
      organization: fields.organization || undefined,
      referredBy: /^\[\[([^\]|#]+)/.exec(fields.referred_by ?? '')?.[1],
      tags: tagsOf(text),
      outcomeLinks: [...outcomes.matchAll(/\[\[([^\]|#]+)/g)].map((match) => match[1]!.trim()),
    });
  }
  return contacts;
}

function tagsOf(text: string): string[] {
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  const inline = /^tags:[ \t]*\[(.*)\]/m.exec(frontmatter);
  if (inline) return inline[1]!.split(',').map((tag) => tag.trim().replace(/^["']|["']$/g, '')).filter(Boolean);
  const block = /^tags:[ \t]*\r?\n((?:[ \t]+-[^\n]*\r?\n?)+)/m.exec(frontmatter);
  return block ? [...block[1]!.matchAll(/-[ \t]*([^\r\n#]+)/g)].map((match) => match[1]!.trim().replace(/^["']|["']$/g, '')) : [];
}
