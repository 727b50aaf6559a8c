import { SYSTEM_ACTOR } from '../../../platform/auth/principal.ts';
import type { JobHandler } from '../../../platform/jobs/job.ts';
import { recomputeForecasts } from './forecast.service.ts';
import { dayOf } from './project.ts';
import { completeMilestonesByUsage } from './milestone.service.ts';

/**
 * Queued by usage ingest (a first-use watch) when an account does a milestone's completion event: completes that
 * account's milestones reached by usage and re-forecasts, in one transaction, seconds after the event.
 */
export const usageMilestonesJob: JobHandler<{ accountId: string }> = async (
  { db, job, logger, now },
  { accountId },
) => {
  const workspaceId = job.workspaceId;
  if (!workspaceId) return;
  const out = await db.transaction().execute(async (trx) => {
    const today = dayOf(now());
    const moved = await completeMilestonesByUsage(trx, workspaceId, today, accountId);
    if (moved.length === 0) return { moved: 0, changed: 0 };
    const r = await recomputeForecasts(trx, workspaceId, {
      today,
      actor: { ...SYSTEM_ACTOR, label: 'usage' },
      touched: moved,
      datesChanged: moved,
    });
    return { moved: moved.length, changed: r.changed };
  });
  logger.info(
    { workspaceId, accountId, projects: out.moved, forecastsChanged: out.changed },
    'milestones reached by usage',
  );
};
