import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleCopy, rapport } from './support/run-cli.js';

const PWNED_TEMPLATE = '---\nstage: followed-up\n---\nSubject: Hi\n\n<% process.getBuiltinModule("child_process").execSync("touch pwned") %>Hello <%= it.firstName %>\n';

function git(cwd: string, ...args: string[]): void {
  const result = spawnSync('git', ['-c', 'user.name=Rapport Test', '-c', 'user.email=test@example.com', ...args], { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
}

/** A notes folder someone else wrote, with a follow-up template that runs `touch pwned`, as `git clone` leaves it. */
function clonedFolder(): string {
  const origin = exampleCopy();
  mkdirSync(join(origin, '.rapport/templates'), { recursive: true });
  writeFileSync(join(origin, '.rapport/templates/follow-up.eta'), PWNED_TEMPLATE);
  git(origin, 'init', '-q');
  git(origin, 'add', '-A');
  git(origin, 'commit', '-q', '-m', 'notes');
  const clone = join(mkdtempSync(join(tmpdir(), 'rapport-clone-')), 'notes');
  git(tmpdir(), 'clone', '-q', origin, clone);
  return clone;
}

/** A working directory and a config home of their own, so the trust list is the test's. */
function sandbox(): { cwd: string; env: NodeJS.ProcessEnv } {
  return { cwd: mkdtempSync(join(tmpdir(), 'rapport-cwd-')), env: { XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), 'rapport-config-')) } };
}

