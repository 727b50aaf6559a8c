/** Queries of subscriptions, always within one workspace. */
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { RevenueSubscriptionTable } from './revenue.table.ts';

export type SubscriptionRow = Selectable<RevenueSubscriptionTable>;

const CHUNK = 500;

export async function selectByExternalIds(
  db: Db,
  workspaceId: string,
  source: string,
  externalIds: readonly string[],
): Promise<SubscriptionRow[]> {
  const out: SubscriptionRow[] = [];
  for (let i = 0; i < externalIds.length; i += CHUNK) {
    out.push(
      ...(await db
        .selectFrom('revenue_subscriptions')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('source', '=', source)
        .where('external_id', 'in', externalIds.slice(i, i + CHUNK))
        .execute()),
    );
  }
  return out;
}

export const insertSubscriptions = async (db: Db, rows: RevenueSubscriptionTable[]) => {
  for (let i = 0; i < rows.length; i += 100)
    await db
      .insertInto('revenue_subscriptions')
      .values(rows.slice(i, i + 100))
      .execute();
};

export const updateSubscription = (db: Db, workspaceId: string, id: string, patch: Partial<RevenueSubscriptionTable>) =>
  db
    .updateTable('revenue_subscriptions')
    .set(patch)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();

/** Every subscription of a workspace, or of some accounts, oldest start first. */
export function selectSubscriptions(db: Db, workspaceId: string, filter: { accountIds?: readonly string[] } = {}) {
  let q = db.selectFrom('revenue_subscriptions').selectAll().where('workspace_id', '=', workspaceId);
  if (filter.accountIds) q = q.where('account_id', 'in', filter.accountIds.length ? filter.accountIds : ['']);
  return q.orderBy('start_date').orderBy('id').execute();
}

/** The currencies a workspace's subscriptions are in (what its reporting currency defaults from). */
export const selectSubscriptionCurrencies = async (db: Db, workspaceId: string): Promise<string[]> =>
  (
    await db
      .selectFrom('revenue_subscriptions')
      .select('currency')
      .distinct()
      .where('workspace_id', '=', workspaceId)
      .execute()
  ).map((r) => r.currency);

export const selectWaitingSubscriptions = (db: Db, workspaceId: string) =>
  db
    .selectFrom('revenue_subscriptions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('account_id', 'is', null)
    .orderBy('id')
    .execute();

export const setAccountOf = (db: Db, workspaceId: string, ids: readonly string[], accountId: string, at: string) =>
  db
    .updateTable('revenue_subscriptions')
    .set({ account_id: accountId, updated_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', ids)
    .execute();

/** Stripe subscriptions of a customer (their account follows the customer's). */
export const setAccountOfCustomer = (db: Db, workspaceId: string, customerId: string, accountId: string, at: string) =>
  db
    .updateTable('revenue_subscriptions')
    .set({ account_id: accountId, updated_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('source', '=', 'stripe')
    .where('account_ref', '=', customerId)
    .execute();

/** Workspaces holding subscriptions or customers that wait for an account. */
export async function workspacesWaiting(db: Db): Promise<string[]> {
  const subs = await db
    .selectFrom('revenue_subscriptions')
    .select('workspace_id')
    .distinct()
    .where('account_id', 'is', null)
    .execute();
  const customers = await db
    .selectFrom('revenue_stripe_customers')
    .select('workspace_id')
    .distinct()
    .where('account_id', 'is', null)
    .execute();
  return [...new Set([...subs, ...customers].map((r) => r.workspace_id))];
}
