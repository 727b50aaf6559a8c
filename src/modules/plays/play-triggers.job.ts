/**
 * The `plays.daily` job: for each workspace (or the one named), the built-in plays are added where missing, the
 * daily triggers are evaluated on the runner's clock (renewals N days ahead from revenue's face, go-lives from
 * delivery's as the catch-up of the go-live event, seats in use against licensed seats from usage's, the expansion
 * triggers of `expansion-triggers.service.ts`), then runs whose signal went are ended and runs that ended or are 30
 * days old are judged.
 */
import type { DialectCapabilities } from '../../platform/db/capabilities.ts';
import type { Db } from '../../platform/db/database.ts';
import { goLivesBetween } from '../delivery/index.ts';
import { renewalReport } from '../revenue/index.ts';
import { type SignalRulesPayload, signalRulesJob } from '../signals/index.ts';
import { portfolio } from '../usage/index.ts';
import {
  evaluateHealthyAfterGoLive,
  evaluateNewTeams,
  evaluateUnentitledFeatures,
} from './expansion-triggers.service.ts';
import { settleRuns } from './play-end.service.ts';
import { enabledPlays, type LoadedPlay, startMatchingPlays } from './play-run.service.ts';
import { addDays } from './play.ts';
import { ensureBuiltinPlays } from './play.service.ts';

export interface DailyPlaysSummary {
  started: number;
  ended: number;
  judged: number;
}

const maxOf = (plays: readonly LoadedPlay[], f: (p: LoadedPlay) => number) => Math.max(0, ...plays.map(f));

/** Evaluates one workspace's daily triggers and settles its runs, as of `now`. */
export async function evaluateDailyPlays(
  db: Db,
  caps: DialectCapabilities,
  workspaceId: string,
  now: Date,
): Promise<DailyPlaysSummary> {
  const today = now.toISOString().slice(0, 10);
  const at = now.toISOString();
  await ensureBuiltinPlays(db, workspaceId, at);
  let started = 0;

  const renewals = await enabledPlays(db, workspaceId, 'renewal');
  if (renewals.length) {
    const within = maxOf(renewals, (p) => (p.def.trigger.type === 'renewal' ? p.def.trigger.daysBefore : 0));
    const report = await renewalReport(db, caps, workspaceId, today, within);
    for (const r of report.items) {
      const o = { type: 'renewal', renewal: r.date } as const;
      started += (await startMatchingPlays(db, workspaceId, r.accountId, o, today, at, renewals)).length;
    }
  }

  const goLives = await enabledPlays(db, workspaceId, 'go_live');
  if (goLives.length) {
    const back = maxOf(goLives, (p) => (p.def.trigger.type === 'go_live' ? p.def.trigger.afterDays : 0)) + 7;
    for (const g of await goLivesBetween(db, workspaceId, addDays(today, -back), today)) {
      const o = { type: 'go_live', goLive: g.goLive } as const;
      started += (await startMatchingPlays(db, workspaceId, g.accountId, o, today, at, goLives)).length;
    }
  }

  const seatPlays = await enabledPlays(db, workspaceId, 'seats_above');
  if (seatPlays.length) {
    const scope = { workspaceId, partnerId: null };
    const usage = await portfolio(db, scope, { day: today, sort: 'mau', order: 'desc', limit: 1_000_000, offset: 0 });
    for (const u of usage.items) {
      if (!u.seats) continue;
      const o = { type: 'seats_above', used: u.mau, licensed: u.seats, month: today.slice(0, 7) } as const;
      started += (await startMatchingPlays(db, workspaceId, u.accountId, o, today, at, seatPlays)).length;
    }
  }

  started += await evaluateHealthyAfterGoLive(db, workspaceId, today, at);
  started += await evaluateUnentitledFeatures(db, workspaceId, today, at);
  started += await evaluateNewTeams(db, workspaceId, today, at);

  const settled = await settleRuns(db, workspaceId, now);
  return { started, ...settled };
}

export const runDailyPlays = signalRulesJob<SignalRulesPayload>('plays', (db, r) =>
  evaluateDailyPlays(db, r.caps, r.workspaceId, r.payload.asOf ? new Date(`${r.payload.asOf}T12:00:00.000Z`) : r.now),
);
