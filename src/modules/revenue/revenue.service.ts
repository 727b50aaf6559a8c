/**
 * The revenue figures a page or the command line shows, read from the stored subscriptions through the pure rules:
 * ARR on a day, monthly movements, retention with cohorts and the waterfall, and upcoming renewals. Every figure
 * is in one currency (the workspace's reporting currency); subscriptions in another are counted apart and named.
 */
import { listAccounts } from '../accounts/index.ts';
import type { DialectCapabilities } from '../../platform/db/capabilities.ts';
import type { Db } from '../../platform/db/database.ts';
import { readSetting } from '../../platform/settings/settings.service.ts';
import { arrByAccount, totalOf } from './arr.ts';
import { mixedCurrencyNote, reportingCurrency, splitByCurrency } from './currency.ts';
import { type MonthMovements, monthlyMovements } from './movements.ts';
import { accountRenewals, type RenewalBasis } from './renewals.ts';
import {
  type CohortRetention,
  cohortRetention,
  type Retention,
  retention,
  type Waterfall,
  waterfall,
} from './retention.ts';
import { revenueSettings } from './revenue.settings.ts';
import { listSubscriptions } from './subscription.service.ts';
import { selectSubscriptionCurrencies } from './subscription.store.ts';
import { fromCents, type Subscription } from './subscription.ts';

/** The subscriptions the figures count, in the reporting currency, and those left out. */
export interface Book {
  currency: string;
  subscriptions: Subscription[];
  mixedCurrencies: boolean;
  excluded: Array<{ currency: string; subscriptions: number }>;
  /** A sentence saying what was left out, or null. */
  note: string | null;
}

export async function loadBook(db: Db, workspaceId: string): Promise<Book> {
  const all = await listSubscriptions(db, workspaceId);
  const setting = (await readSetting(db, workspaceId, revenueSettings)).currency;
  const split = splitByCurrency(
    all,
    reportingCurrency(
      setting,
      all.map((s) => s.currency),
    ),
  );
  return {
    currency: split.currency,
    subscriptions: split.counted,
    mixedCurrencies: split.excluded.length > 0,
    excluded: split.excluded,
    note: mixedCurrencyNote(split),
  };
}

export interface AccountInfo {
  name: string;
  domain: string | null;
  renewalDate: string | null;
}

