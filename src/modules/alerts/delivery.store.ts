import type { ExpressionBuilder, Insertable, Selectable } from 'kysely';
import type { DialectCapabilities } from '../../platform/db/capabilities.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { AlertDeliveryTable } from './alert.table.ts';

export type DeliveryRow = Selectable<AlertDeliveryTable>;

/** Queues a delivery; one already queued for the same subscription and event is left alone (false). */
export async function insertDelivery(db: Db, row: Insertable<AlertDeliveryTable>): Promise<boolean> {
  const r = await db
    .insertInto('alert_deliveries')
    .values(row)
    .onConflict((oc) => oc.columns(['subscription_id', 'event_key']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

function isDue(w: ExpressionBuilder<Database, 'alert_deliveries'>, now: string) {
  return w.or([
    w.and([
      w('status', 'in', ['pending', 'failed']),
      w.or([w('next_attempt_at', 'is', null), w('next_attempt_at', '<=', now)]),
    ]),
    // A worker that died while sending: its lease ran out, another takes the row over.
    w.and([w('status', '=', 'sending'), w('locked_until', '<', now)]),
  ]);
}

/**
 * Claims up to `limit` due deliveries for one worker, the way jobs are claimed (platform/jobs/job.store.ts): the due
 * rows chosen once in a materialised CTE (PostgreSQL skips rows another instance is claiming; SQLite runs the one
 * statement under its write lock), the condition checked again on each row as it is updated. A row is claimed by
 * one worker only, so two instances never send the same alert twice.
 */
export function claimDueDeliveries(
  db: Db,
  caps: DialectCapabilities,
  input: { workerId: string; now: string; lockedUntil: string; limit: number; workspaceId?: string },
): Promise<DeliveryRow[]> {
  return db
    .with(
      (cte) => cte('due').materialized(),
      (qb) => {
        let due = qb
          .selectFrom('alert_deliveries')
          .select('id')
          .where((w) => isDue(w, input.now));
        if (input.workspaceId) due = due.where('workspace_id', '=', input.workspaceId);
        due = due.orderBy('created_at').orderBy('id').limit(input.limit);
        return caps.supportsSkipLocked ? due.forUpdate().skipLocked() : due;
      },
    )
    .updateTable('alert_deliveries')
    .set((eb) => ({
      status: 'sending',
      locked_by: input.workerId,
      locked_until: input.lockedUntil,
      attempts: eb('attempts', '+', 1),
      last_attempt_at: input.now,
    }))
    .where('id', 'in', (eb) => eb.selectFrom('due').select('due.id'))
    .where((w) => isDue(w, input.now))
    .returningAll()
    .execute();
}

/** Claims one delivery to send it again now (a replay), unless a worker holds it. */
export const claimForReplay = (
  db: Db,
  input: { workspaceId: string; id: string; workerId: string; now: string; lockedUntil: string },
) =>
  db
    .updateTable('alert_deliveries')
    .set((eb) => ({
      status: 'sending',
      locked_by: input.workerId,
      locked_until: input.lockedUntil,
      attempts: eb('attempts', '+', 1),
      last_attempt_at: input.now,
    }))
    .where('workspace_id', '=', input.workspaceId)
    .where('id', '=', input.id)
    .where((w) => w.or([w('status', '!=', 'sending'), w('locked_until', '<', input.now)]))
    .returningAll()
    .executeTakeFirst();

/** Records an attempt's outcome on a delivery this worker still holds; false when its lease was lost. */
export async function finishDelivery(
  db: Db,
  id: string,
  workerId: string,
  patch: Pick<
    AlertDeliveryTable,
    'status' | 'next_attempt_at' | 'last_status' | 'last_response' | 'last_error' | 'sent_at'
  >,
): Promise<boolean> {
  const r = await db
    .updateTable('alert_deliveries')
    .set({ ...patch, locked_by: null, locked_until: null })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'sending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export const findDelivery = (db: Db, workspaceId: string, id: string) =>
  db
    .selectFrom('alert_deliveries')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

export function selectDeliveries(
  db: Db,
  workspaceId: string,
  f: { status?: string; before?: { at: string; id: string }; limit: number },
) {
  let q = db.selectFrom('alert_deliveries').selectAll().where('workspace_id', '=', workspaceId);
  if (f.status) q = q.where('status', '=', f.status);
  const before = f.before;
  if (before) {
    q = q.where((eb) =>
      eb.or([eb('created_at', '<', before.at), eb.and([eb('created_at', '=', before.at), eb('id', '<', before.id)])]),
    );
  }
  return q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

/**
 * After a subscription's channel or address changed: its alerts waiting to be retried are due at once, with their
 * attempts counted afresh for the new address (the old one was what failed); those not yet tried keep their time
 * (quiet hours). Both are sent to the new address, which is read when a delivery is sent. Sent and dead deliveries
 * stay as they are: a replay of a dead one goes to the new address.
 */
export async function requeueForNewAddress(db: Db, subscriptionId: string): Promise<number> {
  const r = await db
    .updateTable('alert_deliveries')
    .set({ status: 'pending', attempts: 0, next_attempt_at: null })
    .where('subscription_id', '=', subscriptionId)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
