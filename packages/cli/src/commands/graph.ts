import { loadSlugger, referralsToDot, referralsToMermaid } from '@rapport/core';
import { UsageError, type RegisterCommand } from '../program.js';

interface GraphOptions {
  format: string;
}

export const registerGraph: RegisterCommand = (program, context) => {
  program
    .command('graph')
    .description('the referral chain: who led to whom (from referred_by and Outcomes links)')
    .option('--format <format>', 'mermaid or dot', 'mermaid')
    .addHelpText('after', '\nExamples:\n  rapport graph > referrals.mmd\n  rapport graph --format dot | dot -Tsvg > referrals.svg\n')
    .action(async (options: GraphOptions) => {
      if (options.format !== 'mermaid' && options.format !== 'dot') throw new UsageError(`unknown graph format "${options.format}" (use mermaid or dot)`);
      const ctx = context();
      const workspace = await ctx.workspace();
      ctx.warnBrokenNotes(workspace);
      // A referral linked as [[renee-jackson]] and one written "Renee Jackson" are one person.
      const graph = workspace.index.referralGraph({ contactSlug: await loadSlugger() });
      const contacts = workspace.index.contacts();
      ctx.print(options.format === 'dot' ? referralsToDot(graph, contacts) : referralsToMermaid(graph, contacts));
    });
};
