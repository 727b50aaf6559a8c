import type { Scope } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';

/** Which of these playbook ids are the workspace's. */
export async function workspacePlaybookIds(db: Db, scope: Scope, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  return (
    await db
      .selectFrom('playbooks')
      .select('id')
      .where('workspace_id', '=', scope.workspaceId)
      .where('id', 'in', ids)
      .execute()
  ).map((r) => r.id);
}
