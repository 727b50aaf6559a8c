import type { Db } from '../../../platform/db/database.ts';

/** The day an account first went live (its earliest project's go-live, cancelled ones aside), or null. */
export async function accountGoLive(db: Db, workspaceId: string, accountId: string): Promise<string | null> {
  const row = await db
    .selectFrom('projects')
    .select((eb) => eb.fn.min('go_live_on').as('go_live_on'))
    .where('workspace_id', '=', workspaceId)
    .where('account_id', '=', accountId)
    .where('status', '!=', 'cancelled')
    .executeTakeFirst();
  return row?.go_live_on ?? null;
}

/** Each account's first go-live (cancelled projects aside) that falls between `from` and `to` (YYYY-MM-DD). */
export async function goLivesBetween(
  db: Db,
  workspaceId: string,
  from: string,
  to: string,
): Promise<Array<{ accountId: string; goLive: string }>> {
  const rows = await db
    .selectFrom('projects')
    .select((eb) => ['account_id', eb.fn.min('go_live_on').as('go_live_on')])
    .where('workspace_id', '=', workspaceId)
    .where('status', '!=', 'cancelled')
    .where('go_live_on', 'is not', null)
    .groupBy('account_id')
    .execute();
  return rows
    .filter((r) => r.go_live_on !== null && r.go_live_on >= from && r.go_live_on <= to)
    .map((r) => ({ accountId: r.account_id, goLive: r.go_live_on as string }));
}
