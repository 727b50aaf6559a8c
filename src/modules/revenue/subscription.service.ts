/** Subscriptions stored and read: upserts by source + external id (re-running changes nothing), and their views. */
import { createHash } from 'node:crypto';
import type { Db } from '../../platform/db/database.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import type { BatchOutcome, RowError } from '../../platform/imports/import-run.ts';
import type { AccountMatcher } from './account-match.service.ts';
import type { Subscription, SubscriptionSource } from './subscription.ts';
import * as store from './subscription.store.ts';
import { publish } from '../../platform/events/domain-events.ts';

/** A subscription as a source gives it (a file's row, a Stripe subscription), before it is stored. */
export interface SubscriptionRecord {
  source: SubscriptionSource;
  externalId: string;
  accountRef: string | null;
  accountName: string | null;
  start: string;
  end: string | null;
  arrCents: number;
  mrrCents: number | null;
  seats: number | null;
  plan: string | null;
  trial: boolean;
  currency: string;
  billingPeriod: string | null;
  autoRenew: boolean | null;
  renewsOn: string | null;
  status: string | null;
}

const flag = (v: boolean | null): number | null => (v === null ? null : v ? 1 : 0);
const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

export function toSubscription(r: store.SubscriptionRow): Subscription {
  return {
    id: r.id,
    source: r.source as SubscriptionSource,
    externalId: r.external_id,
    accountId: r.account_id,
    accountRef: r.account_ref,
    accountName: r.account_name,
    start: r.start_date,
    end: r.end_date,
    arrCents: Number(r.arr_cents),
    mrrCents: num(r.mrr_cents),
    seats: r.seats === null ? null : Number(r.seats),
    plan: r.plan,
    trial: Boolean(Number(r.is_trial)),
    currency: r.currency,
    billingPeriod: r.billing_period,
    autoRenew: r.auto_renew === null ? null : Boolean(Number(r.auto_renew)),
    renewsOn: r.renews_on,
    status: r.status,
    lastInvoice:
      r.last_invoice_status && r.last_invoice_at
        ? { status: r.last_invoice_status as 'paid' | 'payment_failed', at: r.last_invoice_at }
        : null,
    updatedAt: r.updated_at,
  };
}

const columnsOf = (r: SubscriptionRecord) => ({
  account_ref: r.accountRef,
  account_name: r.accountName,
  start_date: r.start,
  end_date: r.end,
  arr_cents: r.arrCents,
  mrr_cents: r.mrrCents,
  seats: r.seats,
  plan: r.plan,
  is_trial: r.trial ? 1 : 0,
  currency: r.currency,
  billing_period: r.billingPeriod,
  auto_renew: flag(r.autoRenew),
  renews_on: r.renewsOn,
  status: r.status,
});

const hashOf = (r: SubscriptionRecord): string =>
  createHash('sha256')
    .update(JSON.stringify(columnsOf(r)))
    .digest('hex')
    .slice(0, 32);

export interface SubscriptionBatchResult extends BatchOutcome {
  /** Accounts whose subscriptions changed (their seats and figures follow). */
  accounts: Set<string>;
  /** Subscriptions stored without an account, waiting for it. */
  waiting: number;
}

/**
 * Stores a batch of subscriptions keyed by source + external id: a new one is created, a changed one updated, an
 * identical one left alone. Each finds its account through `matcher`; one whose account is unknown is kept, waiting,
 * and matched when the account appears. `sourceUpdatedAt`, when given, is when the source's state was taken.
 */
export async function applySubscriptionBatch(
  db: Db,
  ctx: { workspaceId: string; matcher: AccountMatcher; sourceUpdatedAt?: string | null },
  batch: ReadonlyArray<{ row: number; record: SubscriptionRecord }>,
): Promise<SubscriptionBatchResult> {
  const out: SubscriptionBatchResult = {
    created: 0,
    updated: 0,
    unchanged: 0,
    errors: [],
    accounts: new Set(),
    waiting: 0,
  };
  if (batch.length === 0) return out;
  const { workspaceId } = ctx;
  const errors: RowError[] = [];
  const bySource = new Map<string, store.SubscriptionRow>();
  for (const source of new Set(batch.map((b) => b.record.source))) {
    const ids = batch.filter((b) => b.record.source === source).map((b) => b.record.externalId);
    for (const row of await store.selectByExternalIds(db, workspaceId, source, [...new Set(ids)]))
      bySource.set(`${source}\u0000${row.external_id}`, row);
  }
  const accounts = await ctx.matcher.match(
    db,
    batch.map((b) => ({ refs: [b.record.accountRef], name: b.record.accountName })),
  );
  const now = nowIso();
  const inserts = new Map<string, Parameters<typeof store.insertSubscriptions>[1][number]>();
  batch.forEach(({ record }, i) => {
    const key = `${record.source}\u0000${record.externalId}`;
    const existing = bySource.get(key);
    const accountId = accounts[i] ?? existing?.account_id ?? null;
    const hash = hashOf(record);
    if (accountId === null) out.waiting += 1;
    if (existing) {
      if (existing.content_hash === hash && existing.account_id === accountId) {
        out.unchanged += 1;
        return;
      }
      const patch = { ...columnsOf(record), account_id: accountId, content_hash: hash, updated_at: now };
      Object.assign(existing, patch);
      inserts.set(key, existing); // updated below, after the inserts
      out.updated += 1;
      if (accountId) out.accounts.add(accountId);
      return;
    }
    const row = {
      id: newId(),
      workspace_id: workspaceId,
      source: record.source,
      external_id: record.externalId,
      account_id: accountId,
      ...columnsOf(record),
      last_invoice_status: null,
      last_invoice_at: null,
      source_updated_at: ctx.sourceUpdatedAt ?? null,
      content_hash: hash,
      created_at: now,
      updated_at: now,
    };
    // A file naming one subscription twice: its last row stands.
    if (inserts.has(key)) out.created -= 1;
    inserts.set(key, row);
    out.created += 1;
    if (accountId) out.accounts.add(accountId);
  });
  const fresh = [...inserts.values()].filter((r) => !bySource.has(`${r.source}\u0000${r.external_id}`));
  await store.insertSubscriptions(db, fresh);
  for (const r of inserts.values()) {
    if (!bySource.has(`${r.source}\u0000${r.external_id}`)) continue;
    const { id, workspace_id: _w, source: _s, external_id: _e, created_at: _c, ...patch } = r;
    await store.updateSubscription(db, workspaceId, id, {
      ...patch,
      source_updated_at: ctx.sourceUpdatedAt ?? r.source_updated_at,
    });
  }
  out.errors = errors;
  if (out.accounts.size > 0)
    await publish(db, 'revenue.subscriptions-changed', { workspaceId, accountIds: [...out.accounts] });
  return out;
}

/** Every subscription of the workspace (or of some accounts), as the figures read them. */
export async function listSubscriptions(
  db: Db,
  workspaceId: string,
  filter: { accountIds?: readonly string[] } = {},
): Promise<Subscription[]> {
  return (await store.selectSubscriptions(db, workspaceId, filter)).map(toSubscription);
}
