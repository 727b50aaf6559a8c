import type { Selectable } from 'kysely';
import { chunkedCount } from '../../platform/db/chunked.ts';
import type { Db } from '../../platform/db/database.ts';
import type {
  AccountOwnershipHandoffTable,
  HandoffBriefTable,
  HandoffClarificationTable,
  HandoffEventTable,
} from './handoff.table.ts';

export type BriefRow = Selectable<HandoffBriefTable>;
export type ClarificationRow = Selectable<HandoffClarificationTable>;
export type EventRow = Selectable<HandoffEventTable>;
export type OwnershipRow = Selectable<AccountOwnershipHandoffTable>;

export const findBrief = (db: Db, workspaceId: string, id: string) =>
  db
    .selectFrom('handoff_briefs')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

export const findBriefByDeal = (db: Db, workspaceId: string, dealId: string) =>
  db
    .selectFrom('handoff_briefs')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('deal_id', '=', dealId)
    .executeTakeFirst();

export const insertBrief = (db: Db, row: HandoffBriefTable) => db.insertInto('handoff_briefs').values(row).execute();

export const updateBrief = (db: Db, workspaceId: string, id: string, patch: Partial<HandoffBriefTable>) =>
  db.updateTable('handoff_briefs').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();

export interface BriefFilter {
  states?: string[];
  accountId?: string;
  dealId?: string;
  /** Briefs where this user is the account executive or the delivery lead. */
  userId?: string;
  before?: { updatedAt: string; id: string };
  limit: number;
}

export function selectBriefs(db: Db, workspaceId: string, f: BriefFilter) {
  let q = db.selectFrom('handoff_briefs').selectAll().where('workspace_id', '=', workspaceId);
  if (f.states?.length) q = q.where('state', 'in', f.states);
  if (f.accountId) q = q.where('account_id', '=', f.accountId);
  if (f.dealId) q = q.where('deal_id', '=', f.dealId);
  if (f.userId) {
    const userId = f.userId;
    q = q.where((eb) => eb.or([eb('ae_user_id', '=', userId), eb('delivery_lead_user_id', '=', userId)]));
  }
  if (f.before) {
    const { updatedAt, id } = f.before;
    q = q.where((eb) =>
      eb.or([eb('updated_at', '<', updatedAt), eb.and([eb('updated_at', '=', updatedAt), eb('id', '<', id)])]),
    );
  }
  return q.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
}

export async function countBriefsByState(db: Db, workspaceId: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('handoff_briefs')
    .select(['state', (eb) => eb.fn.countAll().as('n')])
    .where('workspace_id', '=', workspaceId)
    .groupBy('state')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
}

export const insertEvent = (db: Db, row: HandoffEventTable) => db.insertInto('handoff_events').values(row).execute();

export const selectEvents = (db: Db, workspaceId: string, briefId: string) =>
  db
    .selectFrom('handoff_events')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('brief_id', '=', briefId)
    .orderBy('at')
    .orderBy('id')
    .execute();

export const insertClarification = (db: Db, row: HandoffClarificationTable) =>
  db.insertInto('handoff_clarifications').values(row).execute();

export const findClarification = (db: Db, workspaceId: string, briefId: string, id: string) =>
  db
    .selectFrom('handoff_clarifications')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('brief_id', '=', briefId)
    .where('id', '=', id)
    .executeTakeFirst();

export const updateClarification = (db: Db, id: string, patch: Partial<HandoffClarificationTable>) =>
  db.updateTable('handoff_clarifications').set(patch).where('id', '=', id).execute();

export const selectClarifications = (db: Db, workspaceId: string, briefId: string) =>
  db
    .selectFrom('handoff_clarifications')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('brief_id', '=', briefId)
    .orderBy('asked_at')
    .orderBy('id')
    .execute();

export const insertOwnershipHandoff = (db: Db, row: AccountOwnershipHandoffTable) =>
  db.insertInto('account_ownership_handoffs').values(row).execute();

export const selectOwnershipHandoffs = (db: Db, workspaceId: string, accountId: string) =>
  db
    .selectFrom('account_ownership_handoffs')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('account_id', '=', accountId)
    .orderBy('at')
    .orderBy('id')
    .execute();

/** Gives the briefs of these deals that have no account yet this one (their deal was just linked to it). */
export const setAccountOfDealBriefs = (
  db: Db,
  workspaceId: string,
  accountId: string,
  dealIds: string[],
): Promise<number> =>
  chunkedCount(dealIds, 500, (ids) =>
    db
      .updateTable('handoff_briefs')
      .set({ account_id: accountId })
      .where('workspace_id', '=', workspaceId)
      .where('account_id', 'is', null)
      .where('deal_id', 'in', ids)
      .executeTakeFirst(),
  );

/** Unanswered clarifications by brief, for these briefs (absent: none). */
export async function countOpenClarifications(
  db: Db,
  workspaceId: string,
  briefIds: string[],
): Promise<Map<string, number>> {
  if (briefIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('handoff_clarifications')
    .select(['brief_id', (eb) => eb.fn.countAll().as('n')])
    .where('workspace_id', '=', workspaceId)
    .where('brief_id', 'in', briefIds)
    .where('answered_at', 'is', null)
    .groupBy('brief_id')
    .execute();
  return new Map(rows.map((r) => [r.brief_id, Number(r.n)]));
}
