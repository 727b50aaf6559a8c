/** Queries of Stripe customers and events, always within one workspace. */
import type { Selectable } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { RevenueStripeCustomerTable, RevenueStripeEventTable } from '../revenue.table.ts';

export type CustomerRow = Selectable<RevenueStripeCustomerTable>;

export const findCustomer = (db: Db, workspaceId: string, customerId: string) =>
  db
    .selectFrom('revenue_stripe_customers')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('customer_id', '=', customerId)
    .executeTakeFirst();

export const insertCustomer = (db: Db, row: RevenueStripeCustomerTable) =>
  db.insertInto('revenue_stripe_customers').values(row).execute();

export const updateCustomer = (
  db: Db,
  workspaceId: string,
  customerId: string,
  patch: Partial<RevenueStripeCustomerTable>,
) =>
  db
    .updateTable('revenue_stripe_customers')
    .set(patch)
    .where('workspace_id', '=', workspaceId)
    .where('customer_id', '=', customerId)
    .execute();

export const selectWaitingCustomers = (db: Db, workspaceId: string) =>
  db
    .selectFrom('revenue_stripe_customers')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('account_id', 'is', null)
    .orderBy('created_at')
    .orderBy('customer_id')
    .execute();

export const findEvent = (db: Db, workspaceId: string, eventId: string) =>
  db
    .selectFrom('revenue_stripe_events')
    .select(['event_id', 'outcome'])
    .where('workspace_id', '=', workspaceId)
    .where('event_id', '=', eventId)
    .executeTakeFirst();

export const insertEvent = (db: Db, row: RevenueStripeEventTable) =>
  db.insertInto('revenue_stripe_events').values(row).execute();

export const selectRecentEvents = (db: Db, workspaceId: string, limit: number) =>
  db
    .selectFrom('revenue_stripe_events')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('received_at', 'desc')
    .orderBy('event_id', 'desc')
    .limit(limit)
    .execute();
