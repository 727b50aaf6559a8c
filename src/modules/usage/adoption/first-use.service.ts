/**
 * When an account's users first did something: the first day an event (feature) appears in the account's
 * rollups on or after a date. Delivery reads it to complete milestones by real use (the composition root gives it
 * `firstUseDays`), and has it watched: when a watched account first does the event, ingest queues delivery's
 * `delivery.usage-milestones` job (the watches follow delivery's `delivery.usage-milestones-changed` event).
 */
import type { Db } from '../../../platform/db/database.ts';
import { queueJob } from '../../../platform/jobs/job-types.ts';
import { featureOf, type RollupEvent } from './rollup.ts';

/** The job a watch queues (its payload `{ accountId }`), kept as each watch's `job_type`. */
const MILESTONES_JOB = 'delivery.usage-milestones';

export interface FirstUseQuery {
  accountId: string;
  /** The event name as tracked (a track call's event; `page:<name>` for page views). */
  event: string;
  since: string;
}

/** The first day of use for each query that has one, keyed `accountId + "\u0000" + event`. */
export async function firstUseDays(
  db: Db,
  workspaceId: string,
  queries: readonly FirstUseQuery[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const q of queries) {
    const row = await db
      .selectFrom('usage_daily_account_feature')
      .select((eb) => eb.fn.min('day').as('first'))
      .where('workspace_id', '=', workspaceId)
      .where('account_id', '=', q.accountId)
      .where('feature', '=', q.event)
      .where('day', '>=', q.since)
      .where('events', '>', 0)
      .executeTakeFirst();
    if (row?.first) out.set(`${q.accountId}\u0000${q.event}`, String(row.first));
  }
  return out;
}

/** "When this account first does this event, queue delivery's milestones job". */
export interface FirstUseWatch {
  accountId: string;
  event: string;
}

export async function watchFirstUse(db: Db, workspaceId: string, watches: readonly FirstUseWatch[]): Promise<void> {
  if (watches.length === 0) return;
  const now = new Date().toISOString();
  await db
    .insertInto('usage_first_use_watches')
    .values(
      watches.map((w) => ({
        workspace_id: workspaceId,
        account_id: w.accountId,
        event: w.event,
        job_type: MILESTONES_JOB,
        created_at: now,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function unwatchFirstUse(db: Db, workspaceId: string, watches: readonly FirstUseWatch[]): Promise<void> {
  for (const w of watches) {
    await db
      .deleteFrom('usage_first_use_watches')
      .where('workspace_id', '=', workspaceId)
      .where('account_id', '=', w.accountId)
      .where('event', '=', w.event)
      .where('job_type', '=', MILESTONES_JOB)
      .execute();
  }
}

/** One de-duplication window: events of one account and feature within it queue one job. */
const WINDOW_MS = 60_000;

/**
 * Called by ingest in its transaction with the events it has just counted: queues the job of each watch their
 * account and feature meet, once per account, feature and minute (the job runs once the transaction commits).
 * One query per stored group, none when the workspace watches nothing it received.
 */
export async function queueWatchedFirstUses(
  db: Db,
  workspaceId: string,
  events: readonly RollupEvent[],
  now = Date.now(),
): Promise<number> {
  const seen = new Set<string>();
  for (const e of events) {
    if (!e.account_id) continue;
    const feature = featureOf(e);
    if (feature !== null) seen.add(`${e.account_id}\u0000${feature}`);
  }
  if (seen.size === 0) return 0;
  const watches = await db
    .selectFrom('usage_first_use_watches')
    .select(['account_id', 'event'])
    .where('workspace_id', '=', workspaceId)
    .where('job_type', '=', MILESTONES_JOB)
    .execute();
  let queued = 0;
  for (const w of watches) {
    if (!seen.has(`${w.account_id}\u0000${w.event}`)) continue;
    const id = `${MILESTONES_JOB}@${workspaceId}:${w.account_id}:${w.event}:${Math.floor(now / WINDOW_MS)}`;
    if ((await queueJob(db, MILESTONES_JOB, { accountId: w.account_id }, { workspaceId, id })).queued) queued++;
  }
  return queued;
}
