/**
 * Matching kept-aside usage events again as a job: queued in the transaction that creates or imports accounts,
 * so it runs only once that write has committed (and runs even when the write came from another process, such as
 * `baton import accounts`).
 */
import { SYSTEM_ACTOR } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import type { JobHandler } from '../../platform/jobs/job.ts';
import { enqueueJob, registryOf } from '../../platform/jobs/job.service.ts';
import { JOBS } from '../../platform/jobs/registry.ts';
import { rematchAndRecord } from './ingest.service.ts';

export const REMATCH_JOB = 'usage.rematch';

/** Queues a re-match of the workspace's kept-aside events (call inside the write that made accounts appear). */
export async function queueUsageRematch(db: Db, workspaceId: string): Promise<void> {
  await enqueueJob(db, registryOf(JOBS), { type: REMATCH_JOB, payload: {}, workspaceId });
}

export const rematchUsageJob: JobHandler<unknown> = async ({ db, job, logger }) => {
  const workspaceId = job.workspaceId;
  if (!workspaceId) return;
  const matched = await db.transaction().execute((trx) => rematchAndRecord(trx, { ...SYSTEM_ACTOR, label: 'baton (accounts appeared)' }, workspaceId));
  logger.info({ workspaceId, matched }, 'kept-aside usage events matched again');
};
