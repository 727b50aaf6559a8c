/**
 * The expansion triggers, evaluated daily on the runner's clock: an
 * account healthy without a break for N days since its go-live (delivery's go-lives, health's score history), and
 * a catalogue feature used in the last 30 days that the account's plan is not entitled to (usage's catalogue and
 * plan, else the plan of revenue's subscription), and a team or department of users not active in the account
 * before (usage's team trait per product user). Each starts its plays once per occurrence.
 */
import type { Db } from '../../platform/db/database.ts';
import { goLivesBetween } from '../delivery/index.ts';
import { scoreHistory } from '../health/index.ts';
import { listSubscriptions } from '../revenue/index.ts';
import { accountPlans, featureUseOutsidePlan, teamsNewlyActive } from '../usage/index.ts';
import { healthySince, plansOnDay } from './expansion.ts';
import { enabledPlays, startMatchingPlays } from './play-run.service.ts';
import { addDays } from './play.ts';

/** A go-live older than this (beyond the play's N days) no longer starts a healthy-after-go-live play. */
const GO_LIVE_LOOKBACK_DAYS = 365;
/** Use of a feature outside the plan in this many days before today counts. */
export const UNENTITLED_WINDOW_DAYS = 30;

export async function evaluateHealthyAfterGoLive(db: Db, workspaceId: string, today: string, at: string) {
  const plays = await enabledPlays(db, workspaceId, 'healthy_after_go_live');
  if (plays.length === 0) return 0;
  const least = Math.min(
    ...plays.map((p) => (p.def.trigger.type === 'healthy_after_go_live' ? p.def.trigger.days : 60)),
  );
  const goLives = await goLivesBetween(
    db,
    workspaceId,
    addDays(today, -GO_LIVE_LOOKBACK_DAYS - least),
    addDays(today, -least),
  );
  let started = 0;
  for (const g of goLives) {
    const history = await scoreHistory(db, workspaceId, g.accountId, '0000-01-01', `${today}T23:59:59.999Z`);
    const since = healthySince(history);
    if (!since) continue;
    const o = { type: 'healthy_after_go_live', goLive: g.goLive, healthySince: since } as const;
    started += (await startMatchingPlays(db, workspaceId, g.accountId, o, today, at, plays)).length;
  }
  return started;
}

/** Each account's plan: usage's (set by hand or import) over the one its running subscription names. */
async function plansOf(db: Db, workspaceId: string, today: string, accountIds?: readonly string[]) {
  const billed = plansOnDay(await listSubscriptions(db, workspaceId, accountIds ? { accountIds } : {}), today);
  const plans = new Map([...billed, ...(await accountPlans(db, workspaceId))]);
  if (!accountIds) return plans;
  const only = new Set(accountIds);
  return new Map([...plans].filter(([id]) => only.has(id)));
}

export async function evaluateUnentitledFeatures(
  db: Db,
  workspaceId: string,
  today: string,
  at: string,
  accountIds?: readonly string[],
) {
  const plays = await enabledPlays(db, workspaceId, 'unentitled_feature');
  if (plays.length === 0) return 0;
  const plans = await plansOf(db, workspaceId, today, accountIds);
  let started = 0;
  for (const u of await featureUseOutsidePlan(db, workspaceId, plans, addDays(today, -UNENTITLED_WINDOW_DAYS), today)) {
    const o = {
      type: 'unentitled_feature',
      plan: u.plan,
      feature: u.feature,
      featureName: u.featureName,
      firstDay: u.firstDay,
    } as const;
    started += (await startMatchingPlays(db, workspaceId, u.accountId, o, today, at, plays)).length;
  }
  return started;
}

/** A team is new when its users did nothing in the account in the 90 days before the last 7. */
export const NEW_TEAM_RECENT_DAYS = 7;
export const NEW_TEAM_LOOKBACK_DAYS = 90;

export async function evaluateNewTeams(db: Db, workspaceId: string, today: string, at: string) {
  const plays = await enabledPlays(db, workspaceId, 'new_team_active');
  if (plays.length === 0) return 0;
  let started = 0;
  for (const n of await teamsNewlyActive(db, workspaceId, today, NEW_TEAM_RECENT_DAYS, NEW_TEAM_LOOKBACK_DAYS)) {
    const o = { type: 'new_team_active', team: n.team, users: n.users, firstDay: n.firstDay } as const;
    started += (await startMatchingPlays(db, workspaceId, n.accountId, o, today, at, plays)).length;
  }
  return started;
}
