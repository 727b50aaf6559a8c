import type { Db } from '../../platform/db/database.ts';

/** Deals' names by id, within the workspace; ids it does not have are left out. */
export async function dealNamesOf(db: Db, workspaceId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const r of await db
      .selectFrom('deals')
      .select(['id', 'name'])
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', ids.slice(i, i + 500))
      .execute())
      out.set(r.id, r.name);
  }
  return out;
}
