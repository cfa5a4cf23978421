/** `node:fs` for the web test bundle: the synchronous calls the suites make, run by the launcher (see bridge.ts). */
import { Buffer } from 'buffer';
import { bridge } from './bridge.js';

type Data = string | Uint8Array;

interface EntryInfo {
  readonly name: string;
  readonly directory: boolean;
  readonly file: boolean;
  readonly symlink: boolean;
}

const encode = (data: Data) => (typeof data === 'string' ? { text: data } : { base64: Buffer.from(data).toString('base64') });

export function readFileSync(path: string, encoding?: string | { encoding?: string }): string | Buffer {
  const base64 = bridge<string>('readFile', path);
  const bytes = Buffer.from(base64, 'base64');
  const wanted = typeof encoding === 'string' ? encoding : encoding?.encoding;
  return wanted ? bytes.toString(wanted as BufferEncoding) : bytes;
}

export function writeFileSync(path: string, data: Data): void {
  bridge('writeFile', path, encode(data));
}

export function existsSync(path: string): boolean {
  return bridge<boolean>('exists', path);
}

export function mkdirSync(path: string, options?: { recursive?: boolean }): void {
  bridge('mkdir', path, { recursive: options?.recursive === true });
}

export function mkdtempSync(prefix: string): string {
  return bridge<string>('mkdtemp', prefix);
}

export function rmSync(path: string, options?: { recursive?: boolean; force?: boolean }): void {
  bridge('rm', path, { recursive: options?.recursive === true, force: options?.force === true });
}

export function readdirSync(path: string, options?: { withFileTypes?: boolean }): unknown[] {
  const entries = bridge<EntryInfo[]>('readdir', path);
  if (!options?.withFileTypes) return entries.map((entry) => entry.name);
  return entries.map((entry) => ({ name: entry.name, isDirectory: () => entry.directory, isFile: () => entry.file, isSymbolicLink: () => entry.symlink }));
}
