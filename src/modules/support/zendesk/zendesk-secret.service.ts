/**
 * The Zendesk webhook's signing secret, a workspace setting sealed with the instance key as the CRM and Stripe
 * secrets are (bound to the workspace, so a sealed value copied elsewhere does not open); never shown again.
 */
import type { Actor } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { nowIso } from '../../../platform/ids.ts';
import type { SecretBox } from '../../../platform/secrets/secret-box.ts';
import { readSetting, writeSetting } from '../../../platform/settings/settings.service.ts';
import { zendeskSecretSetting } from '../support.settings.ts';

const sealContext = (workspaceId: string) => `webhook-secret:${workspaceId}:zendesk`;

/** The secret Zendesk signs with, or undefined when none is set. For signature checks only. */
export async function zendeskSecret(db: Db, box: SecretBox, workspaceId: string): Promise<string | undefined> {
  const stored = await readSetting(db, workspaceId, zendeskSecretSetting);
  return stored ? box.open(stored.secret, sealContext(workspaceId)) : undefined;
}

/** Sets, replaces (a string) or removes (null) the secret; audited as a setting change that never records it. */
export async function setZendeskSecret(
  db: Db,
  box: SecretBox,
  actor: Actor,
  workspaceId: string,
  secret: string | null,
  field = 'secret',
): Promise<void> {
  if (secret === null) {
    if (!(await readSetting(db, workspaceId, zendeskSecretSetting)))
      throw AppError.notFound('a Zendesk webhook secret');
    await writeSetting(db, actor, workspaceId, zendeskSecretSetting, null);
    return;
  }
  const s = secret.trim();
  if (!/^[A-Za-z0-9+/=_-]{16,200}$/.test(s))
    throw AppError.validation(field, 'must be the webhook’s signing secret from Zendesk (16 to 200 characters)');
  await writeSetting(db, actor, workspaceId, zendeskSecretSetting, {
    secret: box.seal(s, sealContext(workspaceId)),
    last4: s.slice(-4),
    setAt: nowIso(),
    setBy: actor.label,
  });
}
