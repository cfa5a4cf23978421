import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { colorsFor, progressReporter, type Io } from './io.js';

class Capture extends Writable {
  text = '';
  constructor(readonly isTTY: boolean) {
    super();
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

function io(tty: boolean, env: NodeJS.ProcessEnv = {}): Io & { stderr: Capture } {
  return { stdout: new Capture(tty), stderr: new Capture(tty), cwd: '/', env };
}

describe('colorsFor', () => {
  it.each([
    [true, {}, true],
    [false, {}, false],
    [true, { NO_COLOR: '' }, true],
    [true, { NO_COLOR: '1' }, false],
    [true, { TERM: 'dumb' }, false],
    [false, { FORCE_COLOR: '1' }, true],
    [true, { FORCE_COLOR: '0' }, false],
    [true, { FORCE_COLOR: 'false' }, false],
    [false, { FORCE_COLOR: '0' }, false],
    [true, { NO_COLOR: '1', FORCE_COLOR: '1' }, true],
  ])('on a TTY %s with %j colours: %s', (tty, env, coloured) => {
    expect(colorsFor(new Capture(tty), env).red('x') !== 'x').toBe(coloured);
  });
});

describe('progressReporter', () => {
  it('draws on a terminal for long runs and clears its line when done', () => {
    const target = io(true);
    const progress = progressReporter(target, 'Reading notes');
    progress.update(1, 500);
    progress.update(500, 500);
    progress.done();
    expect(target.stderr.text).toBe('\rReading notes 1/500\rReading notes 500/500\r\x1b[2K');
  });

  it('draws at most every 100 ms, but always the last step', () => {
    const target = io(true);
    const progress = progressReporter(target, 'Reading notes');
    for (let done = 1; done <= 300; done++) progress.update(done, 300);
    expect(target.stderr.text.split('\r').filter(Boolean)).toEqual(['Reading notes 1/300', 'Reading notes 300/300']);
  });

  it.each([
    ['piped', io(false), 500],
    ['under CI', io(true, { CI: 'true' }), 500],
    ['for a small folder', io(true), 199],
  ])('writes nothing when %s', (_, target, total) => {
    const progress = progressReporter(target, 'Reading notes');
    progress.update(total, total);
    progress.done();
    expect(target.stderr.text).toBe('');
  });
});
