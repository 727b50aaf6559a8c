import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { AlertSubscriptionTable } from './alert.table.ts';

export type SubscriptionRow = Selectable<AlertSubscriptionTable>;

export const insertSubscription = (db: Db, row: Insertable<AlertSubscriptionTable>) =>
  db.insertInto('alert_subscriptions').values(row).execute();

export const selectSubscriptions = (db: Db, workspaceId: string) =>
  db
    .selectFrom('alert_subscriptions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

export const findSubscription = (db: Db, workspaceId: string, id: string) =>
  db
    .selectFrom('alert_subscriptions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

export const findSubscriptionsByIds = (db: Db, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db.selectFrom('alert_subscriptions').selectAll().where('id', 'in', ids).execute();

export const updateSubscriptionRow = (
  db: Db,
  workspaceId: string,
  id: string,
  patch: Updateable<AlertSubscriptionTable>,
) =>
  db
    .updateTable('alert_subscriptions')
    .set(patch)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();

export const deleteSubscriptionRow = (db: Db, workspaceId: string, id: string) =>
  db.deleteFrom('alert_subscriptions').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();

/** After an attempt: a success resets the count of failures in a row, a failure adds one (and may disable). */
export async function recordOutcome(
  db: Db,
  id: string,
  ok: boolean,
  disableAfter: number,
  reason: (failures: number) => string,
  now: string,
): Promise<void> {
  if (ok) {
    await db
      .updateTable('alert_subscriptions')
      .set({ consecutive_failures: 0 })
      .where('id', '=', id)
      .where('consecutive_failures', '>', 0)
      .execute();
    return;
  }
  const row = await db
    .updateTable('alert_subscriptions')
    .set((eb) => ({ consecutive_failures: eb('consecutive_failures', '+', 1) }))
    .where('id', '=', id)
    .returning(['consecutive_failures', 'enabled'])
    .executeTakeFirst();
  if (row && row.enabled === 1 && row.consecutive_failures >= disableAfter) {
    await db
      .updateTable('alert_subscriptions')
      .set({ enabled: 0, disabled_reason: reason(row.consecutive_failures), updated_at: now })
      .where('id', '=', id)
      .execute();
  }
}

/** Workspaces with an enabled subscription the daily job serves: a digest, or a person's play tasks due. */
export const workspacesWithDailyWork = async (db: Db): Promise<string[]> =>
  (
    await db
      .selectFrom('alert_subscriptions')
      .select('workspace_id')
      .distinct()
      .where('enabled', '=', 1)
      .where((eb) => eb.or([eb('mode', '=', 'daily_digest'), eb('play_tasks', '=', 1)]))
      .execute()
  ).map((r) => r.workspace_id);
