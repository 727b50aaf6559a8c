import { Command } from 'commander';
import type { z } from 'zod';
import {
  createSubscription,
  listSubscriptions,
  sendTestAlerts,
  subscriptionCreateSchema,
  subscriptionPatchSchema,
  updateSubscription,
} from '../../modules/alerts/index.ts';
import { SYSTEM_ACTOR } from '../../platform/auth/principal.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { getWorkspaceBySlug } from '../../platform/identity/workspace.service.ts';
import { withContext } from '../context.ts';

const CLI_ACTOR = { ...SYSTEM_ACTOR, label: 'cli' };

/** Each body field, as the command line names it. */
const FLAGS: Record<string, string> = {
  target: '--slack/--email/--webhook',
  secret: '--secret',
  stages: '--stages',
  minSeverity: '--severity',
  mode: '--digest',
  channel: '--slack/--email/--webhook',
  enabled: '--enable/--disable',
};

/** A refusal named by the command line's flag, not the body's field. */
function asFlags(err: unknown): unknown {
  if (!(err instanceof AppError) || err.code !== 'validation' || err.fieldErrors.length === 0) return err;
  const named = err.fieldErrors.map((f) => {
    const field = f.field.replace(/^body\./, '').split('.')[0]!;
    return { field: FLAGS[field] ?? `--${field}`, message: f.message };
  });
  return new AppError('validation', named.map((f) => `${f.field}: ${f.message}`).join('; '), { fieldErrors: named });
}

const HELP = `
An alert is sent when a signal opens or its severity rises (immediate), or once a day (--digest daily).
Webhooks are signed: Baton-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" under --secret>.

Examples:
  baton alerts add --workspace acme --slack https://hooks.slack.com/services/T0/B0/XXXX --severity severe
  baton alerts add --workspace acme --email cs-team@acme.example --stages time_to_value,renewal
  baton alerts add --workspace acme --webhook https://ops.acme.example/baton --secret "$(openssl rand -hex 24)"
  baton alerts update <id> --workspace acme --slack https://hooks.slack.com/services/T0/B0/YYYY --enable
  baton alerts test --workspace acme

A subscription's channel or address may be changed: a webhook needs --secret when it becomes one, and one disabled
after failed deliveries is enabled again, the alerts still waiting to be retried sent to the new address.`;

interface AddOptions {
  workspace: string;
  slack?: string;
  email?: string;
  webhook?: string;
  secret?: string;
  stages?: string;
  severity?: string;
  digest?: string;
}

function addInput(o: AddOptions): unknown {
  const given = (['slack', 'email', 'webhook'] as const).filter((c) => o[c] !== undefined);
  if (given.length !== 1) throw AppError.validation('--slack/--email/--webhook', 'give exactly one channel');
  const channel = given[0]!;
  if (o.digest !== undefined && o.digest !== 'daily') throw AppError.validation('--digest', 'the one digest is daily');
  return {
    channel,
    target: o[channel],
    ...(o.secret !== undefined ? { secret: o.secret } : {}),
    ...(o.stages !== undefined ? { stages: o.stages.split(',').map((s) => s.trim()) } : {}),
    ...(o.severity !== undefined ? { minSeverity: o.severity } : {}),
    ...(o.digest ? { mode: 'daily_digest' } : {}),
  };
}

interface UpdateOptions extends Omit<AddOptions, 'digest'> {
  digest?: string;
  enable?: boolean;
  disable?: boolean;
}

function updateInput(o: UpdateOptions): unknown {
  const given = (['slack', 'email', 'webhook'] as const).filter((c) => o[c] !== undefined);
  if (given.length > 1) throw AppError.validation('--slack/--email/--webhook', 'give one channel at most');
  if (o.enable && o.disable) throw AppError.validation('--enable/--disable', 'give one of them');
  if (o.digest !== undefined && o.digest !== 'daily' && o.digest !== 'off') {
    throw AppError.validation('--digest', 'daily, or off to alert as each signal opens');
  }
  const channel = given[0];
  return {
    ...(channel ? { channel, target: o[channel] } : {}),
    ...(o.secret !== undefined ? { secret: o.secret } : {}),
    ...(o.stages !== undefined
      ? {
          stages: o.stages
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        }
      : {}),
    ...(o.severity !== undefined ? { minSeverity: o.severity } : {}),
    ...(o.digest !== undefined ? { mode: o.digest === 'daily' ? 'daily_digest' : 'immediate' } : {}),
    ...(o.enable ? { enabled: true } : o.disable ? { enabled: false } : {}),
  };
}

