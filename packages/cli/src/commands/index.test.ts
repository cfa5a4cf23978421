import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { commands, invokedCommand } from './index.js';

describe('the command table', () => {
  it('names each command as its module registers it', async () => {
    for (const command of commands) {
      const program = new Command('rapport');
      (await command.load())(program, () => {
        throw new Error('not run');
      }, () => undefined);
      expect(program.commands.map((registered) => registered.name())).toEqual([command.name]);
    }
  });

  it('finds the command a run names, past global options and --dir\'s value', () => {
    const name = (argv: string[]) => invokedCommand(argv)?.name;
    expect(name(['agenda', '--today', '2026-11-23'])).toBe('agenda');
    expect(name(['--dir', 'list', 'agenda'])).toBe('agenda');
    expect(name(['-d', 'check', '--no-cache', 'merge-driver', 'a', 'b', 'c'])).toBe('merge-driver');
    expect(name(['--dir=notes', 'check'])).toBe('check');
    expect(name(['help', 'agenda'])).toBeUndefined();
    expect(name(['frobnicate'])).toBeUndefined();
    expect(name(['--help'])).toBeUndefined();
    expect(name([])).toBeUndefined();
  });
});
