/**
 * The `health.renewal-signals` job: evaluates the at-risk renewal signal of one workspace (payload or job
 * workspace), or of every workspace when none is named (the daily run), each in its own transaction. Also queued
 * after a scoring and after subscriptions change.
 */
import { listWorkspaceIds } from '../../../platform/identity/workspace.service.ts';
import type { JobHandler } from '../../../platform/jobs/job.ts';
import { evaluateRenewalSignals } from './renewal-signals.service.ts';

export interface RenewalSignalsPayload {
  workspaceId?: string;
  asOf?: string;
}

export const runRenewalSignals: JobHandler<RenewalSignalsPayload> = async (
  { db, caps, logger, job, now, reportProgress },
  payload,
) => {
  const asOf = payload.asOf ?? now().toISOString().slice(0, 10);
  const one = payload.workspaceId ?? job.workspaceId;
  const workspaces = one ? [one] : await listWorkspaceIds(db);
  let done = 0;
  for (const workspaceId of workspaces) {
    const summary = await db.transaction().execute((trx) => evaluateRenewalSignals(trx, caps, workspaceId, asOf));
    logger.info({ workspaceId, ...summary }, 'renewal signals evaluated');
    done += 1;
    await reportProgress({ workspaces: workspaces.length, done, asOf });
  }
};
