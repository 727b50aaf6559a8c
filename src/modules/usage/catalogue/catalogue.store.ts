/** Queries of the feature catalogue and account plans, always within one workspace. */
import type { Selectable } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { UsageAccountPlanTable, UsageFeatureTable } from './catalogue.table.ts';

export type FeatureRow = Selectable<UsageFeatureTable>;

export const selectFeatures = (db: Db, workspaceId: string) =>
  db.selectFrom('usage_features').selectAll().where('workspace_id', '=', workspaceId).orderBy('key').execute();

export const findFeature = (db: Db, workspaceId: string, key: string) =>
  db
    .selectFrom('usage_features')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('key', '=', key)
    .executeTakeFirst();

export const selectFeatureEvents = (db: Db, workspaceId: string) =>
  db
    .selectFrom('usage_feature_events')
    .select(['event', 'feature_key'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('event')
    .execute();

export const insertFeature = (db: Db, row: UsageFeatureTable) => db.insertInto('usage_features').values(row).execute();

export const updateFeature = (
  db: Db,
  workspaceId: string,
  key: string,
  patch: Pick<UsageFeatureTable, 'name' | 'plans' | 'updated_at'>,
) =>
  db.updateTable('usage_features').set(patch).where('workspace_id', '=', workspaceId).where('key', '=', key).execute();

export const deleteFeature = (db: Db, workspaceId: string, key: string) =>
  db.deleteFrom('usage_features').where('workspace_id', '=', workspaceId).where('key', '=', key).execute();

/** Replaces the events of one feature. */
export async function replaceFeatureEvents(
  db: Db,
  workspaceId: string,
  key: string,
  events: readonly string[],
): Promise<void> {
  await db
    .deleteFrom('usage_feature_events')
    .where('workspace_id', '=', workspaceId)
    .where('feature_key', '=', key)
    .execute();
  if (events.length > 0)
    await db
      .insertInto('usage_feature_events')
      .values(events.map((event) => ({ workspace_id: workspaceId, event, feature_key: key })))
      .execute();
}

export const selectPlans = (db: Db, workspaceId: string) =>
  db
    .selectFrom('usage_account_plans')
    .select(['account_id', 'plan', 'updated_at'])
    .where('workspace_id', '=', workspaceId)
    .execute();

export const findPlan = (db: Db, workspaceId: string, accountId: string) =>
  db
    .selectFrom('usage_account_plans')
    .select(['plan'])
    .where('workspace_id', '=', workspaceId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();

export const upsertPlan = (db: Db, row: UsageAccountPlanTable) =>
  db
    .insertInto('usage_account_plans')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'account_id']).doUpdateSet({ plan: row.plan, updated_at: row.updated_at }),
    )
    .execute();

export const deletePlan = (db: Db, workspaceId: string, accountId: string) =>
  db
    .deleteFrom('usage_account_plans')
    .where('workspace_id', '=', workspaceId)
    .where('account_id', '=', accountId)
    .execute();
