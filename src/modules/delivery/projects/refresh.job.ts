import { SYSTEM_ACTOR } from '../../../platform/auth/principal.ts';
import type { JobHandler } from '../../../platform/jobs/job.ts';
import { recomputeForecasts } from './forecast.service.ts';
import { dayOf } from './project.ts';
import { completeMilestonesByUsage } from './milestone.service.ts';

/**
 * For every workspace with planned projects, in its own transaction: milestones completed by usage, then the
 * forecast (days pass, so tasks not started slide), then every planned project's signals (blocked days and
 * overdue first value depend on the date, not only on changes).
 */
export const refreshDelivery: JobHandler<unknown> = async ({ db, logger, now }) => {
  const workspaces = await db
    .selectFrom('projects')
    .select('workspace_id')
    .where('status', 'in', ['queued', 'active'])
    .distinct()
    .execute();
  for (const { workspace_id: workspaceId } of workspaces) {
    const today = dayOf(now());
    const out = await db.transaction().execute(async (trx) => {
      const moved = await completeMilestonesByUsage(trx, workspaceId, today);
      const planned = await trx
        .selectFrom('projects')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('status', 'in', ['queued', 'active'])
        .execute();
      return {
        moved: moved.length,
        ...(await recomputeForecasts(trx, workspaceId, {
          today,
          actor: SYSTEM_ACTOR,
          touched: planned.map((p) => p.id),
        })),
      };
    });
    logger.info(
      {
        workspaceId,
        milestonesByUsage: out.moved,
        projects: out.projects,
        changed: out.changed,
        slips: out.slips.length,
        millis: out.millis,
      },
      'delivery refreshed',
    );
  }
};
