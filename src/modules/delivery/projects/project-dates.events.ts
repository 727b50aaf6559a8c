/** The event delivery publishes when a project's dates move; later modules (health) handle it in their manifests. */
import type { Db } from '../../../platform/db/database.ts';
import { publish } from '../../../platform/events/domain-events.ts';

/** Projects whose dates moved, and their accounts. */
export interface ProjectDatesChanged {
  workspaceId: string;
  accountIds: string[];
  projectIds: string[];
}

declare module '../../../platform/events/domain-events.ts' {
  interface DomainEvents {
    /**
     * Published in the transaction that moved a project's dates: its forecast go-live or first value, a slip
     * recorded (by the forecast or by hand), a new promise, a milestone reached, a kickoff, go-live, close or
     * cancel, a new project. One event for every project the change moved.
     */
    'delivery.project-dates-changed': ProjectDatesChanged;
  }
}

/** Says, in the caller's transaction, that these projects' dates moved (nothing when none is named). */
export async function publishProjectDatesChanged(
  db: Db,
  workspaceId: string,
  projects: Iterable<{ id: string; account_id: string }>,
): Promise<void> {
  const byId = new Map([...projects].map((p) => [p.id, p.account_id]));
  if (byId.size === 0) return;
  await publish(db, 'delivery.project-dates-changed', {
    workspaceId,
    accountIds: [...new Set(byId.values())],
    projectIds: [...byId.keys()],
  });
}
