import { describe, expect, it } from 'vitest';
import { createColors } from './colors.js';

describe('createColors', () => {
  it('wraps text in the terminal codes of each style', () => {
    const colors = createColors(true);
    expect(colors.red('overdue')).toBe('\x1b[31moverdue\x1b[39m');
    expect(colors.dim('[rule]')).toBe('\x1b[2m[rule]\x1b[22m');
    expect(colors.bold('Today')).toBe('\x1b[1mToday\x1b[22m');
    expect(colors.cyan('→ rapport')).toBe('\x1b[36m→ rapport\x1b[39m');
  });

  it('turns the outer style on again after an inner one that ends the same way', () => {
    const colors = createColors(true);
    expect(colors.bold(`a ${colors.dim('b')} c`)).toBe('\x1b[1ma \x1b[2mb\x1b[22m\x1b[1m c\x1b[22m');
    expect(colors.red(`due ${colors.cyan('today')}!`)).toBe('\x1b[31mdue \x1b[36mtoday\x1b[39m\x1b[31m!\x1b[39m');
  });

  it('returns the text as it is when colours are off', () => {
    const colors = createColors(false);
    expect(colors.yellow('warning')).toBe('warning');
    expect(colors.blue('info')).toBe('info');
    expect(colors.green('ok')).toBe('ok');
  });
});
