import type { Db } from '../../../platform/db/database.ts';
import { userNamesByEmail } from '../../../platform/identity/identity.names.ts';

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
