import { Command } from 'commander';
import { SYSTEM_ACTOR } from '../../platform/auth/principal.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { getWorkspaceBySlug } from '../../platform/identity/workspace.service.ts';
import { listIntegrations, setWebhookSecret, MIN_SECRET_LENGTH } from '../../modules/deals/index.ts';
import { setStripeSecret, stripeState } from '../../modules/revenue/index.ts';
import { setZendeskSecret } from '../../modules/support/index.ts';
import { withContext } from '../context.ts';

const CLI_ACTOR = { ...SYSTEM_ACTOR, label: 'cli' };

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

const EXAMPLES = `
Sources:
  hubspot      the HubSpot app's client secret; HubSpot calls /webhooks/hubspot/<workspace>
  stripe       the Stripe endpoint's signing secret (whsec_…); Stripe calls /webhooks/stripe/<workspace>
  zendesk      the Zendesk webhook's signing secret; Zendesk calls /webhooks/zendesk/<workspace>
  <name>       any other CRM (salesforce, pipedrive …): a shared secret of ${MIN_SECRET_LENGTH}+ characters; the CRM
               calls /webhooks/crm/<workspace> with X-Baton-Source: <name> and X-Baton-Signature: sha256=<hex HMAC>

Examples:
  $ baton integration set hubspot --workspace acme --secret-stdin < hubspot-client-secret.txt
  $ baton integration set salesforce --workspace acme --secret "$(openssl rand -hex 32)"
  $ baton integration set stripe --workspace acme --secret whsec_…
  $ baton integration set zendesk --workspace acme --secret-stdin < zendesk-signing-secret.txt
  $ baton integration set salesforce --workspace acme --remove
  $ baton integration list --workspace acme --json`;

export function integrationCommand(): Command {
  const cmd = new Command('integration')
    .description('CRM webhooks: secrets and recent traffic (Settings → Integrations)')
    .addHelpText('after', EXAMPLES);
  cmd
    .command('set <source>')
    .description('Set or replace the webhook secret of a source (hubspot, or a generic CRM name), or remove it')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option(
      '--secret <secret>',
      `the secret (${MIN_SECRET_LENGTH}+ characters); visible in the shell history, prefer --secret-stdin`,
    )
    .option('--secret-stdin', 'read the secret from standard input')
    .option('--remove', 'remove the secret: the source can no longer call Baton')
    .addHelpText('after', EXAMPLES)
    .action(
      async (source: string, opts: { workspace: string; secret?: string; secretStdin?: boolean; remove?: boolean }) => {
        const given = [opts.secret !== undefined, Boolean(opts.secretStdin), Boolean(opts.remove)].filter(
          Boolean,
        ).length;
        if (given !== 1)
          throw AppError.validation('--secret', 'give exactly one of --secret, --secret-stdin or --remove');
        const secret = opts.remove ? null : opts.secretStdin ? await readStdin() : (opts.secret as string);
        if (source.trim().toLowerCase() === 'zendesk') {
          // Zendesk's secret belongs to support (its own setting), sealed the same way.
          await withContext(async (ctx) => {
            const ws = await getWorkspaceBySlug(ctx.db, opts.workspace);
            const field = opts.secretStdin ? '--secret-stdin' : '--secret';
            await ctx.db
              .transaction()
              .execute((trx) => setZendeskSecret(trx, ctx.secrets, CLI_ACTOR, ws.id, secret, field));
          });
          if (secret === null) console.log(`removed the Zendesk webhook secret of ${opts.workspace}`);
          else
            console.log(
              `set the Zendesk webhook secret of ${opts.workspace} (ends in …${secret.trim().slice(-4)}); ` +
                `Zendesk calls /webhooks/zendesk/${opts.workspace}`,
            );
          return;
        }
        if (source.trim().toLowerCase() === 'stripe') {
          // Stripe's secret belongs to revenue (its own setting), sealed the same way.
          const state = await withContext(async (ctx) => {
            const ws = await getWorkspaceBySlug(ctx.db, opts.workspace);
            const field = opts.secretStdin ? '--secret-stdin' : '--secret';
            await ctx.db
              .transaction()
              .execute((trx) => setStripeSecret(trx, ctx.secrets, CLI_ACTOR, ws.id, secret, field));
            return stripeState(ctx.db, ws);
          });
          if (secret === null) console.log(`removed the Stripe webhook secret of ${opts.workspace}`);
          else
            console.log(
              `set the Stripe webhook secret of ${opts.workspace} (ends in …${state.secret.last4 ?? ''}); Stripe calls ${state.webhookPath}`,
            );
          return;
        }
        const item = await withContext(async (ctx) => {
          const ws = await getWorkspaceBySlug(ctx.db, opts.workspace);
          await ctx.db
            .transaction()
            .execute((trx) => setWebhookSecret(trx, ctx.secrets, CLI_ACTOR, ws.id, { source, secret }));
          return (await listIntegrations(ctx.db, ws)).find((i) => i.source === source.trim().toLowerCase());
        });
        const name = source.trim().toLowerCase();
        if (secret === null) console.log(`removed the webhook secret of ${name} in ${opts.workspace}`);
        else
          console.log(
            `set the webhook secret of ${name} in ${opts.workspace} (ends in …${item?.secret.last4 ?? ''}); the CRM calls ${item?.webhookPath ?? ''}`,
          );
      },
    );
  cmd
    .command('list')
    .description('List webhook sources with their secret state (never the secret) and the last 7 days')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--json', 'print JSON')
    .action(async (opts: { workspace: string; json?: boolean }) => {
      const { items, stripe } = await withContext(async (ctx) => {
        const ws = await getWorkspaceBySlug(ctx.db, opts.workspace);
        return { items: await listIntegrations(ctx.db, ws), stripe: await stripeState(ctx.db, ws) };
      });
      if (opts.json) {
        console.log(JSON.stringify({ items, stripe }, null, 2));
        return;
      }
      for (const i of items) {
        const secret = i.secret.set
          ? `secret …${i.secret.last4} set ${i.secret.setAt?.slice(0, 10)} by ${i.secret.setBy}`
          : 'no secret';
        const week = `7 days: ${i.last7Days.applied} applied, ${i.last7Days.ignored} ignored, ${i.last7Days.rejected} rejected`;
        console.log([i.source, i.webhookPath, secret, `last event ${i.lastEventAt ?? 'never'}`, week].join('\t'));
      }
      const s = stripe.secret;
      const stripeSecretText = s.set ? `secret …${s.last4} set ${s.setAt?.slice(0, 10)} by ${s.setBy}` : 'no secret';
      console.log(
        ['stripe', stripe.webhookPath, stripeSecretText, `last event ${stripe.lastEventAt ?? 'never'}`].join('\t'),
      );
    });
  return cmd;
}
