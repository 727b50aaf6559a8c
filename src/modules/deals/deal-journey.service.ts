/**
 * The moves of a deal's journey that matter beyond the deals module: a deal passed the closed-won guard (it enters
 * the post-sale journey), or the CRM took a confirmed deal back. Announced as events (`deal.events.ts`) in the
 * transaction of the change that made them, so what they cause (a handoff brief) commits with the deal or not at all.
 */
import type { Db } from '../../platform/db/database.ts';
import { publish } from '../../platform/events/domain-events.ts';
import type { JourneyState } from './deal.ts';
import type { ConfirmedDeal, ReopenedDeal } from './deal.events.ts';
import type { DealTable } from './deal.table.ts';

/** A deal whose journey state changed, with what the events tell of it. */
export interface JourneyMove {
  dealId: string;
  from: string | null;
  to: string;
  name: string;
  accountId: string | null;
  stage: string;
  amount: number | null;
  currency: string | null;
  partnerName: string | null;
}

/** A change that matters beyond the deal itself: it entered the journey, or the CRM took it back. */
export const isJourneyEvent = (from: string | null, to: JourneyState): boolean =>
  from !== to && (to === 'confirmed' || to === 'reopened');

export const journeyMoveOf = (
  dealId: string,
  from: string | null,
  f: Pick<DealTable, 'name' | 'account_id' | 'journey_state' | 'stage' | 'amount' | 'currency' | 'partner_name'>,
): JourneyMove => ({
  dealId,
  from,
  to: f.journey_state,
  name: f.name,
  accountId: f.account_id,
  stage: f.stage,
  amount: f.amount,
  currency: f.currency,
  partnerName: f.partner_name,
});

/** Publishes the deals confirmed and the deals reopened among the moves of one change (none: nothing published). */
export async function announceJourneyMoves(db: Db, workspaceId: string, moves: readonly JourneyMove[]): Promise<void> {
  const confirmed: ConfirmedDeal[] = [];
  const reopened: ReopenedDeal[] = [];
  for (const m of moves) {
    if (m.to === m.from) continue;
    if (m.to === 'confirmed')
      confirmed.push({ dealId: m.dealId, name: m.name, accountId: m.accountId, partnerName: m.partnerName });
    else if (m.to === 'reopened')
      reopened.push({
        dealId: m.dealId,
        name: m.name,
        accountId: m.accountId,
        stage: m.stage,
        amount: m.amount,
        currency: m.currency,
      });
  }
  if (confirmed.length > 0) await publish(db, 'deals.confirmed', { workspaceId, deals: confirmed });
  if (reopened.length > 0) await publish(db, 'deals.reopened', { workspaceId, deals: reopened });
}
