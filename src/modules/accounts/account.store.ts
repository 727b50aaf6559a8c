import type { Selectable } from 'kysely';
import type { Scope } from '../../platform/auth/principal.ts';
import type { DialectCapabilities } from '../../platform/db/capabilities.ts';
import type { Db } from '../../platform/db/database.ts';
import type { AccountTable, ContactTable } from './account.table.ts';

export type AccountRow = Selectable<AccountTable>;
export type ContactRow = Selectable<ContactTable>;

/**
 * The scope a partner user reads accounts in: its firm's accounts, and those its firm delivers a project
 * for (`delivered`). Writes keep the plain `Scope`, so a delivered account is read, never written.
 */
export interface ReadScope extends Scope {
  delivered?: readonly string[];
}

/** Accounts visible in a scope: the workspace's, and for partner users only their firm's (and those it delivers for). */
function scoped(db: Db, scope: ReadScope) {
  let q = db.selectFrom('accounts').where('workspace_id', '=', scope.workspaceId);
  if (scope.partnerId) {
    const firm = scope.partnerId;
    const delivered = [...(scope.delivered ?? [])];
    q = q.where((eb) =>
      delivered.length > 0
        ? eb.or([eb('partner_id', '=', firm), eb('id', 'in', delivered)])
        : eb('partner_id', '=', firm),
    );
  }
  return q;
}

export interface AccountFilter {
  q?: string;
  segment?: string;
  lifecyclePhase?: string;
  region?: string;
  ownerUserId?: string;
  /** Keyset cursor: the (name, id) of the last row of the previous page. */
  after?: { name: string; id: string };
  limit: number;
}

/** The accounts of a scope that pass a filter's conditions (the page's cursor and size aside). */
function filtered(db: Db, caps: DialectCapabilities, scope: ReadScope, f: Omit<AccountFilter, 'after' | 'limit'>) {
  let q = scoped(db, scope);
  if (f.q) q = q.where('name', caps.caseInsensitiveLike, `%${f.q.replace(/[%_\\]/g, '')}%`);
  if (f.segment) q = q.where('segment', '=', f.segment);
  if (f.lifecyclePhase) q = q.where('lifecycle_phase', '=', f.lifecyclePhase);
  if (f.region) q = q.where('region', '=', f.region);
  if (f.ownerUserId) {
    const owner = f.ownerUserId;
    q = q.where((eb) =>
      eb.or([
        eb('ae_user_id', '=', owner),
        eb('delivery_lead_user_id', '=', owner),
        eb('csm_user_id', '=', owner),
        eb('account_manager_user_id', '=', owner),
      ]),
    );
  }
  return q;
}

export function selectAccounts(db: Db, caps: DialectCapabilities, scope: ReadScope, f: AccountFilter) {
  let q = filtered(db, caps, scope, f).selectAll();
  if (f.after) {
    const { name, id } = f.after;
    q = q.where((eb) => eb.or([eb('name', '>', name), eb.and([eb('name', '=', name), eb('id', '>', id)])]));
  }
  return q.orderBy('name').orderBy('id').limit(f.limit).execute();
}

/** How many accounts of a scope pass a filter (every page of it), or all of them without one. */
export async function countAccounts(
  db: Db,
  caps: DialectCapabilities,
  scope: ReadScope,
  f: Omit<AccountFilter, 'after' | 'limit'> = {},
): Promise<number> {
  const r = await filtered(db, caps, scope, f)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export const findAccount = (db: Db, scope: ReadScope, id: string) =>
  scoped(db, scope).selectAll().where('id', '=', id).executeTakeFirst();

export const insertAccount = (db: Db, row: AccountTable) => db.insertInto('accounts').values(row).execute();

export const insertAccounts = (db: Db, rows: AccountTable[]) => db.insertInto('accounts').values(rows).execute();

export const updateAccountRow = (db: Db, workspaceId: string, id: string, patch: Partial<AccountTable>) =>
  db.updateTable('accounts').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();

export const selectContacts = (db: Db, workspaceId: string, accountId: string) =>
  db
    .selectFrom('contacts')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('account_id', '=', accountId)
    .orderBy('name')
    .execute();

export const insertContacts = (db: Db, rows: ContactTable[]) => db.insertInto('contacts').values(rows).execute();

/** Ids and names of a workspace's accounts; with a partner, only that firm's. */
export const selectAccountNames = (db: Db, workspaceId: string, partnerId: string | null = null) => {
  let q = db.selectFrom('accounts').select(['id', 'name']).where('workspace_id', '=', workspaceId);
  if (partnerId) q = q.where('partner_id', '=', partnerId);
  return q.execute();
};

/** Ids and names of the accounts a scope reads (a partner user: its firm's and those it delivers for). */
export const selectAccountNamesInScope = (db: Db, scope: ReadScope) =>
  scoped(db, scope).select(['id', 'name']).execute();
