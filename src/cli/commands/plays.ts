import { Command } from 'commander';
import { listPlayRuns, listPlays } from '../../modules/plays/index.ts';
import { getWorkspaceBySlug } from '../../platform/identity/workspace.service.ts';
import { withContext } from '../context.ts';

const HELP = `
A play is a named sequence of tasks that a trigger starts on an account (a signal, a closed-won deal, an accepted
handoff, the go-live, N days before the renewal, a low survey answer, seats nearly used up).

Examples:
  baton plays list --workspace acme
  baton plays runs --workspace acme --play <id> --json`;

const percent = (r: number | null) => (r === null ? 'not judged yet' : `${Math.round(r * 100)} % worked`);

export function playsCommand(): Command {
  const cmd = new Command('plays')
    .description('Plays: list them with their trigger, runs and success rate; list a play’s runs')
    .addHelpText('after', HELP);
  cmd
    .command('list')
    .description('List the plays: id, name, state, trigger in words, runs (open), success rate')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--json', 'print JSON')
    .action(async (opts: { workspace: string; json?: boolean }) => {
      const plays = await withContext(async (ctx) => {
        const ws = await getWorkspaceBySlug(ctx.db, opts.workspace);
        return ctx.db.transaction().execute((trx) => listPlays(trx, ws.id));
      });
      if (opts.json) return console.log(JSON.stringify(plays, null, 2));
      for (const p of plays)
        console.log(
          [
            p.id,
            p.name,
            p.enabled ? 'enabled' : 'disabled',
            p.triggerWords,
            `${p.runs} runs (${p.openRuns} open)`,
            percent(p.successRate),
          ].join('\t'),
        );
    });
  cmd
    .command('runs')
    .description('List runs, newest first: id, play, account, started, status, trigger, tasks done, outcome')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--play <id>', 'one play’s runs (every play’s when left out)')
    .option('--json', 'print JSON')
    .action(async (opts: { workspace: string; play?: string; json?: boolean }) => {
      const runs = await withContext(async (ctx) => {
        const ws = await getWorkspaceBySlug(ctx.db, opts.workspace);
        return listPlayRuns(ctx.db, ws.id, opts.play, 500);
      });
      if (opts.json) return console.log(JSON.stringify(runs, null, 2));
      for (const r of runs) {
        const done = r.tasks.filter((t) => t.doneAt !== null).length;
        console.log(
          [
            r.id,
            r.playName,
            r.account.name,
            r.startedOn,
            r.status,
            r.trigger,
            `${done}/${r.tasks.length} tasks done`,
            r.outcome?.sentence ?? 'no outcome yet',
          ].join('\t'),
        );
      }
    });
  return cmd;
}
