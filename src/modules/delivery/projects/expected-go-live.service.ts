/**
 * The go-live people expect of a planned project when they know more than the plan does: a slip recorded by hand
 * (a customer's delay the tasks do not show) expects a day the forecast does not follow. Later modules read the
 * later of the two (health's delivery dimension).
 */
import type { Db } from '../../../platform/db/database.ts';
import * as store from './project.store.ts';
import * as timelineStore from './timeline.store.ts';

interface SlippedDetail {
  byHand?: boolean;
  to?: string;
  promised?: string | null;
}

/**
 * Each planned project's latest day expected by a slip recorded by hand against its current promise (a new
 * promise starts afresh); projects with none are absent.
 */
export async function goLivesExpectedByHand(db: Db, workspaceId: string): Promise<Map<string, string>> {
  const projects = await store.selectPlannedProjects(db, workspaceId);
  const promiseOf = new Map(projects.map((p) => [p.id, p.promised_go_live]));
  const out = new Map<string, string>();
  const events = await timelineStore.selectEventsOfKind(db, workspaceId, [...promiseOf.keys()], 'slipped');
  for (const e of events) {
    const d = JSON.parse(e.detail) as SlippedDetail;
    if (d.byHand !== true || !d.to || !d.promised || d.promised !== promiseOf.get(e.project_id)) continue;
    const seen = out.get(e.project_id);
    if (seen === undefined || d.to > seen) out.set(e.project_id, d.to);
  }
  return out;
}
