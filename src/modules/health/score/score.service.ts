/**
 * Health scores: rescoring accounts (each account's facts through the earlier modules' faces, its segment's
 * scorecard, a new row only when something changed), an account's current score with why it moved, its history,
 * and the workspace's scorecards.
 */
import { accountSegmentsById, getAccount } from '../../accounts/index.ts';
import type { Actor } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { newId } from '../../../platform/ids.ts';
import { readSetting, writeSetting } from '../../../platform/settings/settings.service.ts';
import { accountFacts } from './facts.ts';
import { measuresOf } from './measures.ts';
import { type Band, FALLBACK_SEGMENT, SCORE_SEGMENTS, type ScoreSegment, type Scorecards } from './scorecard.ts';
import { scorecardsSetting } from './scorecard.settings.ts';
import { compareScorings, type Components, scoreOf } from './score.ts';
import { accountFactsOf, workspaceFacts } from './score-facts.service.ts';
import * as store from './score.store.ts';
import type { HealthScoreTable } from './score.table.ts';
import { type Move, movesBetween } from './why.ts';

const DAY_MS = 86_400_000;
/** Accounts scored per transaction-sized step of a full recompute. */
const STEP = 500;

export const readScorecards = async (db: Db, workspaceId: string): Promise<Scorecards> =>
  (await readSetting(db, workspaceId, scorecardsSetting)) as Scorecards;

/** Saves the scorecards (validated by the setting's schema, problems naming `body.…`) as the next version. */
export async function saveScorecards(
  db: Db,
  actor: Actor,
  workspaceId: string,
  segments: unknown,
): Promise<Scorecards> {
  const current = await readScorecards(db, workspaceId);
  return (await writeSetting(db, actor, workspaceId, scorecardsSetting, {
    version: current.version + 1,
    segments,
  })) as Scorecards;
}

const segmentOf = (s: string | null | undefined): ScoreSegment =>
  SCORE_SEGMENTS.includes(s as ScoreSegment) ? (s as ScoreSegment) : FALLBACK_SEGMENT;

export interface ScoringSummary {
  /** Accounts scored (churned ones are not). */
  accounts: number;
  /** Accounts whose points changed (a new history row each). */
  changed: number;
}

/** Rescores the named accounts (every account of the workspace when none are named) on `now`. */
export async function scoreAccounts(
  db: Db,
  workspaceId: string,
  now: Date,
  accountIds?: readonly string[],
): Promise<ScoringSummary> {
  const segments = await accountSegmentsById(db, workspaceId);
  const ids = accountIds ? accountIds.filter((id) => segments.has(id)) : [...segments.keys()];
  const cards = await readScorecards(db, workspaceId);
  let changed = 0;
  let scored = 0;
  const shared = await workspaceFacts(db, workspaceId, ids, now);
  for (let i = 0; i < ids.length; i += STEP) {
    const step = ids.slice(i, i + STEP);
    const facts = await accountFactsOf(db, shared, step);
    const current = new Map((await store.currentScores(db, workspaceId, step)).map((r) => [r.account_id, r]));
    const rows: HealthScoreTable[] = [];
    const refreshed: Array<{ id: string; components: string }> = [];
    for (const accountId of step) {
      const segment = segmentOf(segments.get(accountId));
      const raw = facts.get(accountId);
      if (!raw) continue;
      scored += 1;
      const result = scoreOf(measuresOf(accountFacts(raw, now)), cards.segments[segment], segment);
      const before = current.get(accountId);
      const seen =
        before && compareScorings(result, { score: before.score, components: JSON.parse(before.components) });
      if (seen === 'same') continue;
      if (before && seen === 'values') {
        // the same points: the current row shows today's values, the history keeps only changes of points
        refreshed.push({ id: before.id, components: JSON.stringify(result.components) });
        continue;
      }
      rows.push({
        id: newId(),
        workspace_id: workspaceId,
        account_id: accountId,
        scored_at: now.toISOString(),
        score: result.score,
        band: result.band,
        scorecard_version: cards.version,
        components: JSON.stringify(result.components),
        is_current: 1,
      });
    }
    await store.insertScores(db, workspaceId, rows);
    for (const r of refreshed) await store.refreshComponents(db, workspaceId, r.id, r.components);
    changed += rows.length;
  }
  return { accounts: scored, changed };
}

