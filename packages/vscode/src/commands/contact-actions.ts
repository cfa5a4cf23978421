import * as vscode from 'vscode';
import { contactSlug, InvalidInputError, noteIdProblem, setField, type Contact } from '@rapport/core';
import { freeContactId, renamedTitle } from '@rapport/core/internal';
import { expectRename, linkEdits } from '../links/link-providers.js';
import { linksAcrossNotes } from '../links/note-texts.js';
import { editContactNote } from '../notes/note-edits.js';
import type { Services } from '../services.js';
import { openAtProblem, pickNote, resolveContact } from './contact-target.js';
import { registerCommand } from './run-command.js';

/**
 * "Go to Contact…" and the Contacts view's context menu: open the note,
 * reveal it in the Explorer, rename it (links follow), delete it (after a
 * confirmation that says who links to it).
 */
/** Text written as ids are (`ben-osei`, `ben-osei-2`): lowercase letters or digits, words joined by single dashes. */
function isIdForm(text: string): boolean {
  return /^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u.test(text);
}

export function register(context: vscode.ExtensionContext, services: Services): void {
  const contactOf = async (target: unknown, title: string): Promise<Contact | undefined> => resolveContact(services, await services.notes.requireWorkspace(), target, title);

  context.subscriptions.push(
    registerCommand(services, 'rapport.goToContact', async () => {
      const workspace = await services.notes.requireWorkspace();
      const picked = await pickNote(services, workspace, 'Go to Contact', { id: 'contact.goTo', placeholder: 'Type a name, an organization or a stage' });
      if (!picked) return undefined;
      if ('unreadable' in picked) {
        await openAtProblem(services, picked.unreadable);
        return { file: picked.unreadable.file };
      }
      await vscode.window.showTextDocument(services.notes.uriOf(picked.contact.file), { preview: false });
      return { file: picked.contact.file };
    }),
    registerCommand(services, 'rapport.contact.open', async (target?: unknown) => {
      const contact = await contactOf(target, 'Open Contact');
      if (contact) await vscode.window.showTextDocument(services.notes.uriOf(contact.file), { preview: false });
      return contact && { file: contact.file };
    }),
    registerCommand(services, 'rapport.contact.revealInExplorer', async (target?: unknown) => {
      const contact = await contactOf(target, 'Reveal in Explorer');
      if (contact) await vscode.commands.executeCommand('revealInExplorer', services.notes.uriOf(contact.file));
      return contact && { file: contact.file };
    }),
    registerCommand(services, 'rapport.contact.rename', async (target?: unknown, newId?: string) => {
      const workspace = await services.notes.requireWorkspace();
      const contact = await contactOf(target, 'Rename Contact');
      if (!contact) return undefined;
      const validateId = (value: string) => noteIdProblem(value.trim()) ?? (value.trim() !== contact.id && workspace.index.hasId(value.trim()) ? `Another note already has the id "${value.trim()}"` : undefined);
      // A person's name is asked for; an id as ids are written (lowercase, with dashes) renames only the file.
      const validate = (value: string) => (isIdForm(value.trim()) ? validateId(value) : value.trim() === '' ? 'Type the new name' : undefined);
      const answer =
        newId ??
        (await services.prompts.input({
          id: 'contact.rename',
          title: `Rename ${contact.name}`,
          prompt: 'The new name: the note (its name and title), its file and every [[link]] follow. To change only the id, type it in lowercase with dashes (e.g. ben-osei-upmc)',
          value: contact.name,
          validate,
        }));
      if (answer === undefined) return undefined;
      const byName = newId === undefined && !isIdForm(answer.trim());
      const name = byName ? answer.trim() : contact.name;
      const to = byName ? ((await freeContactId(workspace, name, contact.organization, contact.id)) ?? (await contactSlug(name))) : answer.trim();
      if (name === contact.name && to === contact.id) return undefined;
      const problem = byName ? undefined : validateId(answer);
      if (problem) throw new InvalidInputError(problem);
      if (to === contact.id) {
        await editContactNote(services.notes, contact.file, (text) => renamedTitle(setField(text, ['name'], name), contact.name, name));
        void services.prompts.info(`Renamed ${contact.name} to ${name}; the file stays ${contact.file}.`);
        return { file: contact.file, links: 0 };
      }
      const linkCount = linksAcrossNotes(services, contact.id).length;
      const edit = linkEdits(services, contact.id, to);
      const folder = contact.file.includes('/') ? contact.file.slice(0, contact.file.lastIndexOf('/') + 1) : '';
      const file = `${folder}${to}.md`;
      const from = services.notes.uriOf(contact.file);
      const destination = services.notes.uriOf(file);
      edit.renameFile(from, destination, { overwrite: false });
      const expected = expectRename(from, destination);
      try {
        if (!(await vscode.workspace.applyEdit(edit, { isRefactoring: true }))) throw new InvalidInputError(`Could not rename ${contact.file}`);
      } finally {
        expected.dispose();
      }
      // Refactorings are saved by VS Code unless files.refactoring.autoSave is off: save the notes either way, as every other command writes to disk.
      for (const document of vscode.workspace.textDocuments) if (document.isDirty && services.notes.pathOf(document.uri) && edit.has(document.uri)) await document.save();
      // The index takes the rewritten links at once: a file watcher can be slow to tell (a remote or virtual
      // folder), and a second rename right after would otherwise miss links the first one wrote.
      const relinked = edit.entries().map(([uri]) => services.notes.pathOf(uri)).filter((path): path is string => path !== undefined && path !== contact.file);
      await services.notes.applyChanges([{ path: contact.file, kind: 'deleted' }, { path: file, kind: 'created' }, ...relinked.map((path) => ({ path, kind: 'changed' as const }))]);
      if (name !== contact.name) await editContactNote(services.notes, file, (text) => renamedTitle(setField(text, ['name'], name), contact.name, name));
      const links = `${linkCount} link${linkCount === 1 ? '' : 's'} updated`;
      void services.prompts.info(name !== contact.name ? `Renamed ${contact.name} to ${name}: ${contact.file} is now ${file}; ${links}.` : `Renamed ${contact.file} to ${file}; ${links}.`);
      return { file, links: linkCount };
    }),
    registerCommand(services, 'rapport.contact.delete', async (target?: unknown) => {
      const contact = await contactOf(target, 'Delete Contact');
      if (!contact) return undefined;
      const linkers = new Set(linksAcrossNotes(services, contact.id).map((found) => services.notes.pathOf(found.uri)).filter((file) => file !== contact.file));
      const confirmed = await services.prompts.pick({
        id: 'contact.delete',
        title: `Delete ${contact.name}?`,
        placeholder: linkers.size > 0 ? `${linkers.size} other note${linkers.size === 1 ? ' links' : 's link'} to ${contact.id}; those links will point at nothing` : `${contact.file} goes to the trash`,
        items: [
          { label: 'Keep the note', value: false },
          { label: `Delete ${contact.file}`, description: 'moved to the trash where the system has one', value: true },
        ],
      });
      if (!confirmed) return undefined;
      const uri = services.notes.uriOf(contact.file);
      await vscode.workspace.fs.delete(uri, { useTrash: true }).then(undefined, () => vscode.workspace.fs.delete(uri, { useTrash: false }));
      await services.notes.applyChanges([{ path: contact.file, kind: 'deleted' }]);
      void services.prompts.info(`Deleted ${contact.file}.`);
      return { deleted: contact.file };
    }),
  );
}
