/**
 * When an account's users first did something: the first day an event (feature) appears in the account's
 * rollups on or after a date. Delivery reads it to complete milestones by real use.
 */
import type { Db } from '../../platform/db/database.ts';

export interface FirstUseQuery {
  accountId: string;
  /** The event name as tracked (a track call's event; `page:<name>` for page views). */
  event: string;
  since: string;
}

/** The first day of use for each query that has one, keyed `accountId + "\u0000" + event`. */
export async function firstUseDays(db: Db, workspaceId: string, queries: readonly FirstUseQuery[]): Promise<Map<string, string>> {
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
