/**
 * Applies one batch of imported usage rows (inside the batch's transaction): each row once per source and key.
 * A new row adds its events to the rollups; a changed row takes its earlier contribution back and adds the new
 * one; an identical row changes nothing. A key seen twice in the same run is a duplicate row, refused.
 */
import type { Db } from '../../../platform/db/database.ts';
import { nowIso } from '../../../platform/ids.ts';
import type { BatchOutcome, RowError } from '../../../platform/imports/import-run.ts';
import { addRollupCounts } from '../adoption/rollup.store.ts';
import type { FeatureRollup, UserRollup } from '../adoption/rollup.ts';
import type { AccountResolver } from './account-refs.ts';
import * as store from './usage-import.store.ts';
import type { UsageImportRowTable } from './usage-import.table.ts';
import type { UsageRowRecord } from './usage-rows.ts';

export interface UsageBatchContext {
  workspaceId: string;
  source: string;
  runId: string;
  accounts: AccountResolver;
  /** subscription id → the source's account reference. */
  subscriptions?: ReadonlyMap<string, string>;
  /**
   * Keys seen by earlier batches of this run, for dry runs only: their batches roll back, so the run id on the
   * stored rows cannot tell a repeated key (a real run keeps no such set: memory stays flat).
   */
  seenInDryRun?: Set<string>;
}

const same = (a: UsageImportRowTable, b: UsageImportRowTable) =>
  a.account_id === b.account_id &&
  a.day === b.day &&
  a.feature === b.feature &&
  a.user_key === b.user_key &&
  Number(a.events) === Number(b.events) &&
  (a.duration_secs === null ? null : Number(a.duration_secs)) === b.duration_secs;

/** Sums signed contributions per rollup key. */
class Deltas {
  readonly features = new Map<string, FeatureRollup>();
  readonly users = new Map<string, UserRollup>();
  add(row: UsageImportRowTable, sign: 1 | -1): void {
    const fk = JSON.stringify([row.account_id, row.day, row.feature]);
    const f = this.features.get(fk) ?? { account_id: row.account_id, day: row.day, feature: row.feature, events: 0 };
    f.events += sign * Number(row.events);
    this.features.set(fk, f);
    if (!row.user_key) return;
    const uk = JSON.stringify([row.account_id, row.day, row.user_key]);
    const u = this.users.get(uk) ?? { account_id: row.account_id, day: row.day, user_key: row.user_key, events: 0 };
    u.events += sign * Number(row.events);
    this.users.set(uk, u);
  }
  /** Keys in order (concurrent writers lock rows in the same order), nothing that adds up to zero. */
  sorted<T extends { events: number }>(m: Map<string, T>): T[] {
    return [...m.entries()]
      .filter(([, v]) => v.events !== 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, v]) => v);
  }
}

export async function applyUsageBatch(
  db: Db,
  ctx: UsageBatchContext,
  batch: Array<{ row: number; record: UsageRowRecord }>,
): Promise<BatchOutcome> {
  const errors: RowError[] = [];
  const refOf = new Map<number, string>();
  for (const { row, record } of batch) {
    const ref = record.account ?? (record.subscription ? ctx.subscriptions?.get(record.subscription) : undefined);
    if (ref) refOf.set(row, ref);
    else
      errors.push({
        row,
        field: 'subscription',
        reason: `subscription "${record.subscription}" is not in the subscriptions file`,
      });
  }
  const accounts = await ctx.accounts.resolve(db, refOf.values());
  const existing = new Map(
    (await store.selectImportRows(db, ctx.workspaceId, ctx.source, [...new Set(batch.map((b) => b.record.key))])).map(
      (r) => [r.row_key, r],
    ),
  );
  const at = nowIso();
  const deltas = new Deltas();
  const writes = new Map<string, UsageImportRowTable>();
  const seen = new Set<string>();
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  for (const { row, record } of batch) {
    const ref = refOf.get(row);
    if (ref === undefined) continue;
    const accountId = accounts.get(ref);
    if (!accountId) {
      errors.push({
        row,
        field: record.account ? 'account' : 'subscription',
        reason: `no account matches "${ref}" (by Baton id, CRM id, domain or name): import the accounts first`,
      });
      continue;
    }
    const before = existing.get(record.key);
    if (seen.has(record.key) || before?.run_id === ctx.runId || ctx.seenInDryRun?.has(record.key)) {
      errors.push({
        row,
        field: 'id',
        reason: `"${record.key}" appears more than once in the file: the first row counts`,
      });
      continue;
    }
    seen.add(record.key);
    const next: UsageImportRowTable = {
      workspace_id: ctx.workspaceId,
      source: ctx.source,
      row_key: record.key,
      account_id: accountId,
      day: record.day,
      feature: record.feature,
      user_key: record.user,
      events: record.events,
      duration_secs: record.durationSecs,
      run_id: ctx.runId,
      updated_at: at,
    };
    if (before && same(before, next)) {
      unchanged += 1;
      continue;
    }
    if (before) {
      deltas.add(before, -1);
      updated += 1;
    } else created += 1;
    deltas.add(next, 1);
    writes.set(record.key, next);
  }
  for (const key of ctx.seenInDryRun ? seen : []) ctx.seenInDryRun?.add(key);
  const untouched = [...seen].filter((k) => !writes.has(k));
  await store.upsertImportRows(
    db,
    [...writes.values()].sort((a, b) => (a.row_key < b.row_key ? -1 : 1)),
  );
  await store.touchImportRows(db, ctx.workspaceId, ctx.source, untouched, ctx.runId);
  await addRollupCounts(db, ctx.workspaceId, deltas.sorted(deltas.features), deltas.sorted(deltas.users));
  return { created, updated, unchanged, errors };
}
