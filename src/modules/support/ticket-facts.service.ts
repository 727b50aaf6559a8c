/**
 * The tickets of a workspace's matched accounts created since a time, by account: what health's support measures
 * read.
 */
import type { Db } from '../../platform/db/database.ts';

export interface TicketFact {
  category: string | null;
  createdAt: string;
  firstResponseAt: string | null;
}

export async function ticketsByAccountSince(
  db: Db,
  workspaceId: string,
  since: string,
): Promise<Map<string, TicketFact[]>> {
  const rows = await db
    .selectFrom('tickets')
    .select(['account_id', 'category', 'created_at', 'first_response_at'])
    .where('workspace_id', '=', workspaceId)
    .where('account_id', 'is not', null)
    .where('created_at', '>=', since)
    .execute();
  const by = new Map<string, TicketFact[]>();
  for (const r of rows) {
    const list = by.get(r.account_id!) ?? [];
    list.push({ category: r.category, createdAt: r.created_at, firstResponseAt: r.first_response_at });
    by.set(r.account_id!, list);
  }
  return by;
}
