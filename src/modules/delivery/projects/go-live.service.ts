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