/** Every account of the workspace by id, read page by page through the accounts module. */
export async function accountDirectory(db: Db, caps: DialectCapabilities, workspaceId: string) {
  const out = new Map<string, AccountInfo>();
  let cursor: string | undefined;
  do {
    const page = await listAccounts(db, caps, { workspaceId, partnerId: null }, { limit: 200, cursor });
    for (const a of page.items) out.set(a.id, { name: a.name, domain: a.domain, renewalDate: a.renewalDate });
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/** The id a source names each account by (its subscriptions' account reference), for checking against the source. */
function externalIds(subs: readonly Subscription[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of subs) if (s.accountId && s.accountRef && !out.has(s.accountId)) out.set(s.accountId, s.accountRef);
  return out;
}

const money = (book: Book) => ({
  currency: book.currency,
  mixedCurrencies: book.mixedCurrencies,
  excludedCurrencies: book.excluded,
  note: book.note,
});

export interface ArrReport extends ReturnType<typeof money> {
  on: string;
  totalArr: number;
  accounts: Array<{
    accountId: string;
    account: string;
    externalId: string | null;
    domain: string | null;
    arr: number;
  }>;
}

/** Each account's ARR on a day, largest first, and their total. */
export async function arrReport(
  db: Db,
  caps: DialectCapabilities,
  workspaceId: string,
  on: string,
): Promise<ArrReport> {
  const book = await loadBook(db, workspaceId);
  const arr = arrByAccount(book.subscriptions, on);
  const directory = await accountDirectory(db, caps, workspaceId);
  const refs = externalIds(book.subscriptions);
  const accounts = [...arr]
    .map(([accountId, cents]) => ({
      accountId,
      account: directory.get(accountId)?.name ?? accountId,
      externalId: refs.get(accountId) ?? null,
      domain: directory.get(accountId)?.domain ?? null,
      arr: fromCents(cents),
    }))
    .sort((a, b) => b.arr - a.arr || a.account.localeCompare(b.account));
  return { on, ...money(book), totalArr: fromCents(totalOf(arr)), accounts };
}

/**
 * Some accounts' ARR on a day, in the workspace's reporting currency (the same figures as `arrReport`), reading
 * only their subscriptions: what an alert or a signal states of one account without reading the whole book.
 */
export async function accountsArrOn(
  db: Db,
  workspaceId: string,
  accountIds: readonly string[],
  on: string,
): Promise<{ currency: string; arr: Map<string, number> }> {
  const setting = (await readSetting(db, workspaceId, revenueSettings)).currency;
  const currency = setting ?? reportingCurrency(null, await selectSubscriptionCurrencies(db, workspaceId));
  const subs = splitByCurrency(await listSubscriptions(db, workspaceId, { accountIds }), currency).counted;
  return { currency, arr: new Map([...arrByAccount(subs, on)].map(([id, cents]) => [id, fromCents(cents)])) };
}

const inUnits = <T extends object>(o: T, keys: readonly (keyof T)[]): T => {
  const out = { ...o };
  for (const k of keys) (out as Record<keyof T, unknown>)[k] = fromCents(o[k] as number);
  return out;
};

const RETENTION_MONEY = ['startArr', 'expansion', 'contraction', 'churn', 'endArr'] as const;

export interface RetentionReport extends ReturnType<typeof money>, Retention {
  from: string;
  to: string;
  cohorts: CohortRetention[];
  waterfall: Waterfall;
}

export async function retentionReport(db: Db, workspaceId: string, from: string, to: string): Promise<RetentionReport> {
  const book = await loadBook(db, workspaceId);
  const subs = book.subscriptions;
  return {
    from,
    to,
    ...money(book),
    ...inUnits(retention(subs, from, to), RETENTION_MONEY),
    cohorts: cohortRetention(subs, from, to).map((c) => inUnits(c, RETENTION_MONEY)),
    waterfall: inUnits(waterfall(subs, from, to), [
      'start',
      'new',
      'reactivation',
      'expansion',
      'contraction',
      'churn',
      'end',
    ]),
  };
}

export async function movementReport(
  db: Db,
  workspaceId: string,
  fromMonth: string,
  toMonth: string,
): Promise<ReturnType<typeof money> & { months: MonthMovements[] }> {
  const book = await loadBook(db, workspaceId);
  const months = monthlyMovements(book.subscriptions, fromMonth, toMonth).map((m) => ({
    ...inUnits(m, ['new', 'expansion', 'contraction', 'churn', 'reactivation', 'startArr', 'endArr', 'net']),
    counts: m.counts,
  }));
  return { ...money(book), months };
}

export interface RenewalItem {
  accountId: string;
  account: string;
  date: string;
  /** Where the date comes from: a subscription (its current term, end or anniversary) or the account's record. */
  basis: RenewalBasis | 'account';
  arr: number;
  autoRenew: boolean | null;
  /** The last invoice of a renewing subscription failed to be paid (Stripe). */
  paymentFailed: boolean;
}

/** Accounts renewing between `today` and `withinDays` later, soonest first. */
export async function renewalReport(
  db: Db,
  caps: DialectCapabilities,
  workspaceId: string,
  today: string,
  withinDays: number,
): Promise<ReturnType<typeof money> & { today: string; withinDays: number; items: RenewalItem[] }> {
  const book = await loadBook(db, workspaceId);
  const subs = book.subscriptions;
  const last = new Date(Date.parse(`${today}T00:00:00Z`) + withinDays * 86_400_000).toISOString().slice(0, 10);
  const renewals = accountRenewals(subs, today);
  const arr = arrByAccount(subs, today);
  const directory = await accountDirectory(db, caps, workspaceId);
  const failed = new Set(subs.filter((s) => s.lastInvoice?.status === 'payment_failed').map((s) => s.id));
  const items: RenewalItem[] = [];
  for (const r of renewals.values()) {
    items.push({
      accountId: r.accountId,
      account: directory.get(r.accountId)?.name ?? r.accountId,
      date: r.date,
      basis: r.basis,
      arr: fromCents(arr.get(r.accountId) ?? r.arrCents),
      autoRenew: r.autoRenew,
      paymentFailed: r.subscriptionIds.some((id) => failed.has(id)),
    });
  }
  // Accounts no subscription renews: the renewal date recorded on the account, when there is one.
  for (const [accountId, a] of directory) {
    if (renewals.has(accountId) || !a.renewalDate || a.renewalDate < today) continue;
    items.push({
      accountId,
      account: a.name,
      date: a.renewalDate,
      basis: 'account',
      arr: fromCents(arr.get(accountId) ?? 0),
      autoRenew: null,
      paymentFailed: false,
    });
  }
  return {
    ...money(book),
    today,
    withinDays,
    items: items
      .filter((i) => i.date <= last)
      .sort((a, b) =>
        a.date < b.date ? -1 : a.date > b.date ? 1 : b.arr - a.arr || a.account.localeCompare(b.account),
      ),
  };
}
