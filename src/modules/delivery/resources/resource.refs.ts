import type { Scope } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';

/** Which of these people (resource ids) a scope may name: the workspace's, for a partner user its firm's. */
export async function visibleResourceIds(db: Db, scope: Scope, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  let q = db
    .selectFrom('delivery_resources')
    .select('id')
    .where('workspace_id', '=', scope.workspaceId)
    .where('id', 'in', ids);
  if (scope.partnerId) q = q.where('partner_id', '=', scope.partnerId);
  return (await q.execute()).map((r) => r.id);
}
