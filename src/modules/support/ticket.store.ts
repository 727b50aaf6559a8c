/** Queries of tickets and the fitted classifier, always within one workspace. */
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { TicketEventTable, TicketModelTable, TicketTable } from './ticket.table.ts';

export type TicketRow = Selectable<TicketTable>;
export type TicketModelRow = Selectable<TicketModelTable>;

const CHUNK = 500;

export async function selectByExternalIds(
  db: Db,
  workspaceId: string,
  source: string,
  externalIds: readonly string[],
): Promise<TicketRow[]> {
  const out: TicketRow[] = [];
  for (let i = 0; i < externalIds.length; i += CHUNK) {
    out.push(
      ...(await db
        .selectFrom('tickets')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('source', '=', source)
        .where('external_id', 'in', externalIds.slice(i, i + CHUNK))
        .execute()),
    );
  }
  return out;
}

export async function insertTickets(db: Db, rows: TicketTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100)
    await db
      .insertInto('tickets')
      .values(rows.slice(i, i + 100))
      .execute();
}

export const updateTicket = (db: Db, workspaceId: string, id: string, patch: Partial<TicketTable>) =>
  db.updateTable('tickets').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();

export const selectTicket = (db: Db, workspaceId: string, id: string) =>
  db.selectFrom('tickets').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();

export interface TicketQuery {
  accountId?: string;
  category?: string;
  status?: string;
  /** Only tickets without an account. */
  unmatched?: boolean;
  limit: number;
  /** The last ticket of the previous page (newest first). */
  after?: { createdAt: string; id: string };
}

/** A page of tickets, newest first; one more than `limit` tells that another page follows. */
export function selectTickets(db: Db, workspaceId: string, q: TicketQuery): Promise<TicketRow[]> {
  let query = db.selectFrom('tickets').selectAll().where('workspace_id', '=', workspaceId);
  if (q.accountId) query = query.where('account_id', '=', q.accountId);
  if (q.category) query = query.where('category', '=', q.category);
  if (q.status) query = query.where('status', '=', q.status);
  if (q.unmatched) query = query.where('account_id', 'is', null);
  const after = q.after;
  if (after)
    query = query.where((eb) =>
      eb.or([
        eb('created_at', '<', after.createdAt),
        eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)]),
      ]),
    );
  return query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit + 1)
    .execute();
}

/** Tickets without an account, for matching when accounts appear. */
export const selectUnmatched = (db: Db, workspaceId: string) =>
  db
    .selectFrom('tickets')
    .select(['id', 'account_external_id', 'organization', 'requester_email'])
    .where('workspace_id', '=', workspaceId)
    .where('account_id', 'is', null)
    .orderBy('id')
    .execute();

/** Every ticket's text and label, for training and labelling. */
export const selectTicketTexts = (db: Db, workspaceId: string) =>
  db
    .selectFrom('tickets')
    .select(['id', 'subject', 'description', 'category', 'category_source'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('id')
    .execute();

const LOAD_COLUMNS = [
  'id',
  'account_id',
  'category',
  'created_at',
  'first_response_at',
  'solved_at',
  'status',
  'priority',
  'tags',
  'reopens',
  'satisfaction',
] as const;

/** One account's tickets, oldest first, with what its load and service levels are measured from. */
export const selectAccountTickets = (db: Db, workspaceId: string, accountId: string) =>
  db
    .selectFrom('tickets')
    .select(LOAD_COLUMNS)
    .where('workspace_id', '=', workspaceId)
    .where('account_id', '=', accountId)
    .orderBy('created_at')
    .execute();

/** Every matched ticket of a workspace, oldest first, with the columns of the load. */
export const selectMatchedLoadTickets = (db: Db, workspaceId: string) =>
  db
    .selectFrom('tickets')
    .select(LOAD_COLUMNS)
    .where('workspace_id', '=', workspaceId)
    .where('account_id', 'is not', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

/** Tickets created since a time (inclusive), with their category: the weekly trend. */
export const selectTicketsSince = (db: Db, workspaceId: string, since: string) =>
  db
    .selectFrom('tickets')
    .select(['created_at', 'category'])
    .where('workspace_id', '=', workspaceId)
    .where('created_at', '>=', since)
    .execute();

export const selectModel = (db: Db, workspaceId: string) =>
  db.selectFrom('ticket_models').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst();

/** Keeps one fitted model per workspace: the last. */
export async function saveModel(db: Db, row: TicketModelTable): Promise<void> {
  await db.deleteFrom('ticket_models').where('workspace_id', '=', row.workspace_id).execute();
  await db.insertInto('ticket_models').values(row).execute();
}

export type TicketEventRow = Selectable<TicketEventTable>;

/** Stores status changes, each once (a known one is left alone); the number newly stored. */
export async function insertEvents(db: Db, rows: TicketEventTable[]): Promise<number> {
  let stored = 0;
  for (let i = 0; i < rows.length; i += 100) {
    const result = await db
      .insertInto('ticket_events')
      .values(rows.slice(i, i + 100))
      .onConflict((oc) => oc.columns(['workspace_id', 'source', 'external_id', 'at', 'status']).doNothing())
      .executeTakeFirst();
    stored += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return stored;
}

/** The status changes of tickets of one source, in time order. */
export async function selectEvents(
  db: Db,
  workspaceId: string,
  source: string,
  externalIds: readonly string[],
): Promise<TicketEventRow[]> {
  const out: TicketEventRow[] = [];
  for (let i = 0; i < externalIds.length; i += CHUNK)
    out.push(
      ...(await db
        .selectFrom('ticket_events')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('source', '=', source)
        .where('external_id', 'in', externalIds.slice(i, i + CHUNK))
        .orderBy('external_id')
        .orderBy('at')
        .execute()),
    );
  return out;
}
