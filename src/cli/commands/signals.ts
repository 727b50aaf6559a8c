import { Command } from 'commander';
import {
  actOnSignal,
  ATTENTION_FILTERS,
  type AttentionFilter,
  DISMISS_REASONS,
  type DismissReason,
  listSignals,
  type SignalActionInput,
} from '../../modules/signals/index.ts';
import { SYSTEM_ACTOR } from '../../platform/auth/principal.ts';
import { AppError, isAppError } from '../../platform/errors/app-error.ts';
import { getWorkspaceBySlug } from '../../platform/identity/workspace.service.ts';
import { withContext } from '../context.ts';

const CLI_ACTOR = { ...SYSTEM_ACTOR, label: 'cli' };

const HELP = `
Examples:
  baton signals list --workspace acme --attention active
  baton signals dismiss <id> --workspace acme --reason false_positive --note "seats are a reseller's"
  baton signals snooze <id> --workspace acme --until 2026-12-20`;

const today = () => new Date().toISOString().slice(0, 10);

/** A refusal of the API's body field said as the command's option (`body.until` → `--until`). */
const asOption = (err: unknown): never => {
  if (isAppError(err) && err.code === 'validation' && err.fieldErrors[0]?.field.startsWith('body.')) {
    const f = err.fieldErrors[0];
    throw AppError.validation(`--${f.field.slice(5)}`, f.message);
  }
  throw err;
};

export function signalsCommand(): Command {
  const cmd = new Command('signals')
    .description('Signals: list them, acknowledge, snooze, dismiss or reopen one')
    .addHelpText('after', HELP);
  cmd
    .command('list')
    .description('Open signals, newest first, with what people did about them')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--account <id>', 'only this account’s')
    .option('--attention <state>', `${ATTENTION_FILTERS.join(', ')} (any when left out)`)
    .option('--json', 'print [{id, account, kind, severity, title, attention, snoozedUntil, explanation}]')
    .action(async (opts: { workspace: string; account?: string; attention?: string; json?: boolean }) => {
      if (opts.attention && !(ATTENTION_FILTERS as readonly string[]).includes(opts.attention))
        throw AppError.validation('--attention', `use one of ${ATTENTION_FILTERS.join(', ')}`);
      const items = await withContext(async (ctx) => {
        const ws = await getWorkspaceBySlug(ctx.db, opts.workspace);
        const page = await listSignals(ctx.db, ws.id, {
          open: true,
          accountId: opts.account,
          attention: opts.attention as AttentionFilter | undefined,
          today: today(),
          limit: 500,
        });
        return page.items;
      });
      const rows = items.map((s) => ({
        id: s.id,
        account: s.accountId,
        kind: s.kind,
        severity: s.severity,
        title: s.title,
        attention: s.attention,
        snoozedUntil: s.snoozedUntil,
        explanation: s.explanation,
      }));
      if (opts.json) {
        console.log(JSON.stringify(rows));
        return;
      }
      for (const r of rows) console.log([r.id, r.attention, r.severity, r.kind, r.title].join('\t'));
      if (rows.length === 0) console.log('no open signal');
    });
  const action = (name: 'acknowledge' | 'snooze' | 'dismiss' | 'reopen', alias: string | null, what: string) => {
    const sub = cmd
      .command(`${alias ?? name} <id>`)
      .description(what)
      .requiredOption('--workspace <slug>', 'workspace slug')
      .option('--note <text>', 'why, kept in the signal’s history');
    if (name === 'snooze') sub.requiredOption('--until <YYYY-MM-DD>', 'the day it comes back as new (after today)');
    if (name === 'dismiss') sub.requiredOption('--reason <reason>', DISMISS_REASONS.join(', '));
    sub.action(async (id: string, opts: { workspace: string; note?: string; until?: string; reason?: string }) => {
      if (name === 'dismiss' && !(DISMISS_REASONS as readonly string[]).includes(opts.reason ?? ''))
        throw AppError.validation('--reason', `use one of ${DISMISS_REASONS.join(', ')}`);
      if (name === 'snooze' && !/^\d{4}-\d{2}-\d{2}$/.test(opts.until ?? ''))
        throw AppError.validation('--until', 'use YYYY-MM-DD');
      const input = { action: name, note: opts.note, until: opts.until, reason: opts.reason as DismissReason };
      const s = await withContext(async (ctx) => {
        const ws = await getWorkspaceBySlug(ctx.db, opts.workspace);
        const scope = { workspaceId: ws.id, partnerId: null };
        return ctx.db
          .transaction()
          .execute((trx) => actOnSignal(trx, CLI_ACTOR, scope, id, input as SignalActionInput, new Date()))
          .catch(asOption);
      });
      console.log(s.history.at(-1)?.sentence ?? s.attention);
    });
  };
  action('acknowledge', 'ack', 'Acknowledge a signal: someone is on it');
  action('snooze', null, 'Snooze a signal until a day after today');
  action('dismiss', null, 'Dismiss a signal with a reason; it stays dismissed while its evidence reads the same');
  action('reopen', null, 'Make an acknowledged, snoozed or dismissed signal new again');
  return cmd;
}
