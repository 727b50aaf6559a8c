import type { Scope } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';

/**
 * Which of these user ids are members of the scope's workspace (users are global; a user id means
 * something to a workspace only through its membership). A partner user may name only its firm's members.
 */
export async function memberUserIds(db: Db, scope: Scope, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  let q = db
    .selectFrom('memberships')
    .select('user_id')
    .where('workspace_id', '=', scope.workspaceId)
    .where('user_id', 'in', ids);
  if (scope.partnerId) q = q.where('partner_id', '=', scope.partnerId);
  return (await q.execute()).map((r) => r.user_id);
}

/** Which of these partner firm ids are firms of the scope's workspace; a partner user names only its own. */
export async function partnerFirmIds(db: Db, scope: Scope, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  let q = db.selectFrom('partners').select('id').where('workspace_id', '=', scope.workspaceId).where('id', 'in', ids);
  if (scope.partnerId) q = q.where('id', '=', scope.partnerId);
  return (await q.execute()).map((r) => r.id);
}
