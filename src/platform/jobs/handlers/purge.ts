import { purgeExpiredSessions } from '../../auth/session.service.ts';
import { purgeIdempotencyKeys } from '../../http/idempotency.ts';
import type { JobHandler } from '../job.ts';
import { deleteFinishedBefore } from '../job.store.ts';

export const purgeSessions: JobHandler<unknown> = async ({ db, logger }) => {
  logger.info({ deleted: await purgeExpiredSessions(db) }, 'expired sessions purged');
};

export const purgeIdempotency: JobHandler<unknown> = async ({ db, logger }) => {
  logger.info({ deleted: await purgeIdempotencyKeys(db) }, 'old idempotency keys purged');
};

export const pruneJobs: JobHandler<unknown> = async ({ db, logger, now }) => {
  const cutoff = new Date(now().getTime() - 7 * 24 * 3_600_000).toISOString();
  logger.info({ deleted: await deleteFinishedBefore(db, cutoff) }, 'finished jobs pruned');
};
