/**
 * The `signals.rules-rerun` job: a workspace's rules of one setting run again after their thresholds changed, in
 * one transaction, its run recording the accounts judged and the signals opened and closed (failed if it throws).
 */
import type { JobHandler } from '../../platform/jobs/job.ts';
import { failRuleRun, runRuleRun } from './signal-rule-settings.service.ts';

export const rerunSignalRules: JobHandler<{ runId: string }> = async ({ db, caps, job, logger, now }, payload) => {
  const workspaceId = job.workspaceId;
  if (!workspaceId) return;
  try {
    const run = await db.transaction().execute((trx) => runRuleRun(trx, caps, workspaceId, payload.runId, now()));
    if (run) logger.info({ workspaceId, ...run }, 'signal rules re-evaluated');
  } catch (e) {
    await failRuleRun(db, workspaceId, payload.runId, e instanceof Error ? e.message : String(e));
    throw e;
  }
};
