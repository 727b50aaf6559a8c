import { Command } from 'commander';
import { listTickets, trainTicketModel } from '../../modules/support/index.ts';
import { getWorkspaceBySlug } from '../../platform/identity/workspace.service.ts';
import { withContext } from '../context.ts';

const pct = (ratio: number) => `${(ratio * 100).toFixed(1)} %`;

const HELP = `
A ticket's category comes from its help desk (source), else the workspace's keyword rules (rule), else the
trained model (model); a person's correction (person) is kept over all of them. Training reads the tickets
labelled by the help desk or a person, cross-validates (5 folds) and labels the tickets nothing else labelled.

Examples:
  baton import tickets zendesk-tickets.csv --workspace acme
  baton tickets train --workspace acme --json
  baton tickets list --workspace acme`;

export function ticketsCommand(): Command {
  const cmd = new Command('tickets')
    .description('Support tickets: train the ticket classifier, list tickets with their category')
    .addHelpText('after', HELP);
  cmd
    .command('train')
    .description(
      'Train the ticket classifier on the tickets labelled by the help desk or a person, print its 5-fold cross-validated figures, and label the others',
    )
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--json', 'print {n, folds, accuracy, macro_f1, per_class, labelled, trained_at}')
    .action(async (opts: { workspace: string; json?: boolean }) => {
      const r = await withContext(async (ctx) => {
        const workspaceId = (await getWorkspaceBySlug(ctx.db, opts.workspace)).id;
        return ctx.db.transaction().execute((trx) => trainTicketModel(trx, workspaceId, ctx.now()));
      });
      if (opts.json) {
        console.log(
          JSON.stringify({
            n: r.n,
            folds: r.folds,
            accuracy: r.accuracy,
            macro_f1: r.macroF1,
            per_class: r.perClass,
            labelled: r.labelled,
            trained_at: r.trainedAt,
          }),
        );
        return;
      }
      console.log(
        `Trained on ${r.n} labelled tickets; ${r.folds}-fold accuracy ${pct(r.accuracy)}, macro F1 ${pct(r.macroF1)}`,
      );
      for (const [label, m] of Object.entries(r.perClass))
        console.log(
          `  ${label.padEnd(16)} F1 ${pct(m.f1)} (precision ${pct(m.precision)}, recall ${pct(m.recall)}, ${m.support} tickets)`,
        );
      console.log(`${r.labelled} tickets labelled by the model`);
    });
  cmd
    .command('list')
    .description('Print each ticket (newest first) with its external id, category and who gave it')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--unmatched', 'only tickets no account was found for')
    .option('--json', 'print [{external_id, subject, category, category_source, account_id, created_at}]')
    .action(async (opts: { workspace: string; unmatched?: boolean; json?: boolean }) => {
      const tickets = await withContext(async (ctx) => {
        const workspaceId = (await getWorkspaceBySlug(ctx.db, opts.workspace)).id;
        const out = [];
        let cursor: string | undefined;
        do {
          const page = await listTickets(ctx.db, workspaceId, { limit: 200, cursor, unmatched: opts.unmatched });
          out.push(...page.items);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        return out;
      });
      const rows = tickets.map((t) => ({
        external_id: t.externalId,
        subject: t.subject,
        category: t.category,
        category_source: t.categorySource,
        account_id: t.accountId,
        created_at: t.createdAt,
      }));
      if (opts.json) {
        console.log(JSON.stringify(rows));
        return;
      }
      for (const r of rows)
        console.log([r.external_id, r.category ?? '-', r.category_source ?? '-', r.subject ?? ''].join('\t'));
    });
  return cmd;
}
