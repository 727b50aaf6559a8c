/** The account's signals and what people did with them as timeline entries (its face for the account's story). */
import type { Scope } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { newestFirst, type TimelineEntry, type TimelineRange } from '../accounts/index.ts';
import type { DismissReason, SignalAction } from './attention.ts';
import { signalActionEntry, signalEntries } from './signal-timeline.ts';

export async function signalTimelineOf(
  db: Db,
  scope: Scope,
  accountId: string,
  range: TimelineRange,
): Promise<TimelineEntry[]> {
  const ws = scope.workspaceId;
  const signals = await db
    .selectFrom('signals')
    .select(['id', 'title', 'severity', 'stage', 'first_seen_at', 'resolved_at', 'resolution'])
    .where('workspace_id', '=', ws)
    .where('account_id', '=', accountId)
    .execute();
  if (signals.length === 0) return [];
  const titleOf = new Map(signals.map((s) => [s.id, s.title]));
  let actions = db
    .selectFrom('signal_actions')
    .selectAll()
    .where('workspace_id', '=', ws)
    .where('signal_id', 'in', [...titleOf.keys()])
    .orderBy('at', 'desc')
    .limit(range.limit + 100);
  if (range.before) actions = actions.where('at', '<=', range.before);
  const entries = [
    ...signals.flatMap((s) =>
      signalEntries({
        id: s.id,
        title: s.title,
        severity: s.severity,
        stage: s.stage,
        firstSeenAt: s.first_seen_at,
        resolvedAt: s.resolved_at,
        resolution: s.resolution,
      }),
    ),
    ...(await actions.execute()).map((a) =>
      signalActionEntry({
        id: a.id,
        signalId: a.signal_id,
        title: titleOf.get(a.signal_id) ?? '',
        action: a.action as SignalAction,
        at: a.at,
        by: a.by_label,
        note: a.note,
        reason: a.reason as DismissReason | null,
        until: a.until,
      }),
    ),
  ];
  return newestFirst(entries, range);
}
