import { Command } from 'commander';
import { accountNamesOf, accountsByReference } from '../../modules/accounts/index.ts';
import { accountScore, currentHealthScores, scoreAccounts } from '../../modules/health/index.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { getWorkspaceBySlug } from '../../platform/identity/workspace.service.ts';
import { withContext } from '../context.ts';

const HELP = `
A health score is the weighted mean of the dimensions with data (delivery, adoption, sentiment, relationship,
commercial), each the weighted mean of its measures with data, by the segment's scorecard (Settings → Scorecards,
or PUT /api/v1/health/scorecards). Green from 70, yellow from 40, red below.

Examples:
  baton health score --workspace acme
  baton health score --workspace acme --account northwind.example --json`;

const collect = (value: string, previous: string[]) => [...previous, value];

export function healthCommand(): Command {
  const cmd = new Command('health').description('Health scores: rescore accounts and say why they moved');
  cmd.addHelpText('after', HELP);
  cmd
    .command('score')
    .description('Rescore the workspace (or the named accounts) now and print the scores, with why for named accounts')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--account <ref>', 'an account by id, CRM id or domain (repeatable)', collect, [])
    .option('--json', 'print {accounts, changed, scores: [{accountId, account, score, band, dimensions, why}]}')
    .action(async (opts: { workspace: string; account: string[]; json?: boolean }) => {
      const out = await withContext(async (ctx) => {
        const workspaceId = (await getWorkspaceBySlug(ctx.db, opts.workspace)).id;
        const found = await accountsByReference(ctx.db, workspaceId, opts.account);
        const missing = opts.account.filter((a) => !found.has(a));
        if (missing.length)
          throw AppError.validation('--account', `no account of ${opts.workspace} is ${missing.join(', ')}`);
        const named = opts.account.length ? [...new Set(found.values())] : undefined;
        const now = ctx.now();
        const summary = await ctx.db.transaction().execute((trx) => scoreAccounts(trx, workspaceId, now, named));
        const scores = await currentHealthScores(ctx.db, workspaceId);
        const ids = named ?? [...scores.keys()];
        const names = await accountNamesOf(ctx.db, workspaceId, ids);
        const rows = [];
        for (const id of ids) {
          const s = scores.get(id);
          const why = named ? await accountScore(ctx.db, workspaceId, id, now) : null;
          rows.push({
            accountId: id,
            account: names.get(id) ?? id,
            score: s?.score ?? null,
            band: s?.band ?? null,
            dimensions: Object.fromEntries((s?.components.dimensions ?? []).map((d) => [d.dimension, d.points])),
            why: why
              ? [...(why.why.sincePrevious?.moves ?? []), ...(why.why.since30Days?.moves ?? [])].map((m) => m.sentence)
              : [],
          });
        }
        rows.sort((a, b) => (a.score ?? 101) - (b.score ?? 101) || a.account.localeCompare(b.account));
        return { ...summary, scores: rows };
      });
      if (opts.json) {
        console.log(JSON.stringify(out));
        return;
      }
      console.log(`${out.accounts} accounts rescored, ${out.changed} changed`);
      for (const r of out.scores) {
        const dims = Object.entries(r.dimensions)
          .map(([d, p]) => `${d} ${p ?? 'no data'}`)
          .join(', ');
        console.log([r.account, r.score === null ? 'no data' : `${r.score} ${r.band}`, dims].join('\t'));
        for (const w of new Set(r.why)) console.log(`  ${w}`);
      }
    });
  return cmd;
}
