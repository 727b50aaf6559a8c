import type { JobHandler } from '../../platform/jobs/job.ts';
import { trainTicketModel } from './model.service.ts';

/** Trains the workspace's ticket classifier on its labelled tickets and labels the rest. */
export const trainTicketsJob: JobHandler<Record<string, never>> = async (ctx) => {
  const workspaceId = ctx.job.workspaceId;
  if (!workspaceId) return;
  const db = ctx.db;
  const result = await (db.isTransaction
    ? trainTicketModel(db, workspaceId, ctx.now())
    : db.transaction().execute((trx) => trainTicketModel(trx, workspaceId, ctx.now())));
  await ctx.reportProgress({ n: result.n, accuracy: result.accuracy, macroF1: result.macroF1 });
};
