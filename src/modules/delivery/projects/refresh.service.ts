/**
 * A workspace's delivery brought up to the day: milestones reached by product usage, then the forecast (days pass,
 * so tasks not started slide), then every planned project's signals (blocked days and overdue first value depend
 * on the date, not only on changes).
 */
import type { Actor } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { recomputeForecasts, type RecomputeOutcome } from './forecast.service.ts';
import { completeMilestonesByUsage } from './milestone.service.ts';
import * as store from './project.store.ts';

export async function refreshWorkspaceDelivery(
  db: Db,
  workspaceId: string,
  today: string,
  actor: Actor,
): Promise<RecomputeOutcome & { milestonesByUsage: number }> {
  const moved = await completeMilestonesByUsage(db, workspaceId, today);
  const planned = await store.selectPlannedProjects(db, workspaceId);
  const out = await recomputeForecasts(db, workspaceId, {
    today,
    actor,
    touched: planned.map((p) => p.id),
    datesChanged: moved,
  });
  return { ...out, milestonesByUsage: moved.length };
}
