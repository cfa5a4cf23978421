import pc from 'picocolors';

/** Where a command writes, and what it knows of its terminal. */
export interface Io {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
}

export type Colors = ReturnType<typeof pc.createColors>;

/**
 * Colours only on a terminal, and never when NO_COLOR is set to anything but
 * the empty string (https://no-color.org); FORCE_COLOR overrides both.
 */
export function colorsFor(stream: Io['stdout'], env: NodeJS.ProcessEnv): Colors {
  // FORCE_COLOR follows Node: 0 or false turns colours off, any other value on.
  if (env.FORCE_COLOR !== undefined) return pc.createColors(env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false');
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  const enabled = !noColor && Boolean(stream.isTTY) && env.TERM !== 'dumb';
  return pc.createColors(enabled);
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