export interface HealthScore {
  accountId: string;
  scoredAt: string;
  score: number | null;
  band: Band | null;
  scorecardVersion: number;
  components: Components;
}

const toScore = (r: store.HealthScoreRow): HealthScore => ({
  accountId: r.account_id,
  scoredAt: r.scored_at,
  score: r.score === null ? null : Number(r.score),
  band: r.band as Band | null,
  scorecardVersion: Number(r.scorecard_version),
  components: JSON.parse(r.components) as Components,
});

/** The current score of every scored account of the workspace. */
export async function currentHealthScores(db: Db, workspaceId: string): Promise<Map<string, HealthScore>> {
  return new Map((await store.currentScores(db, workspaceId)).map((r) => [r.account_id, toScore(r)]));
}

export interface ScoreView {
  accountId: string;
  current: HealthScore | null;
  why: {
    sincePrevious: { since: string; score: number | null; moves: Move[] } | null;
    since30Days: { since: string; score: number | null; moves: Move[] } | null;
  };
}

/** An account's current score and why it moved since the previous scoring and since 30 days before `now`. */
export async function accountScore(db: Db, workspaceId: string, accountId: string, now: Date): Promise<ScoreView> {
  await getAccount(db, { workspaceId, partnerId: null }, accountId);
  const [latest, previous] = (await store.latestRows(db, workspaceId, accountId, 2)).map(toScore);
  if (!latest) return { accountId, current: null, why: { sincePrevious: null, since30Days: null } };
  const today = latest.scoredAt.slice(0, 10);
  const compare = (then: HealthScore | undefined) =>
    then
      ? {
          since: then.scoredAt,
          score: then.score,
          moves: movesBetween(latest.components, then.components, then.scoredAt, today),
        }
      : null;
  const monthAgo = new Date(now.getTime() - 30 * DAY_MS).toISOString();
  const thenRow = await store.rowInForceAt(db, workspaceId, accountId, monthAgo);
  return {
    accountId,
    current: latest,
    why: { sincePrevious: compare(previous), since30Days: compare(thenRow ? toScore(thenRow) : undefined) },
  };
}

export interface HistoryPoint {
  scoredAt: string;
  score: number | null;
  band: Band | null;
  scorecardVersion: number;
  dimensions: Array<{ dimension: string; points: number | null }>;
}

/** An account's scorings between two moments (oldest first), with each dimension's points, for a chart. */
export async function scoreHistory(
  db: Db,
  workspaceId: string,
  accountId: string,
  from: string,
  to: string,
): Promise<HistoryPoint[]> {
  await getAccount(db, { workspaceId, partnerId: null }, accountId);
  return (await store.historyRows(db, workspaceId, accountId, from, to)).map((r) => ({
    scoredAt: r.scored_at,
    score: r.score === null ? null : Number(r.score),
    band: r.band as Band | null,
    scorecardVersion: Number(r.scorecard_version),
    dimensions: (JSON.parse(r.components) as Components).dimensions.map((d) => ({
      dimension: d.dimension,
      points: d.points,
    })),
  }));
}

/** How many current scores each band holds (and how many accounts are scored without data). */
export async function bandDistribution(db: Db, workspaceId: string): Promise<Record<Band | 'none', number>> {
  const out: Record<Band | 'none', number> = { green: 0, yellow: 0, red: 0, none: 0 };
  for (const r of await store.bandCounts(db, workspaceId)) out[(r.band as Band | null) ?? 'none'] += Number(r.n);
  return out;
}
