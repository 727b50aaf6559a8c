import { Command } from 'commander';
import { arrReport, retentionReport } from '../../modules/revenue/index.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { getWorkspaceBySlug } from '../../platform/identity/workspace.service.ts';
import { withContext } from '../context.ts';
import { day } from '../day-option.ts';

const pct = (ratio: number | null) => (ratio === null ? 'n/a' : `${(ratio * 100).toFixed(1)} %`);
const amount = (n: number, currency: string) =>
  `${n.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 2 })} ${currency}`;

const HELP = `
ARR of an account on a day = Σ ARR of its subscriptions running that day (start ≤ day, no end or end > day),
trials excluded; MRR × 12 where only MRR was given. Figures are in the workspace's reporting currency; when
subscriptions in other currencies exist they are left out and named (mixed_currencies, note).

Examples:
  baton revenue arr --workspace acme --on 2024-12-31 --json
  baton revenue retention --workspace acme --from 2024-01-01 --to 2024-12-31`;

export function revenueCommand(): Command {
  const cmd = new Command('revenue')
    .description('Revenue figures: ARR on a day, retention (GRR, NRR) over a period')
    .addHelpText('after', HELP);
  cmd
    .command('arr')
    .description('Print each account’s ARR on a day and the total, as the Revenue page shows it')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--on <date>', 'the day, YYYY-MM-DD (today when left out)')
    .option(
      '--json',
      'print {on, currency, total_arr, mixed_currencies, note, accounts: [{account, external_id, domain, arr}]}',
    )
    .action(async (opts: { workspace: string; on?: string; json?: boolean }) => {
      const on = day('--on', opts.on, new Date().toISOString().slice(0, 10));
      const r = await withContext(async (ctx) =>
        arrReport(ctx.db, ctx.caps, (await getWorkspaceBySlug(ctx.db, opts.workspace)).id, on),
      );
      if (opts.json) {
        console.log(
          JSON.stringify({
            on: r.on,
            currency: r.currency,
            total_arr: r.totalArr,
            mixed_currencies: r.mixedCurrencies,
            excluded_currencies: r.excludedCurrencies,
            note: r.note,
            accounts: r.accounts.map((a) => ({
              account: a.account,
              external_id: a.externalId,
              domain: a.domain,
              arr: a.arr,
            })),
          }),
        );
        return;
      }
      console.log(`ARR on ${r.on}: ${amount(r.totalArr, r.currency)} across ${r.accounts.length} accounts`);
      if (r.note) console.log(`note: ${r.note}`);
      for (const a of r.accounts)
        console.log([a.account, a.externalId ?? '', a.domain ?? '', amount(a.arr, r.currency)].join('\t'));
    });
  cmd
    .command('retention')
    .description(
      'Print GRR and NRR of the accounts with ARR on --from, measured on --to (each account’s net change counted once)',
    )
    .requiredOption('--workspace <slug>', 'workspace slug')
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last day, YYYY-MM-DD')
    .option(
      '--json',
      'print {from, to, currency, start_arr, expansion, contraction, churn, end_arr, grr, nrr, accounts, ' +
        'mixed_currencies, note}',
    )
    .action(async (opts: { workspace: string; from: string; to: string; json?: boolean }) => {
      const from = day('--from', opts.from);
      const to = day('--to', opts.to);
      if (from > to) throw AppError.validation('--from', `${from} is after --to ${to}`);
      const r = await withContext(async (ctx) =>
        retentionReport(ctx.db, (await getWorkspaceBySlug(ctx.db, opts.workspace)).id, from, to),
      );
      if (opts.json) {
        console.log(
          JSON.stringify({
            from,
            to,
            currency: r.currency,
            start_arr: r.startArr,
            expansion: r.expansion,
            contraction: r.contraction,
            churn: r.churn,
            end_arr: r.endArr,
            grr: r.grr,
            nrr: r.nrr,
            accounts: r.accounts,
            mixed_currencies: r.mixedCurrencies,
            note: r.note,
          }),
        );
        return;
      }
      console.log(`Retention ${from} → ${to} of ${r.accounts} accounts with ARR on ${from} (${r.currency})`);
      console.log(`  start ARR   ${amount(r.startArr, r.currency)}`);
      console.log(`  expansion  +${amount(r.expansion, r.currency)}`);
      console.log(`  contraction −${amount(r.contraction, r.currency)}`);
      console.log(`  churn      −${amount(r.churn, r.currency)}`);
      console.log(`  end ARR     ${amount(r.endArr, r.currency)}`);
      console.log(`  GRR ${pct(r.grr)} · NRR ${pct(r.nrr)}`);
      if (r.note) console.log(`note: ${r.note}`);
    });
  return cmd;
}
