/**
 * The events that start plays, handled in the publishing transaction: a signal raised (its own day), a closed-won
 * deal confirmed, a handoff accepted, a project kicked off, gone live or at first value (the day it was recorded),
 * a survey answer recorded. Each starts a play once per occurrence: the run's
 * unique key makes a repeated or concurrent event a no-op.
 */
import type { Db } from '../../platform/db/database.ts';
import { nowIso } from '../../platform/ids.ts';
import type { ProjectMoment } from '../delivery/index.ts';
import { listSurveys, type RelationshipSurveyRecorded } from '../relationship/index.ts';
import type { SignalRaised } from '../signals/index.ts';
import { enabledPlays, startMatchingPlays } from './play-run.service.ts';

/** A large import names many accounts: only so many are looked at in the writing transaction. */
const MAX_SURVEY_ACCOUNTS = 500;

export async function playsOnSignal(db: Db, e: SignalRaised): Promise<void> {
  if (!e.accountId) return;
  await startMatchingPlays(
    db,
    e.workspaceId,
    e.accountId,
    { type: 'signal', kind: e.kind, severity: e.severity, signalId: e.signalId },
    e.at.slice(0, 10),
    e.at,
  );
}

export async function playsOnDealsConfirmed(
  db: Db,
  e: { workspaceId: string; deals: Array<{ dealId: string; accountId: string | null }> },
): Promise<void> {
  const at = nowIso();
  const plays = await enabledPlays(db, e.workspaceId, 'deal_confirmed');
  if (plays.length === 0) return;
  for (const d of e.deals)
    if (d.accountId) {
      const o = { type: 'deal_confirmed', id: d.dealId } as const;
      await startMatchingPlays(db, e.workspaceId, d.accountId, o, at.slice(0, 10), at, plays);
    }
}

export async function playsOnHandoffAccepted(
  db: Db,
  e: { workspaceId: string; handoffId: string; accountId: string },
): Promise<void> {
  const at = nowIso();
  const o = { type: 'handoff_accepted', id: e.handoffId } as const;
  await startMatchingPlays(db, e.workspaceId, e.accountId, o, at.slice(0, 10), at);
}

/** The newest answer of each kind per account: a play starts on the answer, from the day it was given. */
export async function playsOnSurveys(db: Db, e: RelationshipSurveyRecorded): Promise<void> {
  const plays = await enabledPlays(db, e.workspaceId, 'survey');
  if (plays.length === 0) return;
  for (const accountId of [...new Set(e.accountIds)].slice(0, MAX_SURVEY_ACCOUNTS)) {
    for (const kind of ['nps', 'csat'] as const) {
      const [latest] = await listSurveys(db, e.workspaceId, { accountId, kind, limit: 1 });
      if (!latest) continue;
      await startMatchingPlays(
        db,
        e.workspaceId,
        accountId,
        { type: 'survey', survey: kind, score: latest.score, responseId: latest.id },
        latest.respondedAt.slice(0, 10),
        latest.respondedAt,
        plays,
      );
    }
  }
}

/** A project's kickoff, go-live or first value: the plays of that step start on the day it was recorded. */
const onProjectMoment =
  (type: 'kickoff' | 'go_live' | 'first_value') =>
  async (db: Db, e: ProjectMoment): Promise<void> => {
    const o =
      type === 'go_live' ? ({ type, goLive: e.on } as const) : ({ type, projectId: e.projectId, on: e.on } as const);
    await startMatchingPlays(db, e.workspaceId, e.accountId, o, e.recordedOn, nowIso());
  };
export const playsOnKickoff = onProjectMoment('kickoff');
export const playsOnGoLive = onProjectMoment('go_live');
export const playsOnFirstValue = onProjectMoment('first_value');
