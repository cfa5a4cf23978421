import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { loadWorkspace, todayIn, isCalendarDate, InvalidInputError, NoteNotFoundError, type Contact, type Workspace, type ActionContext } from '@rapport/core';
import { NodeStore } from '@rapport/core/node';
import { colorsFor, progressReporter, type Colors, type Io } from './io.js';
import { FailureError } from './errors.js';

/** What every command gets: its output streams, colours and the notes folder. */
export class CommandContext {
  readonly colors: Colors;
  readonly store: NodeStore;

  constructor(
    readonly io: Io,
    dir: string | undefined,
  ) {
    this.colors = colorsFor(io.stdout, io.env);
    this.store = new NodeStore(resolve(io.cwd, dir ?? '.'));
  }

  /** Reads the whole folder, with progress on a terminal. */
  async workspace(): Promise<Workspace> {
    // A mistyped --dir would otherwise read as an empty folder: "no contacts", exit 0.
    const folder = await stat(this.store.root).catch(() => undefined);
    if (!folder) throw new FailureError(`notes folder not found: ${this.store.root} (use --dir, or rapport init to create one)`);
    if (!folder.isDirectory()) throw new FailureError(`${this.store.root} is a file, not a notes folder`);
    const progress = progressReporter(this.io, 'Reading notes');
    try {
      return await loadWorkspace(this.store, { onProgress: progress.update });
    } finally {
      progress.done();
    }
  }

  /** "Now" for next actions: `--today` pins the date (at noon in the user's zone) for scripts and tests. */
  actionContext(workspace: Workspace, today: string | undefined): ActionContext & { today: string } {
    const timezone = workspace.config.timezone;
    if (today !== undefined) {
      if (!isCalendarDate(today)) throw new InvalidInputError(`invalid date "${today}" (use YYYY-MM-DD)`);
      const now = new Date(`${today}T12:00:00Z`);
      return { now, timezone, rules: workspace.config.rules, today };
    }
    const now = new Date();
    return { now, timezone, rules: workspace.config.rules, today: todayIn(timezone, now) };
  }

  /** A contact named on the command line by id, by path from the notes folder, or by path from the current directory. */
  contact(workspace: Workspace, reference: string): Contact {
    const contact = workspace.index.contact(reference) ?? workspace.index.contact(this.notePath(reference));
    if (!contact) throw new NoteNotFoundError(reference);
    return contact;
  }

  /** A path given on the command line, made relative to the notes folder. */
  notePath(path: string): string {
    return this.store.relativePath(isAbsolute(path) ? path : resolve(this.io.cwd, path));
  }

  print(text = ''): void {
    this.io.stdout.write(text.endsWith('\n') || text === '' ? text || '\n' : text + '\n');
  }

  json(value: unknown): void {
    this.io.stdout.write(JSON.stringify(value, null, 2) + '\n');
  }
}
