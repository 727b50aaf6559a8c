/**
 * A project's timeline: every change, comment, customer action, forecast move and slip is an event on it, written
 * in the change's transaction, and read with people named as they are called today.
 */
import type { Actor } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import { userNamesByEmail } from '../../../platform/identity/identity.names.ts';
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

/**
 * A project's timeline names people as they are called today: an event kept the email its author signed in
 * with, and the people of the workspace are looked up by it (a customer, Baton itself or an API key stay as written).
 */
export async function nameEventActors<T extends { actorKind: string; actor: string }>(
  db: Db,
  events: readonly T[],
): Promise<T[]> {
  const emails = events.filter((e) => e.actorKind === 'user' && e.actor.includes('@')).map((e) => e.actor);
  if (emails.length === 0) return [...events];
  const names = await userNamesByEmail(db, emails);
  return events.map((e) => {
    const name = e.actorKind === 'user' ? names.get(e.actor.toLowerCase()) : undefined;
    return name ? { ...e, actor: name } : e;
  });
}
