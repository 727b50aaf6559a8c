/** The account's survey answers and touches as timeline entries (its face for the account's story). */
import type { Scope } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { listContacts, newestFirst, type TimelineEntry, type TimelineRange } from '../accounts/index.ts';
import { surveyEntry, touchEntry } from './relationship-timeline.ts';

const jsonCount = (text: string): number => {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v.length : 0;
  } catch {
    return 0;
  }
};

export async function relationshipTimelineOf(
  db: Db,
  scope: Scope,
  accountId: string,
  range: TimelineRange,
): Promise<TimelineEntry[]> {
  const ws = scope.workspaceId;
  const take = range.limit + 100;
  let surveys = db
    .selectFrom('relationship_surveys')
    .select(['id', 'kind', 'score', 'contact_id', 'contact_email', 'comment', 'responded_at', 'milestone'])
    .where('workspace_id', '=', ws)
    .where('account_id', '=', accountId)
    .orderBy('responded_at', 'desc')
    .limit(take);
  if (range.before) surveys = surveys.where('responded_at', '<=', range.before);
  let touches = db
    .selectFrom('relationship_touches')
    .select(['id', 'kind', 'subject', 'direction', 'occurred_at', 'contact_ids', 'emails'])
    .where('workspace_id', '=', ws)
    .where('account_id', '=', accountId)
    .orderBy('occurred_at', 'desc')
    .limit(take);
  if (range.before) touches = touches.where('occurred_at', '<=', range.before);
  const names = new Map((await listContacts(db, scope, accountId)).map((c) => [c.id, c.name]));
  const entries = [
    ...(await surveys.execute()).map((s) =>
      surveyEntry(accountId, {
        id: s.id,
        kind: s.kind,
        score: Number(s.score),
        who: (s.contact_id ? names.get(s.contact_id) : undefined) ?? s.contact_email,
        comment: s.comment,
        respondedAt: s.responded_at,
        milestone: s.milestone,
      }),
    ),
    ...(await touches.execute()).map((t) =>
      touchEntry(accountId, {
        id: t.id,
        kind: t.kind,
        subject: t.subject,
        direction: t.direction,
        occurredAt: t.occurred_at,
        people: Math.max(jsonCount(t.contact_ids), jsonCount(t.emails)),
      }),
    ),
  ];
  return newestFirst(entries, range);
}
