import type { Contact } from '../model/contact.js';
import type { Workspace } from '../workspace/workspace.js';
import { questionsInNote } from './insert.js';
import type { QuestionAudience } from './tailored.js';

/**
 * The person a question list is for, from their note: role, industry and
 * tags, the questions already in their note, and those already in every
 * other note (earlier conversations), so each list covers new ground.
 */
export function questionAudience(workspace: Workspace, contact: Contact): QuestionAudience {
  const askedElsewhere: string[] = [];
  for (const other of workspace.index.contacts()) {
    if (other.id !== contact.id) askedElsewhere.push(...questionsInNote(workspace.index.text(other.file) ?? ''));
  }
  return {
    id: contact.id,
    ...(contact.role ? { role: contact.role } : {}),
    ...(contact.industry ? { industry: contact.industry } : {}),
    tags: contact.tags,
    asked: questionsInNote(workspace.index.text(contact.file) ?? ''),
    askedElsewhere,
  };
}
