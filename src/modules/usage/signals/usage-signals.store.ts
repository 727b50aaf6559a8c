/** Reads of the usage tables the signal rules need beyond the adoption queries, within one workspace. */
import type { Db } from '../../../platform/db/database.ts';

/** The first day with product usage of one account (null: none). */
export async function firstUsageDay(db: Db, workspaceId: string, accountId: string): Promise<string | null> {
  const row = await db
    .selectFrom('usage_daily_account_feature')
    .select((eb) => eb.fn.min('day').as('first'))
    .where('workspace_id', '=', workspaceId)
    .where('account_id', '=', accountId)
    .where('events', '>', 0)
    .executeTakeFirst();
  return row?.first ? String(row.first) : null;
}

/** The last day with usage of each of the given product users of one account. */
export async function lastActiveDays(
  db: Db,
  workspaceId: string,
  accountId: string,
  userKeys: readonly string[],
): Promise<Map<string, string>> {
  if (userKeys.length === 0) return new Map();
  const rows = await db
    .selectFrom('usage_daily_account_user')
    .select((eb) => ['user_key', eb.fn.max('day').as('last')])
    .where('workspace_id', '=', workspaceId)
    .where('account_id', '=', accountId)
    .where('user_key', 'in', [...userKeys])
    .where('events', '>', 0)
    .groupBy('user_key')
    .execute();
  return new Map(rows.map((r) => [r.user_key, String(r.last)]));
}
