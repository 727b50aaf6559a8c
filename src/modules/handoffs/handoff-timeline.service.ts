/** The account's briefs as timeline entries (its face for the account's story). */
import type { Scope } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { newestFirst, type TimelineEntry, type TimelineRange } from '../accounts/index.ts';
import { briefChangeEntry, clarificationEntries } from './handoff-timeline.ts';

export async function briefTimelineOf(
  db: Db,
  scope: Scope,
  accountId: string,
  range: TimelineRange,
): Promise<TimelineEntry[]> {
  const ws = scope.workspaceId;
  const briefs = db
    .selectFrom('handoff_briefs')
    .select('id')
    .where('workspace_id', '=', ws)
    .where('account_id', '=', accountId);
  let changes = db
    .selectFrom('handoff_events')
    .selectAll()
    .where('workspace_id', '=', ws)
    .where('brief_id', 'in', briefs)
    .orderBy('at', 'desc')
    .limit(range.limit + 100);
  if (range.before) changes = changes.where('at', '<=', range.before);
  const questions = await db
    .selectFrom('handoff_clarifications')
    .selectAll()
    .where('workspace_id', '=', ws)
    .where('brief_id', 'in', briefs)
    .execute();
  const entries = [
    ...(await changes.execute()).map((e) =>
      briefChangeEntry({
        id: e.id,
        briefId: e.brief_id,
        at: e.at,
        actor: e.actor_label,
        from: e.from_state,
        to: e.to_state,
        completeness: Number(e.completeness),
        note: e.note,
      }),
    ),
    ...questions.flatMap((q) =>
      clarificationEntries({
        id: q.id,
        briefId: q.brief_id,
        question: q.question,
        repeated: Number(q.repeated) === 1,
        askedAt: q.asked_at,
        answeredAt: q.answered_at,
      }),
    ),
  ];
  return newestFirst(entries, range);
}
