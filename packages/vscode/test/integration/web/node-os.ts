/** `node:os` for the web test bundle: the launcher's scratch folder stands for the temporary folder (see bridge.ts). */
import { bridge } from './bridge.js';

export function tmpdir(): string {
  return bridge<string>('tmpdir');
}
