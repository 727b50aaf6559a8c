/**
 * The `usage.nudges` job: evaluates the nudge rules of one workspace (payload or job workspace), or of every
 * workspace (the daily run), and sends the email nudges not sent yet, failed ones again.
 */
import { listWorkspaceIds } from '../../../platform/identity/workspace.service.ts';
import type { JobHandler } from '../../../platform/jobs/job.ts';
import { evaluateNudges } from './nudge-evaluate.service.ts';

export const runNudges: JobHandler<{ workspaceId?: string }> = async (
  { db, job, logger, now, config, reportProgress },
  payload,
) => {
  const one = payload.workspaceId ?? job.workspaceId;
  const workspaces = one ? [one] : await listWorkspaceIds(db);
  const mail = { smtp: config?.smtp, smtpFrom: config?.smtpFrom ?? 'baton@localhost' };
  let done = 0;
  for (const workspaceId of workspaces) {
    const summary = await evaluateNudges(db as Parameters<typeof evaluateNudges>[0], workspaceId, {
      config: mail,
      now: now(),
    });
    logger.info({ workspaceId, ...summary }, 'nudges evaluated');
    done += 1;
    await reportProgress({ workspaces: workspaces.length, done });
  }
};
