/** Writes the demo's subscriptions through the revenue module, and lets their seats reach adoption where usage set none. */
import { accountMatcher, applySubscriptionBatch, feedSeats } from '../modules/revenue/index.ts';
import type { Db } from '../platform/db/database.ts';
import type { DemoData } from './demo.ts';
import type { Random } from './random.ts';
import { demoSubscriptions } from './revenue.ts';

export async function writeDemoRevenue(
  db: Db,
  ctx: { workspaceId: string; data: DemoData; today: Date },
  rng: Random,
): Promise<{ subscriptions: number }> {
  const records = demoSubscriptions(ctx.data.accounts, ctx.today, rng);
  const matcher = await accountMatcher(db, ctx.workspaceId);
  const result = await applySubscriptionBatch(
    db,
    { workspaceId: ctx.workspaceId, matcher },
    records.map((record, i) => ({ row: i + 1, record })),
  );
  await feedSeats(db, ctx.workspaceId, result.accounts, ctx.today.toISOString().slice(0, 10));
  return { subscriptions: result.created };
}
