/** The event usage ingest publishes; later modules (health) handle it through their manifests. */
import type { Db } from '../../../platform/db/database.ts';
import { publish } from '../../../platform/events/domain-events.ts';

/** A batch of usage events was stored: the accounts whose rollups it added to, each once. */
export interface UsageIngested {
  workspaceId: string;
  accountIds: string[];
}

declare module '../../../platform/events/domain-events.ts' {
  interface DomainEvents {
    /**
     * Published once per stored batch (a group of ingest requests, or events kept aside that found their account),
     * in its transaction, naming each account it added usage to: health rescores them.
     */
    'usage.ingested': UsageIngested;
  }
}

/** Says, in the caller's transaction, which accounts a batch of events added usage to (nothing when none). */
export async function publishUsageIngested(
  db: Db,
  workspaceId: string,
  events: Iterable<{ account_id: string | null }>,
): Promise<void> {
  const accountIds = new Set<string>();
  for (const e of events) if (e.account_id !== null) accountIds.add(e.account_id);
  if (accountIds.size) await publish(db, 'usage.ingested', { workspaceId, accountIds: [...accountIds] });
}
