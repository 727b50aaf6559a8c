/**
 * Stripe events applied (one per delivery, in the caller's transaction): each event id once, never an older state
 * over a newer one (a customer's or subscription's state carries the time of the event that brought it). A customer
 * finds its account by the Baton account id in its metadata, a Stripe customer id an import recorded, or its email
 * domain; otherwise it waits, listed, with its subscriptions, until the account appears.
 */
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { Db } from '../../../platform/db/database.ts';
import { nowIso } from '../../../platform/ids.ts';
import { accountMatcher, type AccountMatcher } from '../account-match.service.ts';
import { feedSeats } from '../seats.service.ts';
import { applySubscriptionBatch } from '../subscription.service.ts';
import * as subscriptions from '../subscription.store.ts';
import type { StripeCustomer, StripeEvent } from './stripe.mapper.ts';
import * as store from './stripe.store.ts';

export interface StripeOutcome {
  outcome: 'applied' | 'ignored' | 'duplicate';
  detail: string;
}

const domainOf = (email: string | null): string | null => email?.split('@')[1]?.toLowerCase() ?? null;

/** The account a customer belongs to: metadata id, then the customer id an import recorded, then email domain. */
async function matchCustomer(
  db: Db,
  matcher: AccountMatcher,
  c: Pick<StripeCustomer, 'id' | 'email' | 'metadataAccount'>,
) {
  const [accountId] = await matcher.match(db, [{ refs: [c.metadataAccount, c.id, domainOf(c.email)] }]);
  return accountId ?? null;
}

/** Sets a customer's account and its Stripe subscriptions' with it; their seats follow. */
async function linkCustomer(db: Db, workspaceId: string, customerId: string, accountId: string, at: string) {
  await store.updateCustomer(db, workspaceId, customerId, { account_id: accountId, updated_at: at });
  await subscriptions.setAccountOfCustomer(db, workspaceId, customerId, accountId, at);
  await feedSeats(db, workspaceId, [accountId]);
}

async function applyCustomer(db: Db, workspaceId: string, e: StripeEvent, c: StripeCustomer): Promise<StripeOutcome> {
  const existing = await store.findCustomer(db, workspaceId, c.id);
  if (existing?.source_updated_at && existing.source_updated_at > e.occurredAt)
    return {
      outcome: 'ignored',
      detail: `out of order: a newer state (${existing.source_updated_at}) was already applied`,
    };
  const now = nowIso();
  const fields = {
    email: c.email,
    name: c.name,
    metadata_account: c.metadataAccount,
    source_updated_at: e.occurredAt,
    updated_at: now,
  };
  if (existing) await store.updateCustomer(db, workspaceId, c.id, fields);
  else
    await store.insertCustomer(db, {
      workspace_id: workspaceId,
      customer_id: c.id,
      account_id: null,
      created_at: now,
      ...fields,
    });
  const accountId = (await matchCustomer(db, await accountMatcher(db, workspaceId), c)) ?? existing?.account_id ?? null;
  if (!accountId)
    return {
      outcome: 'applied',
      detail: 'customer kept: no account matches it yet (metadata, customer id or email domain)',
    };
  if (accountId !== existing?.account_id) {
    await linkCustomer(db, workspaceId, c.id, accountId, now);
    await recordAudit(db, {
      workspaceId,
      actor: { type: 'system', id: null, label: 'stripe webhook' },
      action: 'revenue.stripe_customer_matched',
      entityType: 'account',
      entityId: accountId,
      after: { customer: c.id, email: c.email },
    });
  }
  return { outcome: 'applied', detail: `customer of account ${accountId}` };
}

async function applySubscription(
  db: Db,
  workspaceId: string,
  e: StripeEvent,
  command: Extract<StripeEvent['command'], { kind: 'subscription' }>,
): Promise<StripeOutcome> {
  const [existing] = await subscriptions.selectByExternalIds(db, workspaceId, 'stripe', [command.record.externalId]);
  if (existing?.source_updated_at && existing.source_updated_at > e.occurredAt)
    return {
      outcome: 'ignored',
      detail: `out of order: a newer state (${existing.source_updated_at}) was already applied`,
    };
  let customer = await store.findCustomer(db, workspaceId, command.customerId);
  if (!customer) {
    // Heard of through its subscription first: kept, waiting, until its customer event or its account comes.
    const now = nowIso();
    const accountId = await matchCustomer(db, await accountMatcher(db, workspaceId), {
      id: command.customerId,
      email: null,
      metadataAccount: null,
    });
    await store.insertCustomer(db, {
      workspace_id: workspaceId,
      customer_id: command.customerId,
      account_id: accountId,
      email: null,
      name: null,
      metadata_account: null,
      source_updated_at: null,
      created_at: now,
      updated_at: now,
    });
    customer = await store.findCustomer(db, workspaceId, command.customerId);
  }
  const accountId = customer?.account_id ?? null;
  const matcher: AccountMatcher = { match: async (_db, clues) => clues.map(() => accountId) };
  let record = command.record;
  const day = e.occurredAt.slice(0, 10);
  const priced =
    existing && (Number(existing.arr_cents) !== record.arrCents || Boolean(Number(existing.is_trial)) !== record.trial);
  const split = Boolean(
    existing && priced && existing.start_date < day && (existing.end_date === null || existing.end_date > day),
  );
  if (existing && split) {
    // A new price, quantity or the end of a trial: the earlier state keeps its ARR until the day of the change, so
    // the change shows as a movement then instead of rewriting the past.
    await subscriptions.updateSubscription(db, workspaceId, existing.id, {
      external_id: `${existing.external_id}@${e.occurredAt}`,
      end_date: day,
      updated_at: nowIso(),
    });
    record = { ...record, start: record.start > day ? record.start : day };
  }
  const result = await applySubscriptionBatch(db, { workspaceId, matcher, sourceUpdatedAt: e.occurredAt }, [
    { row: 1, record },
  ]);
  if (result.unchanged && existing)
    await subscriptions.updateSubscription(db, workspaceId, existing.id, { source_updated_at: e.occurredAt });
  if (accountId) await feedSeats(db, workspaceId, [accountId]);
  const what = split
    ? `updated (the earlier state counts until ${day})`
    : result.created
      ? 'created'
      : result.updated
        ? 'updated'
        : 'no change';
  return {
    outcome: 'applied',
    detail: `subscription ${what}${accountId ? '' : ': its customer waits for an account'}`,
  };
}

