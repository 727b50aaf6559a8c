/** After articles change (in the writing transaction), the workspace's stale-materials signal is queued. */
import type { Db } from '../../../platform/db/database.ts';
import { queueJob } from '../../../platform/jobs/job-types.ts';

export const queueKnowledgeSignals = (db: Db, workspaceId: string): Promise<unknown> =>
  // A change carries no clock: due since the epoch, the job is due to every runner's clock at its next poll.
  queueJob(db, 'knowledge.signals', { workspaceId }, { workspaceId, runAt: new Date(0) });
