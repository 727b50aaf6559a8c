/** The domain events the support module publishes; later modules (health) handle them through their manifests. */
import type { Db } from '../../platform/db/database.ts';
import { publish } from '../../platform/events/domain-events.ts';

/** Tickets of these accounts were created or changed (a file, a Zendesk webhook). */
export interface SupportTicketsChanged {
  workspaceId: string;
  accountIds: string[];
}

declare module '../../platform/events/domain-events.ts' {
  interface DomainEvents {
    /**
     * Published in the transaction that stores the tickets: the accounts' health and support signals are judged
     * again.
     */
    'support.tickets-changed': SupportTicketsChanged;
  }
}

/** Says, in the caller's transaction, that these accounts' tickets changed (nothing when none is named). */
export async function publishTicketsChanged(db: Db, workspaceId: string, accountIds: Iterable<string | null>) {
  const ids = [...new Set([...accountIds].filter((id): id is string => id !== null))];
  if (ids.length) await publish(db, 'support.tickets-changed', { workspaceId, accountIds: ids });
}
