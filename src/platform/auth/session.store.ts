import type { Db } from '../db/database.ts';
import type { SessionTable } from './auth.table.ts';

export const insertSession = (db: Db, row: SessionTable) => db.insertInto('sessions').values(row).execute();

/** A live session with its user and membership; undefined when expired, disabled or no longer a member. */
export const findLiveSession = (db: Db, id: string, nowIso: string) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('memberships as m', (j) =>
      j.onRef('m.user_id', '=', 's.user_id').onRef('m.workspace_id', '=', 's.workspace_id'),
    )
    .select([
      's.id',
      's.user_id',
      's.workspace_id',
      's.csrf_token',
      's.last_seen_at',
      'u.email',
      'm.role',
      'm.partner_id',
    ])
    .where('s.id', '=', id)
    .where('s.expires_at', '>', nowIso)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();

export const touchSession = (db: Db, id: string, at: string) =>
  db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();

export const setSessionWorkspace = (db: Db, id: string, workspaceId: string) =>
  db.updateTable('sessions').set({ workspace_id: workspaceId }).where('id', '=', id).execute();

export const deleteSession = (db: Db, id: string) => db.deleteFrom('sessions').where('id', '=', id).execute();

export const deleteSessionsOfUser = (db: Db, userId: string, workspaceId?: string) => {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (workspaceId) q = q.where('workspace_id', '=', workspaceId);
  return q.execute();
};

export const deleteSessionsOfUserExcept = (db: Db, userId: string, keepId: string) =>
  db.deleteFrom('sessions').where('user_id', '=', userId).where('id', '!=', keepId).execute();

export const deleteExpiredSessions = async (db: Db, nowIso: string): Promise<number> => {
  const r = await db.deleteFrom('sessions').where('expires_at', '<=', nowIso).executeTakeFirst();
  return Number(r.numDeletedRows);
};
