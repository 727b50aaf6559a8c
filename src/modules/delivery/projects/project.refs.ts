import type { Scope } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';

function scopedProjectIds(db: Db, scope: Scope) {
  let q = db.selectFrom('projects').select('id').where('workspace_id', '=', scope.workspaceId);
  if (scope.partnerId) q = q.where('partner_id', '=', scope.partnerId);
  return q;
}

/** Which of these project ids a scope may name: the workspace's, for a partner user its firm's. */
export async function visibleProjectIds(db: Db, scope: Scope, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  return (await scopedProjectIds(db, scope).where('id', 'in', ids).execute()).map((r) => r.id);
}

/** Which of these task ids are tasks of projects the scope may name. */
export async function visibleTaskIds(db: Db, scope: Scope, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('project_tasks')
    .select('id')
    .where('workspace_id', '=', scope.workspaceId)
    .where('id', 'in', ids)
    .where('project_id', 'in', scopedProjectIds(db, scope))
    .execute();
  return rows.map((r) => r.id);
}

/**
 * The accounts a partner firm delivers projects for: the firm reads those accounts' records (and their
 * stakeholders) while it works on them, however the account itself is assigned.
 */
export async function accountIdsDeliveredBy(db: Db, workspaceId: string, partnerId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('projects')
    .select('account_id')
    .distinct()
    .where('workspace_id', '=', workspaceId)
    .where('partner_id', '=', partnerId)
    .execute();
  return rows.map((r) => r.account_id);
}
