import { Command } from 'commander';
import { evaluateNudges, listNudgeRules, recentNudges } from '../../modules/usage/index.ts';
import { getWorkspaceBySlug } from '../../platform/identity/workspace.service.ts';
import { withContext } from '../context.ts';

const HELP = `
A nudge rule reaches the product users of an onboarding account whose milestone awaits a usage event, N days after
it was due, by email (BATON_SMTP_URL) or in-app (the /embed/nudges.js script). Each user is nudged once per rule and
milestone; a failed email stays failed with its reason and is sent by the next evaluation.

Examples:
  baton nudges list --workspace acme
  baton nudges evaluate --workspace acme --json`;

export function nudgesCommand(): Command {
  const cmd = new Command('nudges')
    .description('Onboarding nudges: list the rules and recent nudges, or evaluate the rules now')
    .addHelpText('after', HELP);
  cmd
    .command('list')
    .description('Print the nudge rules and the most recent nudges with their status')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--limit <n>', 'recent nudges to print', '20')
    .option('--json', 'print {rules: [...], nudges: [...]}')
    .action(async (opts: { workspace: string; limit: string; json?: boolean }) => {
      const limit = Math.max(1, Math.min(500, Number.parseInt(opts.limit, 10) || 20));
      const { rules, nudges } = await withContext(async (ctx) => {
        const ws = (await getWorkspaceBySlug(ctx.db, opts.workspace)).id;
        return { rules: await listNudgeRules(ctx.db, ws), nudges: await recentNudges(ctx.db, ws, limit) };
      });
      if (opts.json) {
        console.log(JSON.stringify({ rules, nudges }));
        return;
      }
      console.log(`${rules.length} rule${rules.length === 1 ? '' : 's'}`);
      for (const r of rules)
        console.log(
          [
            r.name,
            r.milestoneEvent ?? 'any milestone event',
            `${r.daysAfterDue} days after due`,
            r.channel,
            r.enabled ? 'on' : 'off',
          ].join('\t'),
        );
      console.log(`${nudges.length} recent nudge${nudges.length === 1 ? '' : 's'}`);
      for (const n of nudges)
        console.log([n.createdAt.slice(0, 10), n.userId, n.channel, n.status, n.lastError ?? ''].join('\t'));
    });
  cmd
    .command('evaluate')
    .description('Run the nudge rules now: nudge overdue users (once each) and send email nudges not sent yet')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--json', 'print {eligible, nudged, skippedNoEmail, sent, failed}')
    .action(async (opts: { workspace: string; json?: boolean }) => {
      const r = await withContext(async (ctx) =>
        evaluateNudges(ctx.db, (await getWorkspaceBySlug(ctx.db, opts.workspace)).id, {
          config: ctx.config,
          now: ctx.now(),
        }),
      );
      if (opts.json) {
        console.log(JSON.stringify(r));
        return;
      }
      console.log(
        `${r.nudged} nudged (${r.eligible} newly overdue, ${r.skippedNoEmail} skipped without an email); ` +
          `${r.sent} emails sent, ${r.failed} failed`,
      );
    });
  return cmd;
}
