// Type tests: `tsc --noEmit` (the `typecheck` step of `pnpm test`) fails if a
// `@ts-expect-error` below stops being an error, that is if a stage, channel
// or rule name typed wrong compiles again. The runtime checks stay for
// callers without types.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { advance, InvalidInputError, logInteraction, readNote, type AdvanceOptions, type Channel, type Diagnostic, type DiagnosticRule, type HistoryEntry, type Stage } from '../src/index.js';

const NOTE = '---\ntype: contact\nname: Maya Chen\nstage: identified\nhistory:\n  - {date: 2026-11-02, stage: identified}\n---\n';

describe('precise types', () => {
  it('advance takes a Stage: a stage that does not exist fails to compile', () => {
    expectTypeOf(advance).parameter(1).toEqualTypeOf<Stage>();
    // @ts-expect-error -- 'interviewed' is not a stage
    expect(() => advance(NOTE, 'interviewed', { date: '2026-11-23' })).toThrow(new InvalidInputError('unknown stage "interviewed" (use one of: identified, contacted, followed-up, scheduled, prepared, held, thanked, nurturing, declined, no-response, archived)'));
    expect(advance(NOTE, 'contacted', { date: '2026-11-23', via: 'email' })).toContain('  - {date: 2026-11-02, stage: identified}\n  - {date: 2026-11-23, stage: contacted, via: email}\n');
  });

  it('via is a Channel, in what a caller gives and in what a note reads as', () => {
    expectTypeOf<AdvanceOptions['via']>().toEqualTypeOf<Channel | undefined>();
    expectTypeOf<HistoryEntry['via']>().toEqualTypeOf<Channel | undefined>();
    // @ts-expect-error -- 'pigeon' is not a channel
    expect(() => logInteraction(NOTE, { date: '2026-11-23', via: 'pigeon' })).toThrow(new InvalidInputError('unknown channel "pigeon" (use one of: email, linkedin, letter, phone, in-person, other)'));
    expect(readNote('maya-chen.md', NOTE).contact?.history[0]?.via).toBeUndefined();
  });

  it('Diagnostic.rule is a DiagnosticRule: a rule name typed wrong fails to compile', () => {
    expectTypeOf<Diagnostic['rule']>().toEqualTypeOf<DiagnosticRule>();
    const problem: Diagnostic = { file: 'a.md', line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', rule: 'unknown-stage', message: 'x' };
    // @ts-expect-error -- the rule is 'unknown-stage'
    const typo: Diagnostic = { ...problem, rule: 'unkown-stage' };
    expect([problem.rule, typo.rule]).toEqual(['unknown-stage', 'unkown-stage']);
  });
});
