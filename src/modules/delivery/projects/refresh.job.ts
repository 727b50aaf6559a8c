import { SYSTEM_ACTOR } from '../../../platform/auth/principal.ts';
import type { JobHandler } from '../../../platform/jobs/job.ts';
import { dayOf } from './project.ts';
import { refreshWorkspaceDelivery } from './refresh.service.ts';

/** Every workspace with planned projects brought up to the runner's day, each in its own transaction. */
export const refreshDelivery: JobHandler<unknown> = async ({ db, logger, now }) => {
  const workspaces = await db
    .selectFrom('projects')
    .select('workspace_id')
    .where('status', 'in', ['queued', 'active'])
    .distinct()
    .execute();
  for (const { workspace_id: workspaceId } of workspaces) {
    const today = dayOf(now());
    const out = await db
      .transaction()
      .execute((trx) => refreshWorkspaceDelivery(trx, workspaceId, today, SYSTEM_ACTOR));
    logger.info(
      {
        workspaceId,
        milestonesByUsage: out.milestonesByUsage,
        projects: out.projects,
        changed: out.changed,
        slips: out.slips.length,
        millis: out.millis,
      },
      'delivery refreshed',
    );
  }
};
