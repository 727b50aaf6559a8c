import type { Db } from '../db/database.ts';
import type { InvitationTable, PasswordLinkTable } from './identity.table.ts';

export const insertInvitation = (db: Db, row: InvitationTable) => db.insertInto('invitations').values(row).execute();

/** Invitations not accepted and not revoked (expired ones included), newest first. */
export const selectOpenInvitations = (db: Db, workspaceId: string) =>
  db
    .selectFrom('invitations as i')
    .leftJoin('partners as p', 'p.id', 'i.partner_id')
    .select([
      'i.id',
      'i.email',
      'i.name',
      'i.role',
      'i.partner_id',
      'p.name as partner_name',
      'i.invited_by',
      'i.created_at',
      'i.expires_at',
    ])
    .where('i.workspace_id', '=', workspaceId)
    .where('i.accepted_at', 'is', null)
    .where('i.revoked_at', 'is', null)
    .orderBy('i.created_at', 'desc')
    .execute();

export const findInvitation = (db: Db, id: string) =>
  db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirst();

export const findInvitationByTokenHash = (db: Db, tokenHash: string) =>
  db.selectFrom('invitations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();

/** Invitations a person may accept: theirs by email, open and not expired, with their workspace. */
export const selectInvitationsForEmail = (db: Db, email: string, nowIso: string) =>
  db
    .selectFrom('invitations as i')
    .innerJoin('workspaces as w', 'w.id', 'i.workspace_id')
    .select([
      'i.id',
      'i.role',
      'i.invited_by',
      'i.created_at',
      'i.expires_at',
      'w.id as workspace_id',
      'w.slug as workspace_slug',
      'w.name as workspace_name',
    ])
    .where('i.email', '=', email)
    .where('i.accepted_at', 'is', null)
    .where('i.revoked_at', 'is', null)
    .where('i.expires_at', '>', nowIso)
    .orderBy('i.created_at', 'desc')
    .execute();

export const revokeOpenInvitationsFor = (db: Db, workspaceId: string, email: string, at: string) =>
  db
    .updateTable('invitations')
    .set({ revoked_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('email', '=', email)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();

/** Marks an open invitation accepted; false when another request accepted or revoked it first. */
export async function markAccepted(db: Db, id: string, userId: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('invitations')
    .set({ accepted_at: at, accepted_by: userId })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const markRevoked = (db: Db, id: string, at: string) =>
  db.updateTable('invitations').set({ revoked_at: at }).where('id', '=', id).execute();

export const insertPasswordLink = (db: Db, row: PasswordLinkTable) =>
  db.insertInto('password_links').values(row).execute();

export const findPasswordLink = (db: Db, id: string) =>
  db
    .selectFrom('password_links as l')
    .innerJoin('users as u', 'u.id', 'l.user_id')
    .select(['l.id', 'l.user_id', 'l.expires_at', 'l.used_at', 'u.email', 'u.name'])
    .where('l.id', '=', id)
    .executeTakeFirst();

/** Uses up every open link of a person (one used, or a password set another way, ends them all). */
export const usePasswordLinksOf = (db: Db, userId: string, at: string) =>
  db
    .updateTable('password_links')
    .set({ used_at: at })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();

/** Uses one link; false when another request used it first. */
export async function useLink(db: Db, id: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('password_links')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
