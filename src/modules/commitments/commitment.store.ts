import { type Expression, type ExpressionBuilder, type Selectable, type SqlBool, sql } from 'kysely';
import type { DialectCapabilities } from '../../platform/db/capabilities.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import { COMMITMENT_STATUSES, COVERING_STATUS, STATUS_RANK, STRENGTHS } from './commitment.ts';
import type { CommitmentStatusChangeTable, CommitmentTable } from './commitment.table.ts';

export type CommitmentRow = Selectable<CommitmentTable>;
export type StatusChangeRow = Selectable<CommitmentStatusChangeTable>;

type Eb = ExpressionBuilder<Database, 'commitments'>;

/** Exposed in SQL, derived from `COVERING_STATUS`: for each strength, the statuses below the one it needs. */
function exposedExpr(eb: Eb): Expression<SqlBool> {
  const parts = STRENGTHS.flatMap((strength) => {
    const needs = COVERING_STATUS[strength];
    if (needs === null) return [];
    const below = COMMITMENT_STATUSES.filter((s) => STATUS_RANK[s] < STATUS_RANK[needs]);
    return [eb.and([eb('strength', '=', strength), eb('status', 'in', below)])];
  });
  return eb.or(parts);
}

/** Overdue in SQL: a due date before today and not shipped (see `daysOverdue`). */
const overdueExpr = (eb: Eb, today: string): Expression<SqlBool> =>
  eb.and([eb('due_date', 'is not', null), eb('due_date', '<', today), eb('status', '!=', 'shipped')]);

export interface CommitmentFilter {
  accountId?: string;
  /** Only these accounts (for "renewing soon"); an empty list matches nothing. */
  accountIds?: string[];
  dealId?: string;
  statuses?: string[];
  exposed?: boolean;
  overdue?: boolean;
  /** Not shipped. */
  open?: boolean;
  q?: string;
  /** Today (YYYY-MM-DD), for `overdue`. */
  today: string;
  /** Keyset cursor: the (made_on, id) of the last row of the previous page, newest first. */
  before?: { madeOn: string; id: string };
  limit: number;
}

function filtered(
  db: Db,
  caps: DialectCapabilities,
  workspaceId: string,
  f: Omit<CommitmentFilter, 'before' | 'limit'>,
) {
  let q = db.selectFrom('commitments').where('workspace_id', '=', workspaceId);
  if (f.accountId) q = q.where('account_id', '=', f.accountId);
  if (f.accountIds) q = f.accountIds.length ? q.where('account_id', 'in', f.accountIds) : q.where(sql<SqlBool>`1 = 0`);
  if (f.dealId) q = q.where('deal_id', '=', f.dealId);
  if (f.statuses?.length) q = q.where('status', 'in', f.statuses);
  if (f.exposed !== undefined) q = q.where((eb) => (f.exposed ? exposedExpr(eb) : eb.not(exposedExpr(eb))));
  if (f.overdue !== undefined)
    q = q.where((eb) => (f.overdue ? overdueExpr(eb, f.today) : eb.not(overdueExpr(eb, f.today))));
  if (f.open) q = q.where('status', '!=', 'shipped');
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, '')}%`;
    q = q.where((eb) =>
      eb.or([
        eb('what', caps.caseInsensitiveLike, like),
        eb('words', caps.caseInsensitiveLike, like),
        eb('to_name', caps.caseInsensitiveLike, like),
      ]),
    );
  }
  return q;
}

export function selectCommitments(db: Db, caps: DialectCapabilities, workspaceId: string, f: CommitmentFilter) {
  let q = filtered(db, caps, workspaceId, f).selectAll();
  if (f.before) {
    const { madeOn, id } = f.before;
    q = q.where((eb) => eb.or([eb('made_on', '<', madeOn), eb.and([eb('made_on', '=', madeOn), eb('id', '<', id)])]));
  }
  return q.orderBy('made_on', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
}

export async function countCommitments(
  db: Db,
  caps: DialectCapabilities,
  workspaceId: string,
  f: Omit<CommitmentFilter, 'before' | 'limit'>,
): Promise<number> {
  const r = await filtered(db, caps, workspaceId, f)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Every promise of a workspace (the exposure report reads them all). */
export const selectAllCommitments = (db: Db, workspaceId: string) =>
  db
    .selectFrom('commitments')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('made_on')
    .orderBy('id')
    .execute();

/** The promises linked to any deal, with just what the unscoped rule reads. */
export const selectDealCommitments = (db: Db, workspaceId: string) =>
  db
    .selectFrom('commitments')
    .select(['deal_id', 'status', 'due_date'])
    .where('workspace_id', '=', workspaceId)
    .where('deal_id', 'is not', null)
    .execute();

export const findCommitment = (db: Db, workspaceId: string, id: string) =>
  db
    .selectFrom('commitments')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

export const insertCommitments = (db: Db, rows: CommitmentTable[]) =>
  db.insertInto('commitments').values(rows).execute();

export const updateCommitmentRow = (db: Db, workspaceId: string, id: string, patch: Partial<CommitmentTable>) =>
  db.updateTable('commitments').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();

export const deleteCommitmentRow = (db: Db, workspaceId: string, id: string) =>
  db.deleteFrom('commitments').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();

export const insertStatusChanges = (db: Db, rows: CommitmentStatusChangeTable[]) =>
  db.insertInto('commitment_status_changes').values(rows).execute();

export const selectStatusChanges = (db: Db, workspaceId: string, commitmentId: string) =>
  db
    .selectFrom('commitment_status_changes')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('commitment_id', '=', commitmentId)
    .orderBy('changed_at')
    .orderBy('id')
    .execute();
