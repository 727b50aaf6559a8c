/**
 * The demo's delivery history after the plan: ownership handed over after go-live, and promises moved after the
 * forecast, written through the delivery and handoffs modules' faces.
 */
import type { Db } from '../platform/db/database.ts';
import { type OwnerRole, recordPastOwnershipHandoffs } from '../modules/handoffs/index.ts';
import {
  forgetForecastHistory,
  plannedProjectRecords,
  recomputeForecasts,
  recordPastSlip,
  setPastDates,
  type SlipReason,
} from '../modules/delivery/index.ts';
import type { DemoData } from './demo.ts';
import type { DeliveryWriteContext } from './delivery.writer.ts';
import type { Random } from './random.ts';

const DAY = 86_400_000;
export const dayNo = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
export const iso = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);

/**
 * A delivered project's account has moved on along the owners' chain: from the account executive to the delivery
 * lead when the project was accepted, to customer success a week after go-live, and on to the account manager a
 * month later when it renews, each dated (never after today).
 */
export async function handOverAfterGoLive(
  db: Db,
  ctx: DeliveryWriteContext,
  accountId: string,
  account: DemoData['accounts'][number],
  accepted: number,
  goLive: number,
  today: number,
): Promise<void> {
  const who = (email: string | null) => ctx.userIdOf(email);
  const steps: Array<[OwnerRole, OwnerRole, string | null, string | null, number]> = [
    ['ae', 'delivery_lead', who(account.owners.ae), who(account.owners.deliveryLead), accepted],
    ['delivery_lead', 'csm', who(account.owners.deliveryLead), who(account.owners.csm), Math.min(goLive + 7, today)],
  ];
  if (account.lifecyclePhase === 'renewing' && account.owners.accountManager)
    steps.push([
      'csm',
      'account_manager',
      who(account.owners.csm),
      who(account.owners.accountManager),
      Math.min(goLive + 30, today),
    ]);
  await recordPastOwnershipHandoffs(
    db,
    ctx.workspaceId,
    accountId,
    steps.map(([fromRole, toRole, fromUserId, toUserId, on]) => ({
      fromRole,
      toRole,
      fromUserId,
      toUserId,
      at: `${iso(on)}T10:00:00.000Z`,
    })),
  );
}

/**
 * Promises as the sale made them, set against the plan as it stands: most running and queued projects were
 * promised a little after their forecast, the late ones before it, with the slips that got them there.
 */
export async function promiseAfterForecast(
  db: Db,
  ctx: DeliveryWriteContext,
  rng: Random,
  today: number,
  stories: ReadonlyMap<string, string>,
): Promise<void> {
  const { workspaceId, actor } = ctx;
  const planned = await plannedProjectRecords(db, workspaceId);
  // The forecasts made while the demo was being written measured against the briefs' first promises: forget them.
  await forgetForecastHistory(
    db,
    workspaceId,
    planned.map((p) => p.id),
  );
  await recomputeForecasts(db, workspaceId, { today: iso(today), actor });
  for (const p of await plannedProjectRecords(db, workspaceId)) {
    if (!p.forecast_go_live) continue;
    const forecast = dayNo(p.forecast_go_live);
    const late = stories.get(p.id) === 'late' || (!stories.has(p.id) && rng.chance(0.2));
    const promised = late ? forecast - rng.int(12, 30) : forecast + rng.int(7, 25);
    await setPastDates(db, workspaceId, p.id, { promisedGoLive: iso(promised) });
    if (!late || !p.kickoff_on) continue;
    const kickoff = dayNo(p.kickoff_on);
    const slips: Array<[number, number, number, SlipReason | null, string | null]> = [
      [
        Math.min(kickoff + 7, today - 2),
        promised - 2,
        promised + 6,
        'handoff_gap',
        'The brief left out the second ERP',
      ],
      [today - 1, promised + 6, forecast, null, null],
    ];
    for (const [at, from, to, reason, note] of slips) {
      await recordPastSlip(db, actor, workspaceId, p.id, {
        recordedAt: `${iso(at)}T09:00:00.000Z`,
        promisedGoLive: iso(promised),
        fromForecast: iso(from),
        toForecast: iso(to),
        days: to - promised,
        reasonCode: reason,
        note,
      });
    }
  }
  await recomputeForecasts(db, workspaceId, { today: iso(today), actor, touched: planned.map((p) => p.id) });
}
