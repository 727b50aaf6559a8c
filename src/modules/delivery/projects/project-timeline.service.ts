/**
 * The account's projects as timeline entries (its face for the account's story); a partner user reads only the
 * projects of their firm.
 */
import type { Scope } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { newestFirst, type TimelineEntry, type TimelineRange } from '../../accounts/index.ts';
import { milestoneEntry, projectEntries, slipEntry } from './project-timeline.ts';

export async function projectTimelineOf(
  db: Db,
  scope: Scope,
  accountId: string,
  range: TimelineRange,
): Promise<TimelineEntry[]> {
  const ws = scope.workspaceId;
  let q = db
    .selectFrom('projects')
    .select(['id', 'name', 'accepted_on', 'kickoff_on', 'promised_go_live', 'go_live_on'])
    .where('workspace_id', '=', ws)
    .where('account_id', '=', accountId);
  if (scope.partnerId) q = q.where('partner_id', '=', scope.partnerId);
  const projects = await q.execute();
  if (projects.length === 0) return [];
  const nameOf = new Map(projects.map((p) => [p.id, p.name]));
  const ids = [...nameOf.keys()];
  const milestones = await db
    .selectFrom('project_milestones')
    .select(['id', 'project_id', 'name', 'first_value', 'go_live', 'completion_event', 'completed_on'])
    .where('workspace_id', '=', ws)
    .where('project_id', 'in', ids)
    .where('completed_on', 'is not', null)
    .execute();
  const slips = await db
    .selectFrom('project_slips')
    .selectAll()
    .where('workspace_id', '=', ws)
    .where('project_id', 'in', ids)
    .execute();
  const live = new Set(projects.filter((p) => p.go_live_on).map((p) => p.id));
  const entries = [
    ...projects.flatMap((p) =>
      projectEntries({
        id: p.id,
        name: p.name,
        acceptedOn: p.accepted_on,
        kickoffOn: p.kickoff_on,
        promisedGoLive: p.promised_go_live,
        goLiveOn: p.go_live_on,
      }),
    ),
    // The go-live milestone of a project that went live is said once, by the project.
    ...milestones
      .filter((m) => !(Number(m.go_live) === 1 && live.has(m.project_id)))
      .map((m) =>
        milestoneEntry({
          id: m.id,
          projectId: m.project_id,
          project: nameOf.get(m.project_id) ?? '',
          name: m.name,
          firstValue: Number(m.first_value) === 1,
          goLive: Number(m.go_live) === 1,
          completionEvent: m.completion_event,
          completedOn: m.completed_on as string,
        }),
      ),
    ...slips.map((s) =>
      slipEntry({
        id: s.id,
        projectId: s.project_id,
        project: nameOf.get(s.project_id) ?? '',
        recordedAt: s.recorded_at,
        promisedGoLive: s.promised_go_live,
        toForecast: s.to_forecast,
        days: Number(s.days),
        reason: s.reason_code,
        note: s.note,
      }),
    ),
  ];
  return newestFirst(entries, range);
}
