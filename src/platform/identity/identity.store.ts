import type { Selectable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { MembershipTable, PartnerTable, UserTable, WorkspaceTable } from './identity.table.ts';

export type WorkspaceRow = Selectable<WorkspaceTable>;
export type UserRow = Selectable<UserTable>;

export const findWorkspaceBySlug = (db: Db, slug: string) =>
  db.selectFrom('workspaces').selectAll().where('slug', '=', slug).executeTakeFirst();

export const findWorkspaceById = (db: Db, id: string) =>
  db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();

export const insertWorkspace = (db: Db, row: WorkspaceTable) => db.insertInto('workspaces').values(row).execute();

export const updateWorkspaceName = (db: Db, id: string, name: string) =>
  db.updateTable('workspaces').set({ name }).where('id', '=', id).execute();

export const deleteWorkspace = (db: Db, id: string) => db.deleteFrom('workspaces').where('id', '=', id).execute();

export const selectWorkspaceIds = (db: Db) => db.selectFrom('workspaces').select('id').orderBy('id').execute();

export const countWorkspaces = async (db: Db): Promise<number> =>
  Number(
    (
      await db
        .selectFrom('workspaces')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

export const findUserByEmail = (db: Db, email: string) =>
  db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();

export const findUserById = (db: Db, id: string) =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const insertUser = (db: Db, row: UserTable) => db.insertInto('users').values(row).execute();

export const updateUser = (
  db: Db,
  id: string,
  patch: Partial<Pick<UserTable, 'name' | 'password_hash' | 'disabled_at'>>,
) => db.updateTable('users').set(patch).where('id', '=', id).execute();

export const insertMembership = (db: Db, row: MembershipTable) => db.insertInto('memberships').values(row).execute();

export const findMembership = (db: Db, workspaceId: string, userId: string) =>
  db
    .selectFrom('memberships')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .executeTakeFirst();

export const updateMembership = (
  db: Db,
  workspaceId: string,
  userId: string,
  patch: Partial<Pick<MembershipTable, 'role' | 'partner_id'>>,
) =>
  db
    .updateTable('memberships')
    .set(patch)
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .execute();

export const deleteMembership = (db: Db, workspaceId: string, userId: string) =>
  db.deleteFrom('memberships').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).execute();

export const countAdmins = async (db: Db, workspaceId: string): Promise<number> =>
  Number(
    (
      await db
        .selectFrom('memberships')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('workspace_id', '=', workspaceId)
        .where('role', '=', 'admin')
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Members of a workspace joined with their user and partner firm. */
export const selectMembers = (db: Db, workspaceId: string) =>
  db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('partners as p', 'p.id', 'm.partner_id')
    .select([
      'u.id',
      'u.email',
      'u.name',
      'm.role',
      'm.partner_id',
      'm.created_at as member_since',
      'p.name as partner_name',
    ])
    .where('m.workspace_id', '=', workspaceId);

export const listWorkspacesOfUser = (db: Db, userId: string) =>
  db
    .selectFrom('memberships as m')
    .innerJoin('workspaces as w', 'w.id', 'm.workspace_id')
    .select(['w.id', 'w.slug', 'w.name', 'w.is_demo', 'w.created_at', 'm.role'])
    .where('m.user_id', '=', userId)
    .orderBy('w.name')
    .execute();

export const insertPartner = (db: Db, row: PartnerTable) => db.insertInto('partners').values(row).execute();

export const listPartnerRows = (db: Db, workspaceId: string) =>
  db.selectFrom('partners').selectAll().where('workspace_id', '=', workspaceId).orderBy('name').execute();

export const findPartner = (db: Db, workspaceId: string, id: string) =>
  db.selectFrom('partners').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
