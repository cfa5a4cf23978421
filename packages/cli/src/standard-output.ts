import { fstatSync, writeSync } from 'node:fs';

/** What a command writes to: the process's stdout or stderr, or a test's stand-in. */
export interface Output {
  write(text: string, done?: () => void): boolean;
  readonly isTTY?: boolean;
  readonly writable?: boolean;
}

/**
 * The process's stdout or stderr written with plain system calls when it is a
 * file or a pipe, which is how hooks, scripts and other programs read
 * `rapport`. Node's own `process.stdout` loads its stream modules on first
 * use, a few milliseconds of every short command. A terminal, or a pipe
 * that would block (non-blocking, and full), gets Node's stream from then on,
 * so the order of what was written is kept.
 */
export class StandardOutput implements Output {
  readonly isTTY: boolean;
  private stream: NodeJS.WriteStream | undefined;
  private closed = false;

  constructor(
    private readonly fd: 1 | 2,
    private readonly nodeStream: () => NodeJS.WriteStream,
  ) {
    this.isTTY = isTerminal(fd);
    if (this.isTTY) this.stream = nodeStream();
  }

  get writable(): boolean {
    return this.stream ? this.stream.writable : !this.closed;
  }

  write(text: string, done?: () => void): boolean {
    if (this.stream) return this.stream.write(text, done);
    if (!this.closed && text.length > 0) this.writeDirectly(Buffer.from(text, 'utf8'));
    if (done) queueMicrotask(done);
    return true;
  }

  private writeDirectly(bytes: Buffer): void {
    let written = 0;
    try {
      while (written < bytes.length) written += writeSync(this.fd, bytes, written);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A reader that stopped early (`rapport list | head -3`): the rest goes nowhere, as with any Unix tool.
      if (code === 'EPIPE') this.closed = true;
      else if (code === 'EAGAIN') {
        this.stream = this.nodeStream();
        this.stream.write(bytes.subarray(written));
      } else throw error;
    }
  }
}

/** Whether `fd` is a terminal: only a character device can be, and only then is `node:tty` (and the stream modules it loads) needed to tell. */
function isTerminal(fd: number): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return process.getBuiltinModule('node:tty').isatty(fd);
}
