/**
 * Alert subscriptions: the workspace's made, changed and removed by admins, a member's own by that member; their
 * secrets sealed, never shown.
 */
import type { Updateable } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Actor } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { queueJob } from '../../platform/jobs/job-types.ts';
import type { SecretBox } from '../../platform/secrets/secret-box.ts';
import type { Severity, SignalStage } from '../signals/index.ts';
import { type AccountScope, type AlertSubscription, type Channel, maskSlackUrl, type Mode } from './alert.ts';
import { channelChangeIssues, type SubscriptionCreate, type SubscriptionPatch } from './alert.schemas.ts';
import type { AlertSubscriptionTable } from './alert.table.ts';
import type { Destination } from './channels/channel.ts';
import { requeueForNewAddress } from './delivery.store.ts';
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

/**
 * The columns a change of channel or address writes, or nothing when it changes neither. A Slack URL is sealed and
 * shown masked; a webhook keeps its secret unless given a new one; email has none. A new address is a fresh start:
 * the failures counted against the old one are forgotten, and a subscription disabled after them is enabled again.
 */
function channelColumns(
  secrets: SecretBox,
  row: store.SubscriptionRow,
  patch: SubscriptionPatch,
): Updateable<AlertSubscriptionTable> | null {
  if (patch.target === undefined) return null;
  const channel = patch.channel ?? (row.channel as Channel);
  const current = destinationOf(secrets, row);
  if (channel === current.channel && patch.target === current.address) return null;
  const context = sealContext(row.workspace_id, row.id);
  const secret =
    channel === 'slack'
      ? secrets.seal(patch.target, context)
      : channel === 'webhook'
        ? patch.secret !== undefined
          ? secrets.seal(patch.secret, context)
          : row.secret
        : null;
  return {
    channel,
    target: channel === 'slack' ? maskSlackUrl(patch.target) : patch.target,
    secret,
    consecutive_failures: 0,
    ...(row.enabled === 0 && row.disabled_reason !== null ? { enabled: 1, disabled_reason: null } : {}),
  };
}

/**
 * Changes a subscription: its filters, mode, quiet hours, state, secret, and its channel and address (checked as on
 * create). Alerts still waiting for it go to the new address (see `requeueForNewAddress`).
 */
export async function updateSubscription(
  db: Db,
  secrets: SecretBox,
  actor: Actor,
  workspaceId: string,
  id: string,
  patch: SubscriptionPatch,
  now: Date,
): Promise<AlertSubscription> {
  const row = await store.findSubscription(db, workspaceId, id);
  if (!row) throw AppError.notFound('alert subscription');
  const before = toSubscription(row);
  const issues = channelChangeIssues(before, patch);
  if (issues.length > 0) {
    const fieldErrors = issues.map((i) => ({ field: `body.${i.path}`, message: i.message }));
    throw new AppError('validation', fieldErrors.map((f) => `${f.field}: ${f.message}`).join('; '), { fieldErrors });
  }
  if (before.userId === null && patch.accounts === 'mine') {
    throw AppError.validation('body.accounts', 'only a member’s own subscription hears of mine');
  }
  if (before.userId === null && patch.playTasks) {
    throw AppError.validation('body.playTasks', 'play tasks reach a member’s own subscription');
  }
  const moved = channelColumns(secrets, row, patch);
  await store.updateSubscriptionRow(db, workspaceId, id, {
    ...moved,
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
  // What waited to retry is sent now, by a job of its own, not at the next minute's pass.
  if (moved && (await requeueForNewAddress(db, id)) > 0) {
    await queueJob(
      db,
      'alerts.deliver',
      { workspaceId },
      { workspaceId, id: `alerts.deliver:${workspaceId}:${newId()}`, runAt: now },
    );
  }
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
