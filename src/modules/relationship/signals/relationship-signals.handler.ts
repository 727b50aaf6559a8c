/**
 * After touches or survey answers are recorded (this module's own events, in the writing transaction), the
 * relationship signals of those accounts are queued for evaluation: the job runs them shortly after, on its clock.
 * A large import queues the whole workspace rather than a long list of accounts.
 */
import type { Db } from '../../../platform/db/database.ts';
import { queueJob } from '../../../platform/jobs/job-types.ts';
import type { RelationshipTouched } from '../relationship.events.ts';

const MAX_NAMED = 500;

export const queueRelationshipSignals = async (db: Db, e: RelationshipTouched): Promise<void> => {
  const accountIds = [...new Set(e.accountIds)];
  await queueJob(
    db,
    'relationship.signals',
    accountIds.length > MAX_NAMED ? { workspaceId: e.workspaceId } : { workspaceId: e.workspaceId, accountIds },
    { workspaceId: e.workspaceId },
  );
};
