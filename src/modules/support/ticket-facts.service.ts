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

/** A ticket as the knowledge gaps read it: what it asked, of whom, and whether it was resolved. */
export interface QuestionTicket {
  id: string;
  externalId: string;
  accountId: string | null;
  subject: string | null;
  description: string | null;
  category: string | null;
  createdAt: string;
  solvedAt: string | null;
  status: string | null;
}

/** The most recent tickets of some categories created since a time (at most `limit`, newest kept). */
export async function questionTicketsSince(
  db: Db,
  workspaceId: string,
  since: string,
  categories: readonly string[],
  limit: number,
): Promise<QuestionTicket[]> {
  if (categories.length === 0) return [];
  const rows = await db
    .selectFrom('tickets')
    .select([
      'id',
      'external_id',
      'account_id',
      'subject',
      'description',
      'category',
      'created_at',
      'solved_at',
      'status',
    ])
    .where('workspace_id', '=', workspaceId)
    .where('created_at', '>=', since)
    .where('category', 'in', categories)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    externalId: r.external_id,
    accountId: r.account_id,
    subject: r.subject,
    description: r.description,
    category: r.category,
    createdAt: r.created_at,
    solvedAt: r.solved_at,
    status: r.status,
  }));
}
