import { Command } from 'commander';
import { runBacktest, scoreWorkspace } from '../../modules/health/index.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { getWorkspaceBySlug } from '../../platform/identity/workspace.service.ts';
import { withContext } from '../context.ts';

const HELP = `
The model learns from the workspace's accounts with a known renewal outcome: their custom attributes (imported
with \`baton import accounts <file> --attributes col1,col2,… --outcome <column>\`) and what other modules know
of them as of the day the outcome was recorded, never after it.

Examples:
  baton risk backtest --workspace acme --folds 10 --json
  baton risk score --workspace acme`;

function folds(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw AppError.validation('--folds', `"${value}" is not a whole number`);
  return Number(value);
}

const f3 = (n: number) => n.toFixed(3);
const pct = (n: number) => `${(n * 100).toFixed(1)} %`;

export function riskCommand(): Command {
  const cmd = new Command('risk')
    .description('Churn risk: backtest the model, score accounts')
    .addHelpText('after', HELP);
  cmd
    .command('backtest')
    .description('Cross-validate the churn-risk model on the accounts with a known outcome and print its figures')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--folds <n>', 'number of folds (2 to 20)', '10')
    .option('--json', 'print {auc, auc_folds, n, positives, calibration, lift_top_decile, top_features}')
    .action(async (opts: { workspace: string; folds?: string; json?: boolean }) => {
      const k = folds(opts.folds);
      const b = await withContext(async (ctx) =>
        runBacktest(ctx.db, (await getWorkspaceBySlug(ctx.db, opts.workspace)).id, { folds: k }),
      );
      const r = b.result;
      if (opts.json) {
        const { auc, auc_folds, n, positives, calibration, lift_top_decile, top_features } = r;
        console.log(JSON.stringify({ auc, auc_folds, n, positives, calibration, lift_top_decile, top_features }));
        return;
      }
      console.log(`AUC ${f3(r.auc)} over ${b.folds} folds (${r.auc_folds.map(f3).join(', ')})`);
      console.log(`${r.n} accounts with an outcome, ${r.positives} churned; model most folds chose: ${r.model}`);
      console.log(`lift in the riskiest tenth: ${r.lift_top_decile.toFixed(2)}×`);
      console.log('calibration: bin\tpredicted\tobserved\taccounts');
      for (const c of r.calibration) console.log(`  ${c.bin}\t${pct(c.predicted)}\t${pct(c.observed)}\t${c.count}`);
      console.log('top features (AUC lost when shuffled):');
      for (const t of r.top_features) console.log(`  ${t.feature}\t${t.importance.toFixed(4)}`);
      for (const d of b.dropped) console.log(`set aside: ${d.attribute} (${d.reason})`);
    });
  cmd
    .command('score')
    .description('Fit the model on every account with a known outcome and score the accounts without one')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--json', 'print {model, trained, accounts: [{account, probability, decile, drivers}]}')
    .action(async (opts: { workspace: string; json?: boolean }) => {
      const s = await withContext(async (ctx) =>
        scoreWorkspace(ctx.db, (await getWorkspaceBySlug(ctx.db, opts.workspace)).id),
      );
      const accounts = s.scores.map((a) => ({
        account: a.account,
        probability: a.probability,
        decile: a.decile,
        drivers: a.drivers,
      }));
      if (opts.json) {
        console.log(JSON.stringify({ model: s.chosen, trained: s.trained, accounts }));
        return;
      }
      console.log(`model: ${s.chosen}, fitted on ${s.trained.n} accounts (${s.trained.positives} churned)`);
      for (const a of accounts) {
        const drivers = a.drivers.map(
          (d) => `${d.attribute}=${String(d.value)} (${d.effect > 0 ? '+' : ''}${d.effect.toFixed(2)})`,
        );
        console.log(
          [a.account, `${(a.probability * 100).toFixed(1)} %`, `decile ${a.decile}`, drivers.join('; ')].join('\t'),
        );
      }
    });
  return cmd;
}
