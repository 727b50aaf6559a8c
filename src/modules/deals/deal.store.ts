import type { Selectable } from 'kysely';
import type { DialectCapabilities } from '../../platform/db/capabilities.ts';
import { chunked, chunkedCount } from '../../platform/db/chunked.ts';
import type { Db } from '../../platform/db/database.ts';
import { insertMany } from '../../platform/db/insert-many.ts';
import type { DealStageMappingTable, DealTable } from './deal.table.ts';

export type DealRow = Selectable<DealTable>;
export type StageMappingRow = Selectable<DealStageMappingTable>;

export const selectDealsByExternalIds = (db: Db, workspaceId: string, source: string, externalIds: string[]) =>
  db
    .selectFrom('deals')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('source', '=', source)
    .where('external_id', 'in', externalIds)
    .execute();

/** New deals in bulk: one compiled statement per chunk shape, values only bound (see `insertMany`). */
export const insertDeals = (db: Db, rows: DealTable[]) => insertMany(db, 'deals', rows);

export const updateDealRow = (db: Db, workspaceId: string, id: string, patch: Partial<DealTable>) =>
  db.updateTable('deals').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();

export const findDeal = (db: Db, workspaceId: string, id: string) =>
  db.selectFrom('deals').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();

export interface DealFilter {
  states?: string[];
  q?: string;
  accountId?: string;
  /** Keyset cursor: the (updated_at, id) of the last row of the previous page, newest first. */
  before?: { updatedAt: string; id: string };
  limit: number;
}

export function selectDeals(db: Db, caps: DialectCapabilities, workspaceId: string, f: DealFilter) {
  let q = db.selectFrom('deals').selectAll().where('workspace_id', '=', workspaceId);
  if (f.states?.length) q = q.where('journey_state', 'in', f.states);
  if (f.q) q = q.where('name', caps.caseInsensitiveLike, `%${f.q.replace(/[%_\\]/g, '')}%`);
  if (f.accountId) q = q.where('account_id', '=', f.accountId);
  if (f.before) {
    const { updatedAt, id } = f.before;
    q = q.where((eb) =>
      eb.or([eb('updated_at', '<', updatedAt), eb.and([eb('updated_at', '=', updatedAt), eb('id', '<', id)])]),
    );
  }
  return q.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
}

export async function countDealsByState(db: Db, workspaceId: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('deals')
    .select(['journey_state', (eb) => eb.fn.countAll().as('n')])
    .where('workspace_id', '=', workspaceId)
    .groupBy('journey_state')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.journey_state, Number(r.n)]));
}

export const selectStageMappings = (db: Db, workspaceId: string) =>
  db.selectFrom('deal_stage_mappings').selectAll().where('workspace_id', '=', workspaceId).execute();

export const upsertStageMapping = (db: Db, row: DealStageMappingTable) =>
  db
    .insertInto('deal_stage_mappings')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['workspace_id', 'source', 'pipeline', 'stage'])
        .doUpdateSet({ category: row.category, label: row.label }),
    )
    .execute();

export const selectDealsInState = (db: Db, workspaceId: string, state: string) =>
  db
    .selectFrom('deals')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('journey_state', '=', state)
    .execute();

/**
 * Gives deals a new stage category and journey state at once: `confirmedAt` fills only where the deal has
 * none yet, `reopenedAt` is set only when given.
 */
export const updateDealsCategory = (
  db: Db,
  workspaceId: string,
  ids: string[],
  patch: { category: string; state: string; confirmedAt: string | null; reopenedAt: string | null; updatedAt: string },
) =>
  db
    .updateTable('deals')
    .set((eb) => ({
      stage_category: patch.category,
      journey_state: patch.state,
      updated_at: patch.updatedAt,
      ...(patch.confirmedAt ? { confirmed_at: eb.fn.coalesce('confirmed_at', eb.val(patch.confirmedAt)) } : {}),
      ...(patch.reopenedAt ? { reopened_at: patch.reopenedAt } : {}),
    }))
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', ids)
    .execute();

/** What lists elsewhere show of these deals. */
export const selectDealFacts = (db: Db, workspaceId: string, ids: readonly string[]) =>
  chunked(ids, 500, (chunk) =>
    db
      .selectFrom('deals')
      .select(['id', 'name', 'amount', 'currency', 'signed_date', 'account_name', 'products'])
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', chunk)
      .execute(),
  );

/** A page of deals with no account that name one (by CRM id or name), in id order after `afterId`. */
export function selectDealsWithoutAccount(db: Db, workspaceId: string, afterId: string | null, limit: number) {
  let q = db
    .selectFrom('deals')
    .select(['id', 'source', 'account_external_id', 'account_name'])
    .where('workspace_id', '=', workspaceId)
    .where('account_id', 'is', null)
    .where((eb) => eb.or([eb('account_external_id', 'is not', null), eb('account_name', 'is not', null)]));
  if (afterId) q = q.where('id', '>', afterId);
  return q.orderBy('id').limit(limit).execute();
}

/** Gives deals that still have no account this one; returns how many it changed. */
export const setAccountOfDeals = (db: Db, workspaceId: string, accountId: string, dealIds: string[]): Promise<number> =>
  chunkedCount(dealIds, 500, (ids) =>
    db
      .updateTable('deals')
      .set({ account_id: accountId })
      .where('workspace_id', '=', workspaceId)
      .where('account_id', 'is', null)
      .where('id', 'in', ids)
      .executeTakeFirst(),
  );
