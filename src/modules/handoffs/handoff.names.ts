import type { Db } from '../../platform/db/database.ts';
import { dealNamesOf } from '../deals/index.ts';

/** Handoff briefs named by their deal ("Brief: <deal>"), the deal's name asked of the deals module. */
export async function briefNamesOf(db: Db, workspaceId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const briefs = await db
    .selectFrom('handoff_briefs')
    .select(['id', 'deal_id'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', [...ids])
    .execute();
  const deals = await dealNamesOf(db, workspaceId, [...new Set(briefs.map((b) => b.deal_id))]);
  const out = new Map<string, string>();
  for (const b of briefs) {
    const deal = deals.get(b.deal_id);
    if (deal) out.set(b.id, `Brief: ${deal}`);
  }
  return out;
}
