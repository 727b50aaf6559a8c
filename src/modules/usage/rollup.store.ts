/** Queries of the daily usage rollups and licensed seats, always within one workspace. */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { type RollupEvent, rollupsOf } from './rollup.ts';
import type { UsageAccountSeatsTable } from './usage.table.ts';

/** 5 columns × 500 rows stays under both databases' bound-parameter limits. */
const ROWS_PER_UPSERT = 500;

/** Adds the usage of newly stored (or newly matched) events to the rollups: one upsert row per distinct key. */
export async function addToRollups(db: Db, workspaceId: string, events: readonly RollupEvent[]): Promise<void> {
  const { features, users } = rollupsOf(events);
  for (let i = 0; i < features.length; i += ROWS_PER_UPSERT) {
    await db
      .insertInto('usage_daily_account_feature')
      .values(features.slice(i, i + ROWS_PER_UPSERT).map((r) => ({ workspace_id: workspaceId, ...r })))
      .onConflict((oc) =>
        oc.columns(['workspace_id', 'account_id', 'day', 'feature']).doUpdateSet({ events: sql<number>`usage_daily_account_feature.events + excluded.events` }),
      )
      .execute();
  }
  for (let i = 0; i < users.length; i += ROWS_PER_UPSERT) {
    await db
      .insertInto('usage_daily_account_user')
      .values(users.slice(i, i + ROWS_PER_UPSERT).map((r) => ({ workspace_id: workspaceId, ...r })))
      .onConflict((oc) => oc.columns(['workspace_id', 'account_id', 'day', 'user_key']).doUpdateSet({ events: sql<number>`usage_daily_account_user.events + excluded.events` }))
      .execute();
  }
}

/** Feature rows of one account (or every account when null) for days in [from, to]. */
export const selectFeatureRows = (db: Db, workspaceId: string, accountId: string | null, from: string, to: string) => {
  let q = db.selectFrom('usage_daily_account_feature').select(['account_id', 'day', 'feature', 'events']).where('workspace_id', '=', workspaceId).where('day', '>=', from).where('day', '<=', to);
  if (accountId) q = q.where('account_id', '=', accountId);
  return q.execute();
};

/** User rows of one account (or every account when null) for days in [from, to]. */
export const selectUserRows = (db: Db, workspaceId: string, accountId: string | null, from: string, to: string) => {
  let q = db.selectFrom('usage_daily_account_user').select(['account_id', 'day', 'user_key', 'events']).where('workspace_id', '=', workspaceId).where('day', '>=', from).where('day', '<=', to);
  if (accountId) q = q.where('account_id', '=', accountId);
  return q.execute();
};

export const findSeats = (db: Db, workspaceId: string, accountId: string) =>
  db.selectFrom('usage_account_seats').selectAll().where('workspace_id', '=', workspaceId).where('account_id', '=', accountId).executeTakeFirst();

export const selectAllSeats = (db: Db, workspaceId: string) => db.selectFrom('usage_account_seats').select(['account_id', 'seats']).where('workspace_id', '=', workspaceId).execute();

export const upsertSeats = (db: Db, row: UsageAccountSeatsTable) =>
  db
    .insertInto('usage_account_seats')
    .values(row)
    .onConflict((oc) => oc.columns(['workspace_id', 'account_id']).doUpdateSet({ seats: row.seats, updated_at: row.updated_at }))
    .execute();

export const deleteSeats = (db: Db, workspaceId: string, accountId: string) =>
  db.deleteFrom('usage_account_seats').where('workspace_id', '=', workspaceId).where('account_id', '=', accountId).execute();

