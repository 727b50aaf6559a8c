/**
 * The job every module that raises signals runs its rules in: one workspace (the payload's or the job's), or every
 * workspace when none is named (the daily run), each in its own transaction, with its progress reported.
 */
import type { DialectCapabilities } from '../../platform/db/capabilities.ts';
import type { Db } from '../../platform/db/database.ts';
import { listWorkspaceIds } from '../../platform/identity/workspace.service.ts';
import type { JobHandler } from '../../platform/jobs/job.ts';

/** What a signal job may be told: a workspace, and a day to judge (YYYY-MM-DD; the runner's clock by default). */
export interface SignalRulesPayload {
  workspaceId?: string;
  asOf?: string;
}

/** What the rules are given for one workspace; `named` is true when the payload or the job named it. */
export interface SignalRulesRun<P> {
  caps: DialectCapabilities;
  workspaceId: string;
  payload: P;
  now: Date;
  named: boolean;
}

/** A job handler running `evaluate` (in its own transaction) for each workspace it covers; `label` names its logs. */
export function signalRulesJob<P extends SignalRulesPayload>(
  label: string,
  evaluate: (db: Db, run: SignalRulesRun<P>) => Promise<object>,
): JobHandler<P> {
  return async ({ db, caps, logger, job, now, reportProgress }, payload) => {
    const at = now();
    const one = payload.workspaceId ?? job.workspaceId;
    const workspaces = one ? [one] : await listWorkspaceIds(db);
    const asOf = payload.asOf ?? at.toISOString();
    let done = 0;
    for (const workspaceId of workspaces) {
      const summary = await db
        .transaction()
        .execute((trx) => evaluate(trx, { caps, workspaceId, payload, now: at, named: Boolean(one) }));
      logger.info({ workspaceId, ...summary }, `${label} evaluated`);
      done += 1;
      await reportProgress({ workspaces: workspaces.length, done, asOf });
    }
  };
}
