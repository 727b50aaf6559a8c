/**
 * Passing deals through the closed-won guard again when what it reads changes: finance confirms (or withdraws) a
 * won deal, or the workspace changes which conditions the guard asks for.
 */
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Actor } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { nowIso } from '../../platform/ids.ts';
import { type Deal, type GuardRequirements, guard, type JourneyState, type StageCategory } from './deal.ts';
import { announceJourneyMoves, isJourneyEvent, journeyMoveOf } from './deal-journey.service.ts';
import { getDeal, toDeal } from './deal.service.ts';
import * as store from './deal.store.ts';

/**
 * Records (or withdraws) finance's confirmation of a won deal and passes it through the guard again:
 * the moment a deal's last missing condition is met, it enters the post-sale journey.
 */
export async function setFinanceConfirmation(
  db: Db,
  actor: Actor,
  workspaceId: string,
  id: string,
  confirmed: boolean,
  req: GuardRequirements,
): Promise<Deal> {
  const row = await store.findDeal(db, workspaceId, id);
  if (!row) throw AppError.notFound('deal');
  const before = toDeal(row, req);
  const now = nowIso();
  const financeConfirmedAt = confirmed ? (row.finance_confirmed_at ?? now) : null;
  const g = guard(
    {
      stageCategory: row.stage_category as StageCategory,
      signedDate: row.signed_date,
      financeConfirmedAt,
      previous: row.journey_state as JourneyState,
    },
    req,
  );
  await store.updateDealRow(db, workspaceId, id, {
    finance_confirmed_at: financeConfirmedAt,
    journey_state: g.state,
    confirmed_at: g.state === 'confirmed' ? (row.confirmed_at ?? now) : row.confirmed_at,
    updated_at: now > row.updated_at ? now : new Date(Date.parse(row.updated_at) + 1).toISOString(),
  });
  if (isJourneyEvent(row.journey_state, g.state))
    await announceJourneyMoves(db, workspaceId, [
      journeyMoveOf(id, row.journey_state, { ...row, journey_state: g.state }),
    ]);
  const after = await getDeal(db, workspaceId, id, req);
  await recordAudit(db, {
    workspaceId,
    actor,
    action: confirmed ? 'deal.finance_confirm' : 'deal.finance_unconfirm',
    entityType: 'deal',
    entityId: id,
    before,
    after,
  });
  return after;
}

/**
 * Passes every deal waiting for confirmation through the guard again (after the workspace relaxed or
 * tightened its requirements). Deals already in the journey stay there.
 */
export async function reapplyGuard(db: Db, workspaceId: string, req: GuardRequirements): Promise<number> {
  const now = nowIso();
  let changed = 0;
  for (const row of await store.selectDealsInState(db, workspaceId, 'pending_confirmation')) {
    const g = guard(
      {
        stageCategory: row.stage_category as StageCategory,
        signedDate: row.signed_date,
        financeConfirmedAt: row.finance_confirmed_at,
        previous: 'pending_confirmation',
      },
      req,
    );
    if (g.state === row.journey_state) continue;
    await store.updateDealRow(db, workspaceId, row.id, {
      journey_state: g.state,
      confirmed_at: g.state === 'confirmed' ? now : null,
      updated_at: now,
    });
    if (isJourneyEvent(row.journey_state, g.state))
      await announceJourneyMoves(db, workspaceId, [
        journeyMoveOf(row.id, row.journey_state, { ...row, journey_state: g.state }),
      ]);
    changed += 1;
  }
  return changed;
}
