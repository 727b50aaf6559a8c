/**
 * Sending the outbox: claim due deliveries (one worker per row), send each through its channel, record what the other
 * side answered; failures retry with backoff and end dead (listed, replayable); a subscription failing many times in
 * a row is disabled with the reason. Replays send the same body again, newly signed.
 */
import type { Kysely } from 'kysely';
import type { Config } from '../../platform/config/config.ts';
import type { DialectCapabilities } from '../../platform/db/capabilities.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.ts';
import { getWorkspace } from '../../platform/identity/workspace.service.ts';
import type { SecretBox } from '../../platform/secrets/secret-box.ts';
import type { AlertData, AlertMessage, AlertType } from './alert-message.ts';
import { afterAttempt, DISABLE_AFTER_FAILURES, type DeliveryStatus, MAX_ATTEMPTS } from './alert.ts';
import { sendAlert } from './channels/send.service.ts';
import * as store from './delivery.store.ts';
import { destinationOf } from './subscription.service.ts';
import { findSubscriptionsByIds, recordOutcome } from './subscription.store.ts';

/** What sending needs: the database, the instance's secret key and SMTP server, and the clock. */
export interface DeliveryEnv {
  db: Kysely<Database>;
  caps: DialectCapabilities;
  secrets: SecretBox;
  config: Pick<Config, 'smtp' | 'smtpFrom' | 'publicUrl'>;
  now(): Date;
}

export interface Delivery {
  id: string;
  subscriptionId: string;
  eventKey: string;
  type: string;
  title: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  lastStatus: number | null;
  lastResponse: string | null;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
}

const toDelivery = (r: store.DeliveryRow): Delivery => ({
  id: r.id,
  subscriptionId: r.subscription_id,
  eventKey: r.event_key,
  type: r.event_type,
  title: (JSON.parse(r.payload) as { title?: string }).title ?? '',
  status: r.status as DeliveryStatus,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  lastAttemptAt: r.last_attempt_at,
  lastStatus: r.last_status,
  lastResponse: r.last_response,
  lastError: r.last_error,
  sentAt: r.sent_at,
  createdAt: r.created_at,
});

/** The message a delivery sends: the same bytes each time (its id, its data fixed when queued). */
export function messageOf(row: store.DeliveryRow, workspace: string, publicUrl: string | undefined): AlertMessage {
  const { path, ...data } = JSON.parse(row.payload) as AlertData & { path?: string | null };
  return {
    id: row.id,
    type: row.event_type as AlertType,
    created: row.created_at,
    workspace,
    data: { ...data, link: path && publicUrl ? `${publicUrl}${path}` : data.link },
  };
}

const LEASE_MS = 120_000;

/** Sends one claimed delivery and records the outcome; true when it was sent. */
async function attempt(env: DeliveryEnv, row: store.DeliveryRow, workerId: string, slugs: Map<string, string>) {
  const [sub] = await findSubscriptionsByIds(env.db, [row.subscription_id]);
  const now = env.now();
  if (!sub || sub.enabled !== 1) {
    await store.finishDelivery(env.db, row.id, workerId, {
      status: 'dead',
      next_attempt_at: null,
      last_status: null,
      last_response: null,
      last_error: sub ? `the subscription is disabled${sub.disabled_reason ? `: ${sub.disabled_reason}` : ''}` : 'gone',
      sent_at: null,
    });
    return false;
  }
  let slug = slugs.get(row.workspace_id);
  if (!slug) slugs.set(row.workspace_id, (slug = (await getWorkspace(env.db, row.workspace_id)).slug));
  const result = await sendAlert(env, messageOf(row, slug, env.config.publicUrl), destinationOf(env.secrets, sub));
  const next = afterAttempt(row.attempts, result.ok, env.now());
  await store.finishDelivery(env.db, row.id, workerId, {
    status: next.status,
    next_attempt_at: next.nextAttemptAt,
    last_status: result.status,
    last_response: result.ok ? result.answer : null,
    last_error: result.ok ? null : result.answer,
    sent_at: result.ok ? env.now().toISOString() : row.sent_at,
  });
  await recordOutcome(
    env.db,
    sub.id,
    result.ok,
    DISABLE_AFTER_FAILURES,
    (n) => `${n} deliveries failed in a row; the last answer: ${result.answer}`,
    now.toISOString(),
  );
  return result.ok;
}

/** Sends every due delivery (of one workspace, or all), a few at a time; returns how many were sent and failed. */
export async function deliverDue(
  env: DeliveryEnv,
  options: { workerId: string; workspaceId?: string; batch?: number },
): Promise<{ sent: number; failed: number }> {
  const slugs = new Map<string, string>();
  let sent = 0;
  let failed = 0;
  for (;;) {
    const now = env.now();
    const claimed = await store.claimDueDeliveries(env.db, env.caps, {
      workerId: options.workerId,
      now: now.toISOString(),
      lockedUntil: new Date(now.getTime() + LEASE_MS).toISOString(),
      limit: options.batch ?? 10,
      workspaceId: options.workspaceId,
    });
    if (claimed.length === 0) return { sent, failed };
    for (const row of claimed) {
      if (await attempt(env, row, options.workerId, slugs)) sent++;
      else failed++;
    }
  }
}

/** Sends a delivery again now (whatever its status), the same body newly signed, as one more attempt. */
export async function replayDelivery(
  env: DeliveryEnv,
  workspaceId: string,
  id: string,
  workerId: string,
): Promise<Delivery> {
  if (!(await store.findDelivery(env.db, workspaceId, id))) throw AppError.notFound('alert delivery');
  const now = env.now();
  const row = await store.claimForReplay(env.db, {
    workspaceId,
    id,
    workerId,
    now: now.toISOString(),
    lockedUntil: new Date(now.getTime() + LEASE_MS).toISOString(),
  });
  if (!row) throw new AppError('conflict', 'this delivery is being sent right now; try again in a moment');
  // A replay is one attempt of its own: a dead delivery that fails again stays dead, it does not retry.
  await attempt(env, { ...row, attempts: Math.max(row.attempts, MAX_ATTEMPTS) }, workerId, new Map());
  return toDelivery((await store.findDelivery(env.db, workspaceId, id))!);
}

const isKey = (v: unknown): v is { at: string; id: string } =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { at?: unknown }).at === 'string' &&
  typeof (v as { id?: unknown }).id === 'string';

/** The delivery log, newest first. */
export async function listDeliveries(
  db: Db,
  workspaceId: string,
  f: { status?: DeliveryStatus; limit: number; cursor?: string },
): Promise<{ items: Delivery[]; nextCursor: string | null }> {
  const rows = await store.selectDeliveries(db, workspaceId, {
    status: f.status,
    before: decodeCursor(f.cursor, isKey),
    limit: f.limit,
  });
  const items = rows.slice(0, f.limit).map(toDelivery);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > f.limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}