/** The options read by a schema, or the first problem named by its flag (`--slack/--email/--webhook`, `--secret` …). */
function fromFlags<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = String(issue.path[0] ?? 'channel');
  throw AppError.validation(FLAGS[field] ?? `--${field}`, issue.message);
}

export function alertsCommand(): Command {
  const cmd = new Command('alerts')
    .description('Alerts: subscribe Slack, email or a signed webhook to signals; change, list them; send a test')
    .addHelpText('after', HELP);
  cmd
    .command('add')
    .description('Add a subscription and print its id')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--slack <url>', 'a Slack incoming webhook URL')
    .option('--email <address>', 'an email address (mailed through BATON_SMTP_URL)')
    .option('--webhook <url>', 'a URL Baton POSTs signed JSON to')
    .option('--secret <secret>', 'the webhook’s signing secret (16+ characters)')
    .option('--stages <list>', 'chain stages, comma-separated (all when left out), e.g. time_to_value,renewal')
    .option('--severity <level>', 'the least severe signal that alerts: info, warning (default) or severe')
    .option('--digest <daily>', 'one message a day instead of each signal as it opens')
    .action(async (opts: AddOptions) => {
      const input = fromFlags(subscriptionCreateSchema, addInput(opts));
      const sub = await withContext(async (ctx) => {
        const ws = await getWorkspaceBySlug(ctx.db, opts.workspace);
        return ctx.db
          .transaction()
          .execute((trx) => createSubscription(trx, ctx.secrets, CLI_ACTOR, ws.id, input, ctx.now()));
      });
      console.log(sub.id);
    });
  cmd
    .command('update <id>')
    .description('Change a subscription: its channel and address, secret, filters, mode; enable or disable it')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--slack <url>', 'move it to a Slack incoming webhook URL')
    .option('--email <address>', 'move it to an email address')
    .option('--webhook <url>', 'move it to a URL Baton POSTs signed JSON to (with --secret when it becomes a webhook)')
    .option('--secret <secret>', 'the webhook’s new signing secret (16+ characters)')
    .option('--stages <list>', 'chain stages, comma-separated; an empty list: every stage')
    .option('--severity <level>', 'the least severe signal that alerts: info, warning or severe')
    .option('--digest <daily|off>', 'daily: one message a day; off: each signal as it opens')
    .option('--enable', 'enable it (one disabled after failures included)')
    .option('--disable', 'stop sending to it')
    .action(async (id: string, opts: UpdateOptions) => {
      const input = fromFlags(subscriptionPatchSchema, updateInput(opts));
      const sub = await withContext(async (ctx) => {
        const ws = await getWorkspaceBySlug(ctx.db, opts.workspace);
        return ctx.db
          .transaction()
          .execute((trx) => updateSubscription(trx, ctx.secrets, CLI_ACTOR, ws.id, id, input, ctx.now()))
          .catch((err: unknown) => {
            throw asFlags(err);
          });
      });
      const state = sub.enabled ? 'enabled' : 'disabled';
      console.log([sub.id, sub.channel, sub.target, state].join('\t'));
    });
  cmd
    .command('list')
    .description('List the subscriptions: id, channel, where to, filters, state')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .action(async (opts: { workspace: string }) => {
      const subs = await withContext(async (ctx) =>
        listSubscriptions(ctx.db, (await getWorkspaceBySlug(ctx.db, opts.workspace)).id),
      );
      for (const s of subs) {
        const state = s.enabled ? 'enabled' : `disabled${s.disabledReason ? ` (${s.disabledReason})` : ''}`;
        const stages = s.stages.length > 0 ? s.stages.join(',') : 'all stages';
        console.log([s.id, s.channel, s.target, stages, `${s.minSeverity}+`, s.mode, state].join('\t'));
      }
    });
  cmd
    .command('test')
    .description('Send a test alert through every enabled subscription and print what each channel answered')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .action(async (opts: { workspace: string }) => {
      const answers = await withContext(async (ctx) =>
        sendTestAlerts(ctx, (await getWorkspaceBySlug(ctx.db, opts.workspace)).id),
      );
      if (answers.length === 0) console.log('no enabled subscription: add one with baton alerts add');
      for (const a of answers) {
        console.log([a.ok ? 'ok' : 'FAILED', a.channel, a.target, a.status ?? '-', a.answer].join('\t'));
      }
      if (answers.some((a) => !a.ok)) process.exitCode = 1;
    });
  return cmd;
}
