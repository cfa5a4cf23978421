import { stat } from 'node:fs/promises';
import type { CommandContext } from '../context.js';
import { FailureError } from '../errors.js';
import type { RegisterCommand } from '../program.js';
import { revokeFolder, trustFolder, trustListPath, trustState } from '../trust.js';

interface TrustOptions {
  revoke?: boolean;
  status?: boolean;
}

export const registerTrust: RegisterCommand = (program, context) => {
  program
    .command('trust')
    .description("let this folder's own letter templates (.rapport/templates/*.eta, which are code) run; --revoke takes it back")
    .option('--revoke', 'stop running this folder\'s templates')
    .option('--status', 'say whether the templates run, and why')
    .addHelpText(
      'after',
      `
Templates are JavaScript: read them before you trust a folder you did not write.
Trust is kept outside the folder (${'$XDG_CONFIG_HOME'}/rapport/trusted.json, else ~/.config/rapport/trusted.json)
with a digest of .rapport/templates/: after any change to a template, run rapport trust again.
For one run only: rapport letter … --allow-templates.

Examples:
  rapport trust --status
  rapport trust
  rapport trust --revoke
`,
    )
    .action(async (options: TrustOptions) => {
      const ctx = context();
      const root = ctx.store.root;
      const folder = await stat(root).catch(() => undefined);
      if (!folder?.isDirectory()) throw new FailureError(`notes folder not found: ${root} (use --dir)`);
      if (options.revoke) {
        const was = await revokeFolder(root, ctx.io.env);
        return ctx.print(was ? `Its letter templates no longer run: ${root}` : `${root} was not trusted: its letter templates do not run`);
      }
      if (options.status) return printStatus(ctx, root);
      const files = await trustFolder(root, ctx.io.env, new Date());
      if (files.length === 0) return ctx.print(`Nothing to trust: ${root} has no letter templates (.rapport/templates/ is empty or missing)`);
      ctx.print(`Trusted the letter templates of ${root}:`);
      for (const file of files) ctx.print(`  ${file}`);
      ctx.print(`They run with rapport letter until one of them changes (recorded in ${trustListPath(ctx.io.env)}).`);
    });
};

async function printStatus(ctx: CommandContext, root: string): Promise<void> {
  const state = await trustState(root, ctx.io.env);
  if (state.kind === 'no-templates') return ctx.print(`${root} has no letter templates: only the shipped letters exist`);
  const files = state.files.map((file) => `  ${file}`).join('\n');
  if (state.kind === 'trusted') return ctx.print(`Trusted: these templates run\n${files}`);
  if (state.kind === 'changed') return ctx.print(`Not trusted: a template changed since you trusted the folder; read them, then run rapport trust again\n${files}`);
  ctx.print(`Not trusted: these templates do not run (the shipped letters are used); read them, then run rapport trust\n${files}`);
}
