/**
 * The `revenue.signals` job: evaluates the contraction and no-expansion signals of one workspace (payload or job
 * workspace), of some of its accounts when named (queued after subscriptions change), or of every workspace when
 * none is named (the daily run), each workspace in its own transaction.
 */
import { listWorkspaceIds } from '../../../platform/identity/workspace.service.ts';
import type { JobHandler } from '../../../platform/jobs/job.ts';
import { evaluateRevenueSignals } from './revenue-signals.service.ts';

export interface RevenueSignalsPayload {
  workspaceId?: string;
  accountIds?: string[];
  asOf?: string;
}

export const runRevenueSignals: JobHandler<RevenueSignalsPayload> = async (
  { db, logger, job, now, reportProgress },
  payload,
) => {
  const asOf = payload.asOf ?? now().toISOString().slice(0, 10);
  const one = payload.workspaceId ?? job.workspaceId;
  const workspaces = one ? [one] : await listWorkspaceIds(db);
  let done = 0;
  for (const workspaceId of workspaces) {
    const summary = await db
      .transaction()
      .execute((trx) => evaluateRevenueSignals(trx, workspaceId, asOf, one ? payload.accountIds : undefined));
    logger.info({ workspaceId, ...summary }, 'revenue signals evaluated');
    done += 1;
    await reportProgress({ workspaces: workspaces.length, done, asOf });
  }
};
