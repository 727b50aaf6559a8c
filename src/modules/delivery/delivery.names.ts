import type { Db } from '../../platform/db/database.ts';

type Named = 'projects' | 'playbooks' | 'delivery_resources';

const namesIn = (table: Named) =>
  async function namesOf(db: Db, workspaceId: string, ids: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await db
        .selectFrom(table)
        .select(['id', 'name'])
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', ids.slice(i, i + 500))
        .execute();
      for (const r of rows) out.set(r.id, r.name);
    }
    return out;
  };

/** Projects', playbooks' and delivery people's names by id, within the workspace. */
export const projectNamesOf = namesIn('projects');
export const playbookNamesOf = namesIn('playbooks');
export const resourceNamesOf = namesIn('delivery_resources');
