import { AppError } from '../../platform/errors/app-error.ts';
import type { JobContext } from '../../platform/jobs/job.ts';
import { deliverDue } from './delivery.service.ts';

/** Sends the due alert deliveries (of one workspace when named), as the runner's clock says "now". */
export async function runAlertDelivery(ctx: JobContext, payload: { workspaceId?: string }): Promise<void> {
  const { config, secrets } = ctx;
  if (!config || !secrets) throw new AppError('internal', 'alert delivery needs the instance’s configuration and key');
  const r = await deliverDue(
    { db: ctx.db, caps: ctx.caps, secrets, config, now: ctx.now },
    { workerId: `job:${ctx.job.id}`, workspaceId: payload.workspaceId },
  );
  if (r.sent + r.failed > 0) ctx.logger.info(r, 'alerts delivered');
}

/** Queues (once a day) and sends the daily digests. */
export async function runAlertDigest(ctx: JobContext): Promise<void> {
  const { config, secrets } = ctx;
  if (!config || !secrets) throw new AppError('internal', 'alert digests need the instance’s configuration and key');
  const { queueDigests } = await import('./digest.service.ts');
  const queued = await queueDigests({ db: ctx.db, caps: ctx.caps, secrets, config, now: ctx.now }, `job:${ctx.job.id}`);
  if (queued > 0) ctx.logger.info({ queued }, 'alert digests queued');
}
