import { Command } from 'commander';
import { accountsByReference } from '../../modules/accounts/index.ts';
import { readAccountTimeline, timelineGroupsOf } from '../../modules/insights/index.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { encodeCursor } from '../../platform/http/cursor.ts';
import { getWorkspaceBySlug } from '../../platform/identity/workspace.service.ts';
import { withContext } from '../context.ts';

const HELP = `
The timeline says what happened to an account, newest first, in sentences: its deal, handoff brief, promises,
projects and slips, first use of features, signals, ARR changes, survey answers and touches, tickets and health
band changes — the items of GET /api/v1/accounts/<id>/timeline.

Examples:
  baton accounts timeline northwind.example --workspace acme
  baton accounts timeline northwind.example --workspace acme --kinds project,survey --limit 10 --json`;

const day = (at: string) => at.slice(0, 10);

export function accountsCommand(): Command {
  const cmd = new Command('accounts').description('Accounts: read an account’s timeline');
  cmd.addHelpText('after', HELP);
  cmd
    .command('timeline')
    .description('Print what happened to an account, newest first, each item a dated sentence')
    .argument('<account>', 'the account by id, external (CRM) id or domain')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--limit <n>', 'items to print (1–200)', '50')
    .option('--kinds <groups>', 'comma-separated groups to keep, e.g. project,survey (all by default)')
    .option('--json', 'print {accountId, groups, items: [{id, at, kind, title, sentence, ref, module}], nextCursor}')
    .action(async (ref: string, opts: { workspace: string; limit: string; kinds?: string; json?: boolean }) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 200)
        throw AppError.validation('--limit', 'a whole number from 1 to 200');
      const groups = timelineGroupsOf(opts.kinds, '--kinds');
      const out = await withContext(async (ctx) => {
        const workspaceId = (await getWorkspaceBySlug(ctx.db, opts.workspace)).id;
        const accountId = (await accountsByReference(ctx.db, workspaceId, [ref])).get(ref);
        if (!accountId) throw AppError.validation('account', `no account of ${opts.workspace} is ${ref}`);
        const scope = { workspaceId, partnerId: null };
        const page = await readAccountTimeline(ctx.db, scope, accountId, () => true, { limit, groups });
        return {
          accountId,
          groups: page.groups,
          items: page.items,
          nextCursor: page.next ? encodeCursor(page.next) : null,
        };
      });
      if (opts.json) {
        console.log(JSON.stringify(out));
        return;
      }
      if (out.items.length === 0) console.log('Nothing happened to this account yet.');
      for (const e of out.items) console.log(`${day(e.at)}\t${e.sentence}`);
      if (out.nextCursor) console.log(`… older items beyond these ${out.items.length}: raise --limit`);
    });
  return cmd;
}
