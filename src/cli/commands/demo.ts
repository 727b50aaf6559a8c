import { Command } from 'commander';
import { rebuildDemoWorkspace } from '../../demo/demo.service.ts';
import { withContext } from '../context.ts';

export function demoCommand(): Command {
  return new Command('demo')
    .description('Rebuild the demo workspace from scratch (its admins with a login keep their access)')
    .option('--slug <slug>', 'slug of the demo workspace', 'demo')
    .option('--seed <n>', 'random seed: the same seed gives the same data', (v) => Number.parseInt(v, 10), 42)
    .action(async (opts: { slug: string; seed: number }) => {
      const summary = await withContext((ctx) =>
        ctx.db.transaction().execute((trx) => rebuildDemoWorkspace(trx, opts.slug, opts.seed)),
      );
      console.log(
        `demo workspace ${summary.slug} rebuilt: ${summary.accounts} accounts, ${summary.contacts} stakeholders, ${summary.users} people, ${summary.partners} partner firms, ${summary.deals} deals, ${summary.briefs} handoff briefs`,
      );
    });
}
