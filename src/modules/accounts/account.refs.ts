import type { Scope } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';

/** Which of these account ids a scope may name in a write: the workspace's, for a partner user its firm's. */
export async function visibleAccountIds(db: Db, scope: Scope, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  let q = db.selectFrom('accounts').select('id').where('workspace_id', '=', scope.workspaceId).where('id', 'in', ids);
  if (scope.partnerId) q = q.where('partner_id', '=', scope.partnerId);
  return (await q.execute()).map((r) => r.id);
}

/** Which of these contact ids are stakeholders of accounts the scope may name. */
export async function visibleContactIds(db: Db, scope: Scope, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  let q = db.selectFrom('contacts').select('id').where('workspace_id', '=', scope.workspaceId).where('id', 'in', ids);
  if (scope.partnerId) {
    const firm = scope.partnerId;
    q = q.where('account_id', 'in', (eb) =>
      eb
        .selectFrom('accounts')
        .select('id')
        .where('workspace_id', '=', scope.workspaceId)
        .where('partner_id', '=', firm),
    );
  }
  return (await q.execute()).map((r) => r.id);
}
