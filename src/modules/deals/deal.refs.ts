import type { Scope } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';

/** Which of these deal ids are the workspace's; partner users see no deals. */
export async function visibleDealIds(db: Db, scope: Scope, ids: string[]): Promise<string[]> {
  if (ids.length === 0 || scope.partnerId) return [];
  return (
    await db
      .selectFrom('deals')
      .select('id')
      .where('workspace_id', '=', scope.workspaceId)
      .where('id', 'in', ids)
      .execute()
  ).map((r) => r.id);
}
