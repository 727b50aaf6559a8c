import type { JobHandler } from '../../../platform/jobs/job.ts';
import { pruneWebhookLog } from './webhook-retention.service.ts';

/** The daily sweep of the webhook log, progress reported per batch. */
export const pruneWebhookLogJob: JobHandler<unknown> = async ({ db, logger, now, reportProgress }) => {
  const deleted = await pruneWebhookLog(db, now(), { onBatch: (done) => reportProgress(done) });
  logger.info({ deleted }, 'webhook log pruned');
};
