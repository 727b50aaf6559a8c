/**
 * A project's timeline: every change, comment, customer action, forecast move and slip is an event on it, written
 * in the change's transaction.
 */
import type { Actor } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import * as timelineStore from './timeline.store.ts';

/** Who an event is by: a person, an API key or Baton itself, or the customer working through the portal. */
export type Who = Actor | { type: 'customer'; label: string };

export async function logEvent(
  db: Db,
  workspaceId: string,
  projectId: string,
  actor: Who,
  kind: string,
  taskId: string | null,
  detail: Record<string, unknown>,
): Promise<void> {
  await timelineStore.insertEvent(db, {
    id: newId(),
    workspace_id: workspaceId,
    project_id: projectId,
    at: nowIso(),
    actor_kind: actor.type === 'customer' ? 'customer' : actor.type === 'system' ? 'system' : 'user',
    actor_label: actor.label,
    kind,
    task_id: taskId,
    detail: JSON.stringify(detail),
  });
}
