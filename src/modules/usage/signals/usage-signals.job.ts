/**
 * The `usage.signals` job: evaluates the usage signals of one workspace (payload or job workspace), or of
 * every workspace when neither names one (the daily scheduled run), each in its own transaction.
 */
import { listWorkspaceIds } from '../../../platform/identity/workspace.service.ts';
import type { JobHandler } from '../../../platform/jobs/job.ts';
import { evaluateUsageSignals } from './usage-signals.service.ts';

export interface UsageSignalsPayload {
  workspaceId?: string;
  asOf?: string;
}

export const runUsageSignals: JobHandler<UsageSignalsPayload> = async (
  { db, caps, logger, job, now, reportProgress },
  payload,
) => {
  const asOf = payload.asOf ?? now().toISOString().slice(0, 10);
  const one = payload.workspaceId ?? job.workspaceId;
  const workspaces = one ? [one] : await listWorkspaceIds(db);
  let done = 0;
  for (const workspaceId of workspaces) {
    const summary = await db.transaction().execute((trx) => evaluateUsageSignals(trx, caps, workspaceId, asOf));
    logger.info({ workspaceId, ...summary }, 'usage signals evaluated');
    done += 1;
    await reportProgress({ workspaces: workspaces.length, done, asOf });
  }
};
