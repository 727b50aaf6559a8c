import type { JobHandler } from '../../../platform/jobs/job.ts';
import { purgeAllRawEvents } from './retention.service.ts';

/** The scheduled sweep: raw usage events past each workspace's window, progress reported per batch. */
export const purgeUsageEvents: JobHandler<unknown> = async ({ db, logger, now, reportProgress }) => {
  const deleted = await purgeAllRawEvents(db, now(), (n) => reportProgress({ deleted: n }));
  logger.info({ deleted: Object.fromEntries(deleted) }, 'raw usage events past their retention window deleted');
};
