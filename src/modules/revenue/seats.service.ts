/**
 * Subscription seats feed adoption's licensed seats (usage module) where no seats were set by hand: revenue notes
 * the time it wrote each account's seats, so seats written at any other time — by a person, or a seats import —
 * are someone's and win. Seats a person clears are fed again from the subscriptions.
 */
import { findSeats, setSeats } from '../usage/index.ts';
import type { Actor } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { countsOnOrTrial } from './arr.ts';
import { listSubscriptions } from './subscription.service.ts';

const SEATS_ACTOR: Actor = Object.freeze({ type: 'system', id: null, label: 'revenue: subscription seats' });

const feedOf = (db: Db, workspaceId: string, accountId: string) =>
  db
    .selectFrom('revenue_seat_feeds')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();

/** The seats of an account's subscriptions running on `today` (trials included: seats are access, not money). */
export function subscriptionSeats(
  subs: ReadonlyArray<Parameters<typeof countsOnOrTrial>[0] & { seats: number | null }>,
  today: string,
): number | null {
  const running = subs.filter((s) => s.seats !== null && countsOnOrTrial(s, today));
  return running.length ? running.reduce((n, s) => n + (s.seats ?? 0), 0) : null;
}

/** Gives adoption the subscription seats of these accounts as of `today`, leaving seats set by hand alone. */
export async function feedSeats(
  db: Db,
  workspaceId: string,
  accountIds: Iterable<string>,
  today = new Date().toISOString().slice(0, 10),
): Promise<{ fed: number; keptByHand: number }> {
  const ids = [...new Set(accountIds)];
  const out = { fed: 0, keptByHand: 0 };
  if (ids.length === 0) return out;
  const subs = await listSubscriptions(db, workspaceId, { accountIds: ids });
  const scope = { workspaceId, partnerId: null };
  for (const accountId of ids) {
    const wanted = subscriptionSeats(
      subs.filter((s) => s.accountId === accountId),
      today,
    );
    const current = await findSeats(db, workspaceId, accountId);
    const feed = await feedOf(db, workspaceId, accountId);
    const ours = current !== undefined && feed !== undefined && current.updated_at === feed.fed_at;
    if (current && !ours) {
      out.keptByHand += 1;
      continue;
    }
    if (wanted === null) {
      if (ours) await setSeats(db, SEATS_ACTOR, scope, accountId, null);
      if (feed)
        await db
          .deleteFrom('revenue_seat_feeds')
          .where('workspace_id', '=', workspaceId)
          .where('account_id', '=', accountId)
          .execute();
      continue;
    }
    if (ours && Number(current.seats) === wanted) continue;
    const set = await setSeats(db, SEATS_ACTOR, scope, accountId, wanted);
    const row = { workspace_id: workspaceId, account_id: accountId, seats: wanted, fed_at: set.updatedAt as string };
    await db
      .insertInto('revenue_seat_feeds')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['workspace_id', 'account_id']).doUpdateSet({ seats: row.seats, fed_at: row.fed_at }),
      )
      .execute();
    out.fed += 1;
  }
  return out;
}
