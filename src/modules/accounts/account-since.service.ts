/**
 * When an account came into Baton. Set only by whatever brings in accounts with their history (the demo
 * workspace): a customer renewing for the second time was not "in Baton since today".
 */
import type { Db } from '../../platform/db/database.ts';

export async function setAccountCreatedOn(db: Db, workspaceId: string, accountId: string, at: string): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ created_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', accountId)
    .where('created_at', '>', at)
    .execute();
}
