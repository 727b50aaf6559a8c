/**
 * The Stripe webhook's signing secret (`whsec_…`), a workspace setting sealed with the instance key as the CRM
 * secrets are (bound to the workspace, so a sealed value copied elsewhere does not open); never shown again.
 */
import type { Actor } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { nowIso } from '../../../platform/ids.ts';
import type { SecretBox } from '../../../platform/secrets/secret-box.ts';
import { readSetting, writeSetting } from '../../../platform/settings/settings.service.ts';
import { stripeSecretSetting } from '../revenue.settings.ts';

const sealContext = (workspaceId: string) => `webhook-secret:${workspaceId}:stripe`;

/** The secret Stripe signs with, or undefined when none is set. For signature checks only. */
export async function stripeSecret(db: Db, box: SecretBox, workspaceId: string): Promise<string | undefined> {
  const stored = await readSetting(db, workspaceId, stripeSecretSetting);
  return stored ? box.open(stored.secret, sealContext(workspaceId)) : undefined;
}

/** Sets, replaces (a string) or removes (null) the secret; audited as a setting change that never records it. */
export async function setStripeSecret(
  db: Db,
  box: SecretBox,
  actor: Actor,
  workspaceId: string,
  secret: string | null,
  field = 'body.secret',
): Promise<void> {
  if (secret === null) {
    if (!(await readSetting(db, workspaceId, stripeSecretSetting))) throw AppError.notFound('a Stripe webhook secret');
    await writeSetting(db, actor, workspaceId, stripeSecretSetting, null);
    return;
  }
  const s = secret.trim();
  if (!/^whsec_[A-Za-z0-9+/=_-]{8,200}$/.test(s))
    throw AppError.validation(field, 'must be the endpoint’s signing secret from Stripe, starting with whsec_');
  await writeSetting(db, actor, workspaceId, stripeSecretSetting, {
    secret: box.seal(s, sealContext(workspaceId)),
    last4: s.slice(-4),
    setAt: nowIso(),
    setBy: actor.label,
  });
}

export interface StripeState {
  webhookPath: string;
  secret: { set: boolean; last4: string | null; setAt: string | null; setBy: string | null };
  lastEventAt: string | null;
}

export async function stripeState(db: Db, workspace: { id: string; slug: string }): Promise<StripeState> {
  const stored = await readSetting(db, workspace.id, stripeSecretSetting);
  const last = await db
    .selectFrom('revenue_stripe_events')
    .select((eb) => eb.fn.max('received_at').as('at'))
    .where('workspace_id', '=', workspace.id)
    .executeTakeFirst();
  return {
    webhookPath: `/webhooks/stripe/${workspace.slug}`,
    secret: {
      set: stored !== null,
      last4: stored?.last4 ?? null,
      setAt: stored?.setAt ?? null,
      setBy: stored?.setBy ?? null,
    },
    lastEventAt: (last?.at as string | null | undefined) ?? null,
  };
}
