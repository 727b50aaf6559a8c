import { Command } from 'commander';
import { evaluateUsageSignals, isDay, todayUtc } from '../../modules/usage/index.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { getWorkspaceBySlug } from '../../platform/identity/workspace.service.ts';
import { withContext } from '../context.ts';
import { SYSTEM_ACTOR } from '../../platform/auth/principal.ts';
import { refreshWorkspaceDelivery } from '../../modules/delivery/index.ts';

/** `baton recompute …`: runs now what a scheduled job would run later. */
export function recomputeCommand(): Command {
  const cmd = new Command('recompute').description(
    'Recompute derived records now instead of waiting for their scheduled job',
  );
  cmd
    .command('usage-signals')
    .description(
      'Evaluate the usage, knowledge-loss, business-change, release-underuse and integration-decay signals of a workspace',
    )
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--as-of <day>', 'day to judge, YYYY-MM-DD (UTC); today by default')
    .option('--json', 'print the summary as one JSON object')
    .action(async (opts: { workspace: string; asOf?: string; json?: boolean }) => {
      if (opts.asOf !== undefined && !isDay(opts.asOf))
        throw AppError.validation('--as-of', `${opts.asOf} is not a day (YYYY-MM-DD)`);
      const summary = await withContext(async (ctx) => {
        const ws = await getWorkspaceBySlug(ctx.db, opts.workspace);
        return ctx.db
          .transaction()
          .execute((trx) => evaluateUsageSignals(trx, ctx.caps, ws.id, opts.asOf ?? todayUtc()));
      });
      if (opts.json) console.log(JSON.stringify(summary));
      else {
        console.log(`usage signals of ${opts.workspace} as of ${summary.asOf}: ${summary.accounts} accounts judged`);
        for (const [kind, n] of Object.entries(summary.raised)) console.log(`  open    ${kind}: ${n}`);
        for (const [kind, n] of Object.entries(summary.resolved)) console.log(`  resolved ${kind}: ${n}`);
      }
    });
  cmd
    .command('delivery')
    .description(
      'Complete milestones reached by product usage, re-forecast every planned project and re-check the delivery signals',
    )
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--json', 'print the summary as one JSON object')
    .action(async (opts: { workspace: string; json?: boolean }) => {
      const summary = await withContext(async (ctx) => {
        const ws = await getWorkspaceBySlug(ctx.db, opts.workspace);
        const out = await ctx.db
          .transaction()
          .execute((trx) => refreshWorkspaceDelivery(trx, ws.id, todayUtc(), SYSTEM_ACTOR));
        return {
          projects: out.projects,
          forecastsChanged: out.changed,
          slips: out.slips.length,
          milestonesByUsage: out.milestonesByUsage,
          millis: out.millis,
        };
      });
      if (opts.json) console.log(JSON.stringify(summary));
      else {
        console.log(
          `delivery of ${opts.workspace}: ${summary.projects} planned projects re-forecast in ${summary.millis} ms`,
        );
        console.log(
          `  forecasts changed: ${summary.forecastsChanged}, slips recorded: ${summary.slips}, milestones reached by usage: ${summary.milestonesByUsage}`,
        );
      }
    });
  return cmd;
}
