import type { Db } from '../db/database.ts';

/** People's names by user id (users are global: a person who has left the workspace keeps their name in its history). */
export async function userNamesOf(db: Db, _workspaceId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const r of await db
      .selectFrom('users')
      .select(['id', 'name'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute())
      out.set(r.id, r.name);
  }
  return out;
}

/** Partner firms' names by id, within the workspace. */
export async function partnerNamesOf(
  db: Db,
  workspaceId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  return new Map(
    (
      await db
        .selectFrom('partners')
        .select(['id', 'name'])
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', [...ids])
        .execute()
    ).map((r) => [r.id, r.name]),
  );
}

/** People's names by the email they sign in with (lower-cased keys), for records that kept only an email. */
export async function userNamesByEmail(db: Db, emails: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(emails.map((e) => e.toLowerCase()))];
  const out = new Map<string, string>();
  for (let i = 0; i < wanted.length; i += 500) {
    for (const r of await db
      .selectFrom('users')
      .select(['email', 'name'])
      .where('email', 'in', wanted.slice(i, i + 500))
      .execute())
      out.set(r.email.toLowerCase(), r.name);
  }
  return out;
}
