import type { JobHandler } from '../../../platform/jobs/job.ts';
import { pruneWebhookLog } from './webhook.retention.ts';

/** The daily sweep of the webhook log, progress reported per batch. */
export const pruneWebhookLogJob: JobHandler<unknown> = async ({ db, logger, reportProgress }) => {
  const deleted = await pruneWebhookLog(db, new Date(), { onBatch: (done) => reportProgress(done) });
  logger.info({ deleted }, 'webhook log pruned');
};
