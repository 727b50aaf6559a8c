import type { JobHandler } from '../../platform/jobs/job.ts';
import { rematchTickets } from './ticket.service.ts';

/** Matches the workspace's tickets waiting for an account to the accounts that appeared since. */
export const rematchTicketsJob: JobHandler<Record<string, never>> = async (ctx) => {
  const workspaceId = ctx.job.workspaceId;
  if (!workspaceId) return;
  const db = ctx.db;
  const found = await (db.isTransaction
    ? rematchTickets(db, workspaceId)
    : db.transaction().execute((trx) => rematchTickets(trx, workspaceId)));
  await ctx.reportProgress(found);
};
