/** The account's support tickets as timeline entries (its face for the account's story). */
import type { Scope } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { newestFirst, type TimelineEntry, type TimelineRange } from '../accounts/index.ts';
import { ticketEntry } from './ticket-timeline.ts';

export async function ticketTimelineOf(
  db: Db,
  scope: Scope,
  accountId: string,
  range: TimelineRange,
): Promise<TimelineEntry[]> {
  let q = db
    .selectFrom('tickets')
    .select(['id', 'subject', 'category', 'priority', 'created_at', 'requester_email'])
    .where('workspace_id', '=', scope.workspaceId)
    .where('account_id', '=', accountId)
    .orderBy('created_at', 'desc')
    .limit(range.limit + 100);
  if (range.before) q = q.where('created_at', '<=', range.before);
  const entries = (await q.execute()).map((t) =>
    ticketEntry({
      id: t.id,
      subject: t.subject,
      category: t.category,
      priority: t.priority,
      createdAt: t.created_at,
      requester: t.requester_email,
    }),
  );
  return newestFirst(entries, range);
}
