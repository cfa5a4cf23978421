import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, realpath, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { TEMPLATES_FOLDER } from '@rapport/core';

/**
 * Folders whose letter templates (`.rapport/templates/*.eta`, JavaScript)
 * the user allowed to run. The list lives outside every notes folder, so a
 * cloned folder cannot trust itself; each entry holds a digest of the
 * templates folder, so a template changed since (by a `git pull`, say)
 * needs trust again.
 */
interface TrustList {
  readonly version: 1;
  /** Keyed by the folder's real path. */
  readonly folders: Record<string, { readonly templates: string; readonly trusted: string }>;
}

export type TrustState =
  /** No `.rapport/templates/` files: nothing to run. */
  | { readonly kind: 'no-templates' }
  | { readonly kind: 'trusted'; readonly files: readonly string[] }
  | { readonly kind: 'untrusted'; readonly files: readonly string[] }
  /** Trusted once, but a template changed, appeared or went since. */
  | { readonly kind: 'changed'; readonly files: readonly string[] };

/** `$XDG_CONFIG_HOME/rapport/trusted.json`, else `~/.config/rapport/trusted.json`. */
export function trustListPath(env: NodeJS.ProcessEnv): string {
  const configHome = env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(env.HOME || homedir(), '.config');
  return join(configHome, 'rapport', 'trusted.json');
}

/** Every file under the templates folder, as paths relative to the notes folder, sorted. */
async function templateFiles(root: string): Promise<string[]> {
  const files: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else files.push(relative(root, path).split('\\').join('/'));
    }
  };
  await walk(join(root, TEMPLATES_FOLDER));
  return files.sort();
}

/** SHA-256 over every template file's path and bytes: any change gives another digest. */
async function templatesDigest(root: string, files: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${file}\0`);
    // A file that cannot be read (a dangling link, a link to a folder) still counts, by its error.
    hash.update(await readFile(join(root, file)).catch((error: NodeJS.ErrnoException) => `unreadable:${error.code ?? 'error'}`));
    hash.update('\0');
  }
  return `sha256:${hash.digest('hex')}`;
}

async function readTrustList(env: NodeJS.ProcessEnv): Promise<TrustList> {
  const text = await readFile(trustListPath(env), 'utf8').catch(() => undefined);
  if (text === undefined) return { version: 1, folders: {} };
  try {
    const parsed = JSON.parse(text) as Partial<TrustList> | null;
    if (parsed && typeof parsed.folders === 'object' && parsed.folders !== null) return { version: 1, folders: { ...parsed.folders } };
  } catch {
    // A damaged list trusts nothing; `rapport trust` writes a good one again.
  }
  return { version: 1, folders: {} };
}

async function writeTrustList(env: NodeJS.ProcessEnv, list: TrustList): Promise<void> {
  const path = trustListPath(env);
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(list, null, 2) + '\n', { mode: 0o600 });
  await rename(temporary, path);
}

/** Whether the folder's templates may run. */
export async function trustState(root: string, env: NodeJS.ProcessEnv): Promise<TrustState> {
  const files = await templateFiles(root);
  if (files.length === 0) return { kind: 'no-templates' };
  const entry = (await readTrustList(env)).folders[await realpath(root)];
  if (!entry) return { kind: 'untrusted', files };
  return entry.templates === (await templatesDigest(root, files)) ? { kind: 'trusted', files } : { kind: 'changed', files };
}

/** Trusts the templates as they are now; returns the files trusted (none: nothing was written). */
export async function trustFolder(root: string, env: NodeJS.ProcessEnv, now: Date): Promise<string[]> {
  const files = await templateFiles(root);
  if (files.length === 0) return files;
  const list = await readTrustList(env);
  list.folders[await realpath(root)] = { templates: await templatesDigest(root, files), trusted: now.toISOString() };
  await writeTrustList(env, list);
  return files;
}

/** Forgets the folder; returns whether it was trusted. */
export async function revokeFolder(root: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  const list = await readTrustList(env);
  const key = await realpath(root);
  if (!(key in list.folders)) return false;
  delete list.folders[key];
  await writeTrustList(env, list);
  return true;
}
