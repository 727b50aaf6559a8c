import { Command, Option } from 'commander';
import { getWorkspaceBySlug } from '../../platform/identity/workspace.service.ts';
import { readSetting } from '../../platform/settings/settings.service.ts';
import { type JourneyState, listDeals, guardSetting } from '../../modules/deals/index.ts';
import { withContext } from '../context.ts';

/** `--stage` in the words a person uses, onto the journey states. */
const STAGE_FILTER: Record<string, JourneyState[]> = {
  won: ['confirmed', 'pending_confirmation'],
  confirmed: ['confirmed'],
  pending: ['pending_confirmation'],
  lost: ['lost'],
  open: ['open'],
  reopened: ['reopened'],
};

export function dealsCommand(): Command {
  const cmd = new Command('deals').description('Deals from the CRM');
  cmd
    .command('list')
    .description('List deals, most recently changed first')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .addOption(new Option('--stage <stage>', 'only these deals').choices(Object.keys(STAGE_FILTER)))
    .option('--limit <n>', 'at most this many', (v) => Number.parseInt(v, 10), 200)
    .option('--json', 'print JSON (one object with items and counts)')
    .action(async (opts: { workspace: string; stage?: string; limit: number; json?: boolean }) => {
      const page = await withContext(async (ctx) => {
        const ws = await getWorkspaceBySlug(ctx.db, opts.workspace);
        const req = await readSetting(ctx.db, ws.id, guardSetting);
        return listDeals(ctx.db, ctx.caps, ws.id, req, {
          limit: opts.limit,
          states: opts.stage ? STAGE_FILTER[opts.stage] : undefined,
        });
      });
      if (opts.json) {
        console.log(JSON.stringify({ items: page.items, counts: page.counts }, null, 2));
        return;
      }
      for (const d of page.items) {
        const amount = d.amount === null ? '' : `${d.amount.toLocaleString('en-US')} ${d.currency ?? ''}`.trim();
        const missing = d.missing.length ? `  (missing: ${d.missing.join(', ')})` : '';
        console.log(
          [d.source, d.externalId, d.name, d.accountName ?? '—', d.journeyState, amount, d.closeDate ?? ''].join('\t') +
            missing,
        );
      }
      console.log(
        `${page.items.length} shown; by state: ${
          Object.entries(page.counts)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ') || 'none'
        }`,
      );
    });
  return cmd;
}
