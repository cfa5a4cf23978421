import type { Diagnostic } from '@rapport/core';
import { createColors, type Colors } from './colors.js';
import type { Output } from './standard-output.js';

export type { Colors } from './colors.js';

/** Where a command writes, and what it knows of its terminal. */
export interface Io {
  readonly stdout: Output;
  readonly stderr: Output;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
}

/**
 * Colours only on a terminal, and never when NO_COLOR is set to anything but
 * the empty string (https://no-color.org); FORCE_COLOR overrides both.
 */
export function colorsFor(stream: Output, env: NodeJS.ProcessEnv): Colors {
  // FORCE_COLOR follows Node: 0 or false turns colours off, any other value on.
  if (env.FORCE_COLOR !== undefined) return createColors(env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false');
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  const enabled = !noColor && Boolean(stream.isTTY) && env.TERM !== 'dumb';
  return createColors(enabled);
}

/**
 * Progress on stderr for long runs, on a terminal only: piped output and
 * scripts stay quiet. Draws at most every 100 ms.
 */
export function progressReporter(io: Io, label: string): { update(done: number, total: number): void; done(): void } {
  if (!io.stderr.isTTY || 'CI' in io.env) return { update() {}, done() {} };
  let last = 0;
  let drawn = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (total < 200 || (now - last < 100 && done < total)) return;
      last = now;
      drawn = true;
      io.stderr.write(`\r${label} ${done}/${total}`);
    },
    done() {
      if (drawn) io.stderr.write('\r\x1b[2K');
    },
  };
}

// C0 and C1 controls (escape, bell, backspace, carriage return, line breaks…) and the
// bidirectional overrides: a terminal acts on them, so a name holding them could retitle the
// window, clear the screen or make one line read as another.
const TERMINAL_CONTROLS = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/**
 * Text from notes and imported files made safe to print: every control
 * character is shown as a visible escape (`\x1B`, `\u202E`) instead of
 * being sent to the terminal. JSON output needs none of this: JSON escapes
 * controls itself.
 */
export function printable(text: string): string {
  return text.replace(TERMINAL_CONTROLS, (character) => {
    const code = character.codePointAt(0)!;
    return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}

/** One diagnostic as `check` prints it: `file:line:column severity message [rule]`, the hint on a line of its own. */
export function formatDiagnostic(d: Diagnostic, colors: Colors): string {
  const severity = d.severity === 'error' ? colors.red('error') : d.severity === 'warning' ? colors.yellow('warning') : colors.blue('info');
  return `${printable(d.file)}:${d.line}:${d.column} ${severity} ${printable(d.message)} ${colors.dim(`[${d.rule}]`)}${d.hint ? colors.dim(`\n    hint: ${printable(d.hint)}`) : ''}`;
}

/** Commander's parser for an option a user may give more than once, such as `--note`: each text kept, joined by "; ", as `git commit -m` keeps each message. */
export function joinRepeated(value: string, previous: string | undefined): string {
  return previous === undefined ? value : `${previous}; ${value}`;
}
