/** Queries of integration sync reports (daily counts and latest state), always within one workspace. */
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { DayCount, LatestState } from './integration-status.ts';
import type { IntegrationStatusReportTable } from './integration-status.table.ts';

/** 6 columns × 500 rows stays under both databases' bound-parameter limits. */
const ROWS_PER_UPSERT = 500;

export async function addDayCounts(db: Db, workspaceId: string, counts: readonly DayCount[]): Promise<void> {
  for (let i = 0; i < counts.length; i += ROWS_PER_UPSERT) {
    await db
      .insertInto('integration_status_daily')
      .values(
        counts.slice(i, i + ROWS_PER_UPSERT).map((c) => ({
          workspace_id: workspaceId,
          account_id: c.accountId,
          integration: c.integration,
          day: c.day,
          ok_count: c.ok,
          error_count: c.errors,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['workspace_id', 'account_id', 'integration', 'day']).doUpdateSet({
          ok_count: sql<number>`integration_status_daily.ok_count + excluded.ok_count`,
          error_count: sql<number>`integration_status_daily.error_count + excluded.error_count`,
        }),
      )
      .execute();
  }
}

/** The latest states of the given accounts (or all when null). */
export async function selectLatest(
  db: Db,
  workspaceId: string,
  accountIds: readonly string[] | null,
): Promise<LatestState[]> {
  let q = db.selectFrom('integration_status').selectAll().where('workspace_id', '=', workspaceId);
  if (accountIds !== null) {
    if (accountIds.length === 0) return [];
    q = q.where('account_id', 'in', [...accountIds]);
  }
  const rows = await q.orderBy('account_id').orderBy('integration').execute();
  return rows.map((r) => ({
    accountId: r.account_id,
    integration: r.integration,
    firstReportedAt: r.first_reported_at,
    lastReportedAt: r.last_reported_at,
    lastStatus: r.last_status as LatestState['lastStatus'],
    lastSuccessAt: r.last_success_at,
    lastErrorAt: r.last_error_at,
    lastErrorDetail: r.last_error_detail,
  }));
}

export async function upsertLatest(
  db: Db,
  workspaceId: string,
  states: readonly LatestState[],
  at: string,
): Promise<void> {
  for (const s of states) {
    const row = {
      last_status: s.lastStatus,
      last_reported_at: s.lastReportedAt,
      first_reported_at: s.firstReportedAt,
      last_success_at: s.lastSuccessAt,
      last_error_at: s.lastErrorAt,
      last_error_detail: s.lastErrorDetail,
      updated_at: at,
    };
    await db
      .insertInto('integration_status')
      .values({ workspace_id: workspaceId, account_id: s.accountId, integration: s.integration, ...row })
      .onConflict((oc) => oc.columns(['workspace_id', 'account_id', 'integration']).doUpdateSet(row))
      .execute();
  }
}

/** Daily counts of the given accounts (or all when null) for days in [from, to]. */
export async function selectDays(
  db: Db,
  workspaceId: string,
  accountIds: readonly string[] | null,
  from: string,
  to: string,
): Promise<DayCount[]> {
  let q = db
    .selectFrom('integration_status_daily')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('day', '>=', from)
    .where('day', '<=', to);
  if (accountIds !== null) {
    if (accountIds.length === 0) return [];
    q = q.where('account_id', 'in', [...accountIds]);
  }
  const rows = await q.execute();
  return rows.map((r) => ({
    accountId: r.account_id,
    integration: r.integration,
    day: r.day,
    ok: Number(r.ok_count),
    errors: Number(r.error_count),
  }));
}

export type ReportRow = IntegrationStatusReportTable;

/** 11 columns × 500 rows stays under both databases' bound-parameter limits. */
const REPORTS_PER_INSERT = 500;

/** Inserts the reports not received before (by key) and answers the keys of those inserted. */
export async function insertNewReports(db: Db, rows: readonly ReportRow[]): Promise<Set<string>> {
  const inserted = new Set<string>();
  for (let i = 0; i < rows.length; i += REPORTS_PER_INSERT) {
    const done = await db
      .insertInto('integration_status_reports')
      .values(rows.slice(i, i + REPORTS_PER_INSERT))
      .onConflict((oc) => oc.columns(['workspace_id', 'report_key']).doNothing())
      .returning('report_key')
      .execute();
    for (const r of done) inserted.add(r.report_key);
  }
  return inserted;
}

/** The accounts (as named) that reports kept aside wait for. */
export async function selectWaitingAccountRefs(db: Db, workspaceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('integration_status_reports')
    .select('account_ref')
    .distinct()
    .where('workspace_id', '=', workspaceId)
    .where('account_id', 'is', null)
    .execute();
  return rows.map((r) => r.account_ref);
}

/** Gives the reports kept aside for one account reference their account; answers those it gave one. */
export async function matchWaitingReports(
  db: Db,
  workspaceId: string,
  accountRef: string,
  accountId: string,
): Promise<ReportRow[]> {
  return db
    .updateTable('integration_status_reports')
    .set({ account_id: accountId })
    .where('workspace_id', '=', workspaceId)
    .where('account_ref', '=', accountRef)
    .where('account_id', 'is', null)
    .returningAll()
    .execute();
}

/** How many reports wait for their account. */
export async function countWaitingReports(db: Db, workspaceId: string): Promise<number> {
  const r = await db
    .selectFrom('integration_status_reports')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('account_id', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
