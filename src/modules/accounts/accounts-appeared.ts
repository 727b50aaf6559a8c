/**
 * What waits for accounts to appear: usage events kept aside, and deals naming an account Baton did not know. Both
 * are jobs, queued in the transaction that creates, imports or re-domains accounts, so they run once that write has
 * committed (even when it came from another process, such as `baton import accounts`).
 */
import type { Db } from '../../platform/db/database.ts';
import { enqueueJob } from '../../platform/jobs/job.service.ts';
import { composedJobs } from '../../platform/modules/composition.ts';

/** The jobs' types, as the registry declares them (named here, not imported: those modules depend on this one). */
const WAITING_FOR_ACCOUNTS = ['usage.rematch', 'deals.accounts.link'] as const;

export async function queueAccountsAppeared(db: Db, workspaceId: string): Promise<void> {
  const registry = composedJobs();
  for (const type of WAITING_FOR_ACCOUNTS) await enqueueJob(db, registry, { type, payload: {}, workspaceId });
}
