/** Queries of product releases and of the feature usage the underuse report reads, within one workspace. */
import { type Selectable, sql } from 'kysely';
import { type Db, textListRows } from '../../../platform/db/database.ts';
import type { UsageReleaseTable } from './release.table.ts';

export type ReleaseRow = Selectable<UsageReleaseTable>;

export const selectReleases = (db: Db, workspaceId: string) =>
  db
    .selectFrom('usage_releases')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('released_on', 'desc')
    .orderBy('id', 'desc')
    .execute();

export const findRelease = (db: Db, workspaceId: string, id: string) =>
  db
    .selectFrom('usage_releases')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

export const selectReleaseFeatures = (db: Db, workspaceId: string) =>
  db
    .selectFrom('usage_release_features')
    .select(['release_id', 'feature_key'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('feature_key')
    .execute();

export const insertRelease = (db: Db, row: UsageReleaseTable) => db.insertInto('usage_releases').values(row).execute();

export const updateRelease = (
  db: Db,
  workspaceId: string,
  id: string,
  patch: Partial<Omit<UsageReleaseTable, 'id' | 'workspace_id' | 'created_at'>>,
) => db.updateTable('usage_releases').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();

export async function deleteRelease(db: Db, workspaceId: string, id: string): Promise<void> {
  await db
    .deleteFrom('usage_release_features')
    .where('workspace_id', '=', workspaceId)
    .where('release_id', '=', id)
    .execute();
  await db.deleteFrom('usage_releases').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

export async function replaceReleaseFeatures(
  db: Db,
  workspaceId: string,
  releaseId: string,
  features: readonly string[],
): Promise<void> {
  await db
    .deleteFrom('usage_release_features')
    .where('workspace_id', '=', workspaceId)
    .where('release_id', '=', releaseId)
    .execute();
  if (features.length > 0)
    await db
      .insertInto('usage_release_features')
      .values(features.map((feature_key) => ({ workspace_id: workspaceId, release_id: releaseId, feature_key })))
      .execute();
}

/** The last day each of the given accounts used each event, for days in [from, to]; read account by account. */
export async function selectLastUse(
  db: Db,
  workspaceId: string,
  accountIds: readonly string[],
  from: string,
  to: string,
) {
  if (accountIds.length === 0) return [];
  const { rows } = await sql<{ account_id: string; feature: string; last_day: string }>`
    select a.value as account_id, f.feature, max(f.day) as last_day
    from ${textListRows(db, accountIds)} a
    join usage_daily_account_feature f on f.workspace_id = ${workspaceId} and f.account_id = a.value and f.day >= ${from} and f.day <= ${to} and f.events > 0
    group by a.value, f.feature`.execute(db);
  return rows;
}
