/** Reading nudges: the recent ones, a product user's in-app ones (and marking them seen or dismissed), the effect. */
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { doneKey, type EffectRow, type Followed, type NudgeStatus, nudgeEffect } from './nudge.ts';
import { listRules } from './nudge-rule.service.ts';
import * as store from './nudge.store.ts';

export interface Nudge {
  id: string;
  ruleId: string;
  milestoneId: string;
  accountId: string;
  userId: string;
  event: string;
  channel: string;
  email: string | null;
  subject: string;
  body: string;
  status: NudgeStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  shownAt: string | null;
  dismissedAt: string | null;
}

const toNudge = (r: store.NudgeRow): Nudge => ({
  id: r.id,
  ruleId: r.rule_id,
  milestoneId: r.milestone_id,
  accountId: r.account_id,
  userId: r.user_id,
  event: r.event,
  channel: r.channel,
  email: r.email,
  subject: r.subject,
  body: r.body,
  status: r.status as NudgeStatus,
  attempts: r.attempts,
  lastError: r.last_error,
  createdAt: r.created_at,
  sentAt: r.sent_at,
  shownAt: r.shown_at,
  dismissedAt: r.dismissed_at,
});

export async function recentNudges(db: Db, workspaceId: string, limit: number, status?: string): Promise<Nudge[]> {
  return (await store.selectRecentNudges(db, workspaceId, limit, status)).map(toNudge);
}

/** What the embedded script shows a product user: their in-app nudges not dismissed, in this workspace only. */
export async function pendingInApp(db: Db, workspaceId: string, userId: string) {
  return (await store.selectPendingInApp(db, workspaceId, userId)).map((r) => ({
    id: r.id,
    subject: r.subject,
    body: r.body,
    createdAt: r.created_at,
  }));
}

/** Marks a product user's in-app nudge seen (first time only) or dismissed; another user's or workspace's is 404. */
export async function markInApp(
  db: Db,
  workspaceId: string,
  userId: string,
  id: string,
  action: 'seen' | 'dismiss',
  now: Date,
): Promise<{ id: string; status: NudgeStatus }> {
  const row = await store.findUserNudge(db, workspaceId, userId, id);
  if (!row) throw AppError.notFound('nudge');
  const at = now.toISOString();
  if (action === 'dismiss') {
    if (row.status !== 'dismissed')
      await store.updateNudge(db, workspaceId, id, {
        status: 'dismissed',
        dismissed_at: at,
        shown_at: row.shown_at ?? at,
        updated_at: at,
      });
    return { id, status: 'dismissed' };
  }
  if (row.status === 'queued')
    await store.updateNudge(db, workspaceId, id, { status: 'shown', shown_at: at, updated_at: at });
  return { id, status: row.status === 'queued' ? 'shown' : (row.status as NudgeStatus) };
}

/** When a nudge reached its user: sent by email, or first shown in the product. */
const reachedAt = (r: store.NudgeRow): string | null => (r.channel === 'email' ? r.sent_at : r.shown_at);

/**
 * The effect of each rule over the days [from, to]: users nudged in them against users found eligible in them and
 * not nudged by the end (`nudgeEffect`), each followed until they first did the milestone's event on the account.
 */
export async function effectOf(
  db: Db,
  workspaceId: string,
  from: string,
  to: string,
): Promise<{ from: string; to: string; items: Array<EffectRow & { ruleName: string }> }> {
  const start = `${from}T00:00:00.000Z`;
  const end = `${to}T23:59:59.999Z`;
  const rules = await listRules(db, workspaceId);
  const nudges = await store.selectNudgesUpTo(db, workspaceId, end);
  const eligible = await store.selectEligibleUpTo(db, workspaceId, end);
  const accounts = [...new Set([...nudges, ...eligible].map((r) => r.account_id))];
  const events = [...new Set([...nudges, ...eligible].map((r) => r.event))];
  const first = new Map(
    (await store.selectFirstDone(db, workspaceId, accounts, events)).map((d) => [
      doneKey(d.account_id, d.user_id, d.event),
      d.first_at,
    ]),
  );
  const completedAt = (r: { account_id: string; user_id: string; event: string }) =>
    first.get(doneKey(r.account_id, r.user_id, r.event)) ?? null;
  const pair = (r: { rule_id: string; milestone_id: string; user_id: string }) =>
    `${r.rule_id}\u0000${r.milestone_id}\u0000${r.user_id}`;

  const nudged: Followed[] = [];
  const reachedBy = new Set<string>();
  for (const r of nudges) {
    const since = reachedAt(r);
    if (!since || since > end) continue;
    reachedBy.add(pair(r));
    nudged.push({ ruleId: r.rule_id, since, completedAt: completedAt(r) });
  }
  const notNudged: Followed[] = eligible
    .filter((r) => !reachedBy.has(pair(r)))
    .map((r) => ({ ruleId: r.rule_id, since: r.eligible_at, completedAt: completedAt(r) }));
  const names = new Map(rules.map((r) => [r.id, r.name]));
  const items = nudgeEffect(rules, nudged, notNudged, start, end).map((row) => ({
    ...row,
    ruleName: names.get(row.ruleId) ?? '',
  }));
  return { from, to, items };
}