async function applyInvoice(
  db: Db,
  workspaceId: string,
  e: StripeEvent,
  command: Extract<StripeEvent['command'], { kind: 'invoice' }>,
): Promise<StripeOutcome> {
  if (!command.subscriptionId) return { outcome: 'ignored', detail: 'the invoice belongs to no subscription' };
  const [sub] = await subscriptions.selectByExternalIds(db, workspaceId, 'stripe', [command.subscriptionId]);
  if (!sub) return { outcome: 'ignored', detail: `subscription ${command.subscriptionId} is not known to Baton yet` };
  if (sub.last_invoice_at && sub.last_invoice_at > e.occurredAt)
    return {
      outcome: 'ignored',
      detail: `out of order: a newer invoice (${sub.last_invoice_at}) was already recorded`,
    };
  await subscriptions.updateSubscription(db, workspaceId, sub.id, {
    last_invoice_status: command.status,
    last_invoice_at: e.occurredAt,
  });
  return { outcome: 'applied', detail: `invoice ${command.status === 'paid' ? 'paid' : 'payment failed'}` };
}

/** Applies one event once (a repeat is a duplicate), recording it with its outcome. */
export async function applyStripeEvent(db: Db, workspaceId: string, e: StripeEvent): Promise<StripeOutcome> {
  if (await store.findEvent(db, workspaceId, e.id))
    return { outcome: 'duplicate', detail: 'this event was already received' };
  const c = e.command;
  const result =
    c.kind === 'customer'
      ? await applyCustomer(db, workspaceId, e, c.customer)
      : c.kind === 'subscription'
        ? await applySubscription(db, workspaceId, e, c)
        : c.kind === 'invoice'
          ? await applyInvoice(db, workspaceId, e, c)
          : { outcome: 'ignored' as const, detail: c.reason };
  await store.insertEvent(db, {
    workspace_id: workspaceId,
    event_id: e.id,
    type: e.type,
    object_id: e.objectId,
    occurred_at: e.occurredAt,
    received_at: nowIso(),
    outcome: result.outcome,
    detail: result.detail.slice(0, 2000),
  });
  return result;
}

/** Stripe customers with no account yet, oldest first. */
export async function waitingCustomers(db: Db, workspaceId: string) {
  return (await store.selectWaitingCustomers(db, workspaceId)).map((c) => ({
    customerId: c.customer_id,
    email: c.email,
    name: c.name,
    metadataAccount: c.metadata_account,
    since: c.created_at,
  }));
}

/** Matches waiting customers and file subscriptions again (accounts appeared); answers how many found theirs. */
export async function rematchWaiting(
  db: Db,
  workspaceId: string,
  today?: string,
): Promise<{ customers: number; subscriptions: number }> {
  const matcher = await accountMatcher(db, workspaceId);
  const now = nowIso();
  let customers = 0;
  for (const c of await store.selectWaitingCustomers(db, workspaceId)) {
    const accountId = await matchCustomer(db, matcher, {
      id: c.customer_id,
      email: c.email,
      metadataAccount: c.metadata_account,
    });
    if (!accountId) continue;
    await linkCustomer(db, workspaceId, c.customer_id, accountId, now);
    customers += 1;
  }
  const waiting = (await subscriptions.selectWaitingSubscriptions(db, workspaceId)).filter(
    (s) => s.source !== 'stripe',
  );
  const found = await matcher.match(
    db,
    waiting.map((s) => ({ refs: [s.account_ref], name: s.account_name })),
  );
  const byAccount = new Map<string, string[]>();
  waiting.forEach((s, i) => {
    const accountId = found[i];
    if (accountId) byAccount.set(accountId, [...(byAccount.get(accountId) ?? []), s.id]);
  });
  for (const [accountId, ids] of byAccount) await subscriptions.setAccountOf(db, workspaceId, ids, accountId, now);
  await feedSeats(db, workspaceId, byAccount.keys(), today);
  return { customers, subscriptions: [...byAccount.values()].reduce((n, ids) => n + ids.length, 0) };
}
