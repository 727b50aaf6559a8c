/**
 * Alert subscriptions: the workspace's made, changed and removed by admins, a member's own by that member; their
 * secrets sealed, never shown.
 */
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Actor } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { newId } from '../../platform/ids.ts';
import type { SecretBox } from '../../platform/secrets/secret-box.ts';
import type { Severity, SignalStage } from '../signals/index.ts';
import { type AccountScope, type AlertSubscription, type Channel, maskSlackUrl, type Mode } from './alert.ts';
import type { SubscriptionCreate, SubscriptionPatch } from './alert.schemas.ts';
import type { Destination } from './channels/channel.ts';
import * as store from './subscription.store.ts';

const sealContext = (workspaceId: string, id: string) => `alerts:${workspaceId}:${id}`;

export const toSubscription = (r: store.SubscriptionRow): AlertSubscription => ({
  id: r.id,
  channel: r.channel as Channel,
  target: r.target,
  hasSecret: r.channel === 'webhook' && r.secret !== null,
  stages: JSON.parse(r.stages) as SignalStage[],
  minSeverity: r.min_severity as Severity,
  mode: r.mode as Mode,
  userId: r.user_id,
  accounts: r.accounts_scope as AccountScope,
  playTasks: r.play_tasks === 1,
  quietHours:
    r.quiet_start_hour === null || r.quiet_end_hour === null || r.quiet_time_zone === null
      ? null
      : { startHour: r.quiet_start_hour, endHour: r.quiet_end_hour, timeZone: r.quiet_time_zone },
  enabled: r.enabled === 1,
  consecutiveFailures: r.consecutive_failures,
  disabledReason: r.disabled_reason,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Where a subscription's alerts go, its sealed parts opened (only to send). */
export function destinationOf(secrets: SecretBox, r: store.SubscriptionRow): Destination {
  const opened = r.secret === null ? null : secrets.open(r.secret, sealContext(r.workspace_id, r.id));
  const channel = r.channel as Channel;
  return channel === 'slack'
    ? { channel, address: opened ?? r.target, secret: null }
    : { channel, address: r.target, secret: opened };
}

/** A member's own subscriptions; the workspace's and other members' are not theirs to read. */
export const listMySubscriptions = async (db: Db, workspaceId: string, userId: string): Promise<AlertSubscription[]> =>
  (await listSubscriptions(db, workspaceId)).filter((s) => s.userId === userId);

/** A member's own subscription, or not found (another's, or the workspace's, is not told apart from none). */
export async function getMySubscription(
  db: Db,
  workspaceId: string,
  userId: string,
  id: string,
): Promise<AlertSubscription> {
  const row = await store.findSubscription(db, workspaceId, id);
  if (!row || row.user_id !== userId) throw AppError.notFound('alert subscription');
  return toSubscription(row);
}

export const listSubscriptions = async (db: Db, workspaceId: string): Promise<AlertSubscription[]> =>
  (await store.selectSubscriptions(db, workspaceId)).map(toSubscription);

export async function getSubscription(db: Db, workspaceId: string, id: string): Promise<AlertSubscription> {
  const row = await store.findSubscription(db, workspaceId, id);
  if (!row) throw AppError.notFound('alert subscription');
  return toSubscription(row);
}

const quietColumns = (q: SubscriptionCreate['quietHours']) => ({
  quiet_start_hour: q?.startHour ?? null,
  quiet_end_hour: q?.endHour ?? null,
  quiet_time_zone: q?.timeZone ?? null,
});

export async function createSubscription(
  db: Db,
  secrets: SecretBox,
  actor: Actor,
  workspaceId: string,
  input: SubscriptionCreate,
  now: Date,
): Promise<AlertSubscription> {
  const id = newId();
  const at = now.toISOString();
  // A Slack webhook URL is its own credential: sealed like a secret, shown with its token hidden.
  const sealed = input.channel === 'slack' ? input.target : (input.secret ?? null);
  await store.insertSubscription(db, {
    id,
    workspace_id: workspaceId,
    channel: input.channel,
    target: input.channel === 'slack' ? maskSlackUrl(input.target) : input.target,
    secret: sealed === null ? null : secrets.seal(sealed, sealContext(workspaceId, id)),
    stages: JSON.stringify(input.stages),
    min_severity: input.minSeverity,
    mode: input.mode,
    user_id: input.userId ?? null,
    accounts_scope: input.accounts,
    play_tasks: input.playTasks ? 1 : 0,
    ...quietColumns(input.quietHours),
    enabled: input.enabled ? 1 : 0,
    consecutive_failures: 0,
    disabled_reason: null,
    created_at: at,
    updated_at: at,
  });
  const created = await getSubscription(db, workspaceId, id);
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'alert_subscription.create',
    entityType: 'alert_subscription',
    entityId: id,
    after: created,
  });
  return created;
}

export async function updateSubscription(
  db: Db,
  secrets: SecretBox,
  actor: Actor,
  workspaceId: string,
  id: string,
  patch: SubscriptionPatch,
  now: Date,
): Promise<AlertSubscription> {
  const before = await getSubscription(db, workspaceId, id);
  if (patch.secret !== undefined && before.channel !== 'webhook') {
    throw AppError.validation('body.secret', 'only webhooks take a secret');
  }
  if (before.userId === null && patch.accounts === 'mine') {
    throw AppError.validation('body.accounts', 'only a member’s own subscription hears of mine');
  }
  if (before.userId === null && patch.playTasks) {
    throw AppError.validation('body.playTasks', 'play tasks reach a member’s own subscription');
  }
  await store.updateSubscriptionRow(db, workspaceId, id, {
    ...(patch.stages ? { stages: JSON.stringify(patch.stages) } : {}),
    ...(patch.minSeverity ? { min_severity: patch.minSeverity } : {}),
    ...(patch.mode ? { mode: patch.mode } : {}),
    ...(patch.accounts ? { accounts_scope: patch.accounts } : {}),
    ...(patch.playTasks !== undefined ? { play_tasks: patch.playTasks ? 1 : 0 } : {}),
    ...(patch.quietHours !== undefined ? quietColumns(patch.quietHours) : {}),
    ...(patch.enabled !== undefined
      ? { enabled: patch.enabled ? 1 : 0, ...(patch.enabled ? { disabled_reason: null, consecutive_failures: 0 } : {}) }
      : {}),
    ...(patch.secret !== undefined ? { secret: secrets.seal(patch.secret, sealContext(workspaceId, id)) } : {}),
    updated_at: now.toISOString(),
  });
  const after = await getSubscription(db, workspaceId, id);
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'alert_subscription.update',
    entityType: 'alert_subscription',
    entityId: id,
    before,
    after,
  });
  return after;
}

export async function deleteSubscription(db: Db, actor: Actor, workspaceId: string, id: string): Promise<void> {
  const before = await getSubscription(db, workspaceId, id);
  await store.deleteSubscriptionRow(db, workspaceId, id);
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'alert_subscription.delete',
    entityType: 'alert_subscription',
    entityId: id,
    before,
  });
}
