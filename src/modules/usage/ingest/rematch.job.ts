/**
 * Matching kept-aside usage events and integration sync reports again as a job: queued with the other work waiting for accounts
 * (accounts/accounts-appeared.ts) in the transaction that creates or imports them, so it runs once that write has
 * committed.
 */
import { SYSTEM_ACTOR } from '../../../platform/auth/principal.ts';
import type { JobHandler } from '../../../platform/jobs/job.ts';
import { rematchAndRecord } from './ingest.service.ts';
import { matchKeptAsideReports } from '../integrations/integration-status.service.ts';

export const rematchUsageJob: JobHandler<unknown> = async ({ db, job, logger }) => {
  const workspaceId = job.workspaceId;
  if (!workspaceId) return;
  const matched = await db
    .transaction()
    .execute((trx) => rematchAndRecord(trx, { ...SYSTEM_ACTOR, label: 'baton (accounts appeared)' }, workspaceId));
  logger.info({ workspaceId, matched }, 'kept-aside usage events matched again');
  const reports = await db.transaction().execute((trx) => matchKeptAsideReports(trx, workspaceId));
  if (reports > 0) logger.info({ workspaceId, reports }, 'kept-aside integration reports counted');
};
