/** Licensed seats and adoption numbers of accounts, from the daily usage rollups. */
import { accountNamesById, getAccount } from '../../accounts/index.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { Actor, Scope } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { nowIso } from '../../../platform/ids.ts';
import {
  type AdoptionNumbers,
  addDays,
  type Entitlement,
  adoptionNumbers,
  type DailyPoint,
  numbersFromAggregates,
  dailySeries,
  WINDOW_DAYS,
} from './adoption.ts';
import * as store from './rollup.store.ts';
import { entitledFeatures, featureOfEvent } from '../catalogue/catalogue.ts';
import { accountPlans, loadCatalogue } from '../catalogue/catalogue.service.ts';

export interface Seats {
  accountId: string;
  seats: number | null;
  updatedAt: string | null;
}

/** Sets (or, with null, clears) an account's licensed seats, audited. */
export async function setSeats(
  db: Db,
  actor: Actor,
  scope: Scope,
  accountId: string,
  seats: number | null,
): Promise<Seats> {
  await getAccount(db, scope, accountId);
  const before = await store.findSeats(db, scope.workspaceId, accountId);
  const at = nowIso();
  if (seats === null) await store.deleteSeats(db, scope.workspaceId, accountId);
  else await store.upsertSeats(db, { workspace_id: scope.workspaceId, account_id: accountId, seats, updated_at: at });
  await recordAudit(db, {
    workspaceId: scope.workspaceId,
    actor,
    action: 'usage.seats_set',
    entityType: 'account',
    entityId: accountId,
    before: { seats: before?.seats ?? null },
    after: { seats },
  });
  return { accountId, seats, updatedAt: seats === null ? null : at };
}

/** Each account's entitlement when the workspace keeps a feature catalogue; undefined without one. */
async function entitlementsOf(db: Db, workspaceId: string): Promise<((accountId: string) => Entitlement) | undefined> {
  const catalogue = await loadCatalogue(db, workspaceId);
  if (catalogue.features.size === 0) return undefined;
  const plans = await accountPlans(db, workspaceId);
  const featureOf = (event: string) => featureOfEvent(catalogue, event);
  return (accountId) => ({ featureOf, entitled: entitledFeatures(catalogue, plans.get(accountId) ?? null) });
}

export interface AccountAdoption extends AdoptionNumbers {
  accountId: string;
  day: string;
  daily: DailyPoint[];
}

export const todayUtc = (): string => new Date().toISOString().slice(0, 10);

/** One account's adoption numbers on `day` (over 30 days), with its daily series over the last `days` days (30 by default). */
export async function accountAdoption(
  db: Db,
  scope: Scope,
  accountId: string,
  day: string,
  days: number = WINDOW_DAYS,
): Promise<AccountAdoption> {
  await getAccount(db, scope, accountId);
  const from = addDays(day, -(Math.max(days, WINDOW_DAYS) - 1));
  const features = await store.selectFeatureRows(db, scope.workspaceId, accountId, from, day);
  const users = await store.selectUserRows(db, scope.workspaceId, accountId, from, day);
  const seats = (await store.findSeats(db, scope.workspaceId, accountId))?.seats ?? null;
  const f = features.map((r) => ({ day: r.day, feature: r.feature, events: Number(r.events) }));
  const u = users.map((r) => ({ day: r.day, user_key: r.user_key, events: Number(r.events) }));
  const entitlement = (await entitlementsOf(db, scope.workspaceId))?.(accountId);
  return { accountId, day, ...adoptionNumbers(day, f, u, seats, entitlement), daily: dailySeries(day, f, u, days) };
}

export const PORTFOLIO_SORTS = ['adoptionRate', 'mau', 'featureBreadth', 'concentration', 'trend'] as const;
export type PortfolioSort = (typeof PORTFOLIO_SORTS)[number];

export interface PortfolioRow extends AdoptionNumbers {
  accountId: string;
  accountName: string;
}

/** Names in the order `localeCompare` gives, with one collator for the whole sort. */
const byName = new Intl.Collator();

const sortValue = (r: PortfolioRow, sort: PortfolioSort): number | null =>
  sort === 'adoptionRate'
    ? r.adoptionRate
    : sort === 'mau'
      ? r.mau
      : sort === 'featureBreadth'
        ? r.featureBreadth
        : sort === 'concentration'
          ? r.concentration
          : r.trend.changePct;

/**
 * Every visible account with usage in the 30 days ending on `day`, sorted (unknown values last, then by
 * name) and paged by offset.
 */
export async function portfolio(
  db: Db,
  scope: Scope,
  q: { day: string; sort: PortfolioSort; order: 'asc' | 'desc'; limit: number; offset: number },
): Promise<{ day: string; total: number; items: PortfolioRow[] }> {
  const from = addDays(q.day, -(WINDOW_DAYS - 1));
  // The visible accounts first: their aggregates are read one account at a time.
  const names = await accountNamesById(db, scope);
  const [usage, entitlement] = await Promise.all([
    store.selectAdoptionAggregates(db, scope.workspaceId, [...names.keys()], from, q.day),
    entitlementsOf(db, scope.workspaceId),
  ]);
  const rows: PortfolioRow[] = [];
  for (const [id, a] of usage) {
    rows.push({
      accountId: id,
      accountName: names.get(id) as string,
      ...numbersFromAggregates(a, a.seats, entitlement?.(id)),
    });
  }
  const dir = q.order === 'asc' ? 1 : -1;
  rows.sort((a, b) => {
    const x = sortValue(a, q.sort);
    const y = sortValue(b, q.sort);
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      return (x - y) * dir;
    }
    return byName.compare(a.accountName, b.accountName) || (a.accountId < b.accountId ? -1 : 1);
  });
  return { day: q.day, total: rows.length, items: rows.slice(q.offset, q.offset + q.limit) };
}
