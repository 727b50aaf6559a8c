/**
 * The `relationship.signals` job: evaluates the relationship signals of one workspace (payload or job workspace),
 * of some of its accounts when the payload names them (queued after touches or answers are recorded), or of every
 * workspace when none is named (the daily run), each workspace in its own transaction.
 */
import { listWorkspaceIds } from '../../../platform/identity/workspace.service.ts';
import type { JobHandler } from '../../../platform/jobs/job.ts';
import { evaluateRelationshipSignals } from './relationship-signals.service.ts';

export interface RelationshipSignalsPayload {
  workspaceId?: string;
  accountIds?: string[];
  /** YYYY-MM-DD: judge at the end of that day; the runner's clock by default. */
  asOf?: string;
}

/** The moment a job or a request judges: the end of `asOf`, else now. */
export const momentOf = (asOf: string | undefined, now: Date): Date => (asOf ? new Date(`${asOf}T23:59:59.999Z`) : now);

export const runRelationshipSignals: JobHandler<RelationshipSignalsPayload> = async (
  { db, caps, logger, job, now, reportProgress },
  payload,
) => {
  const at = momentOf(payload.asOf, now());
  const one = payload.workspaceId ?? job.workspaceId;
  const workspaces = one ? [one] : await listWorkspaceIds(db);
  let done = 0;
  for (const workspaceId of workspaces) {
    const summary = await db
      .transaction()
      .execute((trx) => evaluateRelationshipSignals(trx, caps, workspaceId, at, one ? payload.accountIds : undefined));
    logger.info({ workspaceId, ...summary }, 'relationship signals evaluated');
    done += 1;
    await reportProgress({ workspaces: workspaces.length, done, asOf: at.toISOString() });
  }
};