describe('folder templates run only in a trusted folder (issue 16.1)', () => {
  it('never runs the template of a cloned folder: the shipped letter is used, and stderr says why', () => {
    const folder = clonedFolder();
    const { cwd, env } = sandbox();
    const result = rapport(['letter', 'follow-up', 'hannah-schultz', '--dir', folder], { cwd, env });
    expect(result.code).toBe(0);
    expect(existsSync(join(cwd, 'pwned'))).toBe(false);
    expect(existsSync(join(folder, 'pwned'))).toBe(false);
    expect(result.stdout).toMatch(/^Subject: Following up on my note of November 5\n\nDear Hannah,\n/);
    expect(result.stderr).toBe(
      "rapport: used the shipped follow-up letter, not .rapport/templates/follow-up.eta: this folder's templates are code, and the folder is not trusted; read it, then run rapport trust (or add --allow-templates for this run)\n",
    );
    const list = rapport(['letter', '--list', '--dir', folder], { cwd, env });
    expect(list.stdout).toContain("(not run: .rapport/templates/follow-up.eta: this folder's templates are code, and the folder is not trusted; read them, then run rapport trust)");
    expect(list.stdout).toMatch(/follow-up\s+One polite nudge/);
    expect(existsSync(join(cwd, 'pwned'))).toBe(false);

    // --sent records with the shipped letter's stage, and still runs nothing.
    const sent = rapport(['letter', 'follow-up', 'hannah-schultz', '--sent', '--date', '2026-11-23', '--dir', folder], { cwd, env });
    expect(sent.code).toBe(0);
    expect(existsSync(join(cwd, 'pwned'))).toBe(false);
  });

  it('runs it once trusted, and again refuses it after the template changes, until trusted again', () => {
    const folder = clonedFolder();
    const { cwd, env } = sandbox();
    const trust = rapport(['trust', '--dir', folder], { cwd, env });
    expect(trust).toMatchObject({ code: 0, stderr: '' });
    expect(trust.stdout).toBe(`Trusted the letter templates of ${folder}:\n  .rapport/templates/follow-up.eta\nThey run with rapport letter until one of them changes (recorded in ${join(env.XDG_CONFIG_HOME!, 'rapport/trusted.json')}).\n`);
    const list = JSON.parse(readFileSync(join(env.XDG_CONFIG_HOME!, 'rapport/trusted.json'), 'utf8')) as { folders: Record<string, { templates: string }> };
    expect(Object.keys(list.folders)).toEqual([realpathSync(folder)]);
    expect(list.folders[realpathSync(folder)]!.templates).toMatch(/^sha256:[0-9a-f]{64}$/);

    const trusted = rapport(['letter', 'follow-up', 'hannah-schultz', '--dir', folder], { cwd, env });
    expect(trusted).toMatchObject({ code: 0, stdout: 'Subject: Hi\n\nHello Hannah\n', stderr: '' });
    expect(existsSync(join(cwd, 'pwned'))).toBe(true);

    spawnSync('rm', [join(cwd, 'pwned')]);
    writeFileSync(join(folder, '.rapport/templates/follow-up.eta'), PWNED_TEMPLATE.replace('Hello', 'Hi there'));
    const changed = rapport(['letter', 'follow-up', 'hannah-schultz', '--dir', folder], { cwd, env });
    expect(existsSync(join(cwd, 'pwned'))).toBe(false);
    expect(changed.stderr).toBe('rapport: used the shipped follow-up letter, not .rapport/templates/follow-up.eta: a template changed since you trusted this folder; read it, then run rapport trust (or add --allow-templates for this run)\n');
    expect(rapport(['trust', '--status', '--dir', folder], { cwd, env }).stdout).toBe('Not trusted: a template changed since you trusted the folder; read them, then run rapport trust again\n  .rapport/templates/follow-up.eta\n');

    expect(rapport(['trust', '--dir', folder], { cwd, env }).code).toBe(0);
    expect(rapport(['letter', 'follow-up', 'hannah-schultz', '--dir', folder], { cwd, env }).stdout).toBe('Subject: Hi\n\nHi there Hannah\n');
  });

  it('stops running them after trust --revoke; --allow-templates runs them for one run only', () => {
    const folder = clonedFolder();
    const { cwd, env } = sandbox();
    rapport(['trust', '--dir', folder], { cwd, env });
    expect(rapport(['trust', '--revoke', '--dir', folder], { cwd, env }).stdout).toBe(`Its letter templates no longer run: ${folder}\n`);
    rapport(['letter', 'follow-up', 'hannah-schultz', '--dir', folder], { cwd, env });
    expect(existsSync(join(cwd, 'pwned'))).toBe(false);
    expect(rapport(['letter', 'follow-up', 'hannah-schultz', '--allow-templates', '--dir', folder], { cwd, env }).stdout).toBe('Subject: Hi\n\nHello Hannah\n');
    expect(existsSync(join(cwd, 'pwned'))).toBe(true);
    expect(rapport(['trust', '--status', '--dir', folder], { cwd, env }).stdout).toBe('Not trusted: these templates do not run (the shipped letters are used); read them, then run rapport trust\n  .rapport/templates/follow-up.eta\n');
  });

  it('says it used the shipped letter even when that letter then lacks a field', () => {
    const folder = clonedFolder();
    // Written to, by the stage, but with no history to say when: the follow-up lacks the day of the first letter.
    writeFileSync(join(folder, 'nia-reed.md'), '---\ntype: contact\nname: Nia Reed\nstage: contacted\nemail: nia@example.com\n---\n\n# Nia Reed\n');
    const { cwd, env } = sandbox();
    const result = rapport(['letter', 'follow-up', 'nia-reed', '--dir', folder], { cwd, env });
    expect(result.code).toBe(1);
    expect(existsSync(join(cwd, 'pwned'))).toBe(false);
    expect(result.stderr.split('\n')[0]).toBe(
      "rapport: used the shipped follow-up letter, not .rapport/templates/follow-up.eta: this folder's templates are code, and the folder is not trusted; read it, then run rapport trust (or add --allow-templates for this run)",
    );
    expect(result.stderr).toContain('cannot write the "follow-up" letter to Nia Reed: 1 field is missing');
  });

  it('says that a letter only the folder defines did not run, and why (exit 2)', () => {
    const folder = exampleCopy();
    mkdirSync(join(folder, '.rapport/templates'), { recursive: true });
    writeFileSync(join(folder, '.rapport/templates/coffee.eta'), 'Subject: Coffee?\n\nHi <%= it.firstName %>\n');
    const { cwd, env } = sandbox();
    const result = rapport(['letter', 'coffee', 'owen-park', '--dir', folder], { cwd, env });
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe("rapport: .rapport/templates/coffee.eta did not run: this folder's templates are code, and the folder is not trusted; read it, then run rapport trust (or add --allow-templates for this run)\n");
  });

  it('has nothing to trust in a folder without templates, and writes no trust list', () => {
    const folder = exampleCopy();
    const { cwd, env } = sandbox();
    expect(rapport(['trust', '--dir', folder], { cwd, env }).stdout).toBe(`Nothing to trust: ${folder} has no letter templates (.rapport/templates/ is empty or missing)\n`);
    expect(existsSync(join(env.XDG_CONFIG_HOME!, 'rapport/trusted.json'))).toBe(false);
  });
});
