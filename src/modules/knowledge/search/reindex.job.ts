import { listWorkspaceIds } from '../../../platform/identity/workspace.service.ts';
import type { JobHandler } from '../../../platform/jobs/job.ts';
import { reindexWorkspace } from './reindex.service.ts';

/** Reindexes the job's workspace, or every workspace (the daily run), each in its own transaction. */
export const reindexKnowledgeJob: JobHandler<Record<string, never>> = async (ctx) => {
  const one = ctx.job.workspaceId;
  const workspaces = one ? [one] : await listWorkspaceIds(ctx.db);
  let indexed = 0;
  let removed = 0;
  for (const workspaceId of workspaces) {
    const counts = await (ctx.db.isTransaction
      ? reindexWorkspace(ctx.db, workspaceId)
      : ctx.db.transaction().execute((trx) => reindexWorkspace(trx, workspaceId)));
    indexed += counts.indexed;
    removed += counts.removed;
  }
  await ctx.reportProgress({ workspaces: workspaces.length, indexed, removed });
};
