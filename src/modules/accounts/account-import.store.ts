/** Queries of account and contact imports: each batch looks its records up by CRM id, domain, email or name. */
import { chunked } from '../../platform/db/chunked.ts';
import type { Db } from '../../platform/db/database.ts';
import type { AccountRow, ContactRow } from './account.store.ts';
import type { AccountExternalIdTable, ContactExternalIdTable } from './account-import.table.ts';
import type { AccountTable, ContactTable } from './account.table.ts';

export const selectAccountLinks = (db: Db, workspaceId: string, source: string, externalIds: readonly string[]) =>
  chunked(externalIds, 500, (ids) =>
    db
      .selectFrom('account_external_ids')
      .select(['external_id', 'account_id'])
      .where('workspace_id', '=', workspaceId)
      .where('source', '=', source)
      .where('external_id', 'in', ids)
      .execute(),
  );

/** Links of any source with these ids (contacts of a mapped file naming accounts a CRM import created). */
export const selectAccountLinksOfAnySource = (db: Db, workspaceId: string, externalIds: readonly string[]) =>
  chunked(externalIds, 500, (ids) =>
    db
      .selectFrom('account_external_ids')
      .select(['source', 'external_id', 'account_id'])
      .where('workspace_id', '=', workspaceId)
      .where('external_id', 'in', ids)
      .execute(),
  );

export const selectLinksOfAccounts = (db: Db, workspaceId: string, source: string, accountIds: readonly string[]) =>
  chunked(accountIds, 500, (ids) =>
    db
      .selectFrom('account_external_ids')
      .select(['external_id', 'account_id'])
      .where('workspace_id', '=', workspaceId)
      .where('source', '=', source)
      .where('account_id', 'in', ids)
      .execute(),
  );

export const insertAccountLinks = async (db: Db, rows: AccountExternalIdTable[]) => {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('account_external_ids')
      .values(rows.slice(i, i + 500))
      .execute();
};

/**
 * Rows by primary key, kept to the workspace. The workspace is checked on the rows, not in the WHERE clause:
 * with hundreds of ids, SQLite's planner would otherwise walk the workspace's whole index instead of the keys.
 */
const inWorkspace =
  <R extends { workspace_id: string }>(workspaceId: string) =>
  (rows: R[]) =>
    rows.filter((r) => r.workspace_id === workspaceId);

export const selectAccountsByIds = (db: Db, workspaceId: string, ids: readonly string[]): Promise<AccountRow[]> =>
  chunked(ids, 500, (chunk) =>
    db.selectFrom('accounts').selectAll().where('id', 'in', chunk).execute().then(inWorkspace(workspaceId)),
  );

export const selectAccountsByDomains = (
  db: Db,
  workspaceId: string,
  domains: readonly string[],
): Promise<AccountRow[]> =>
  chunked(domains, 500, (chunk) =>
    db
      .selectFrom('accounts')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('domain', 'in', chunk)
      .execute(),
  );

export const selectAccountsByNames = (db: Db, workspaceId: string, names: readonly string[]): Promise<AccountRow[]> =>
  chunked(names, 500, (chunk) =>
    db.selectFrom('accounts').selectAll().where('workspace_id', '=', workspaceId).where('name', 'in', chunk).execute(),
  );

export const insertAccountRows = async (db: Db, rows: AccountTable[]) => {
  // 200 rows × 17 columns stays under both databases' bound-parameter limits.
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('accounts')
      .values(rows.slice(i, i + 200))
      .execute();
};

export const updateAccountFields = (db: Db, workspaceId: string, id: string, patch: Partial<AccountTable>) =>
  db.updateTable('accounts').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();

export const selectContactLinks = (db: Db, workspaceId: string, source: string, externalIds: readonly string[]) =>
  chunked(externalIds, 500, (ids) =>
    db
      .selectFrom('contact_external_ids')
      .select(['external_id', 'contact_id'])
      .where('workspace_id', '=', workspaceId)
      .where('source', '=', source)
      .where('external_id', 'in', ids)
      .execute(),
  );

export const selectLinksOfContacts = (db: Db, workspaceId: string, source: string, contactIds: readonly string[]) =>
  chunked(contactIds, 500, (ids) =>
    db
      .selectFrom('contact_external_ids')
      .select(['external_id', 'contact_id'])
      .where('workspace_id', '=', workspaceId)
      .where('source', '=', source)
      .where('contact_id', 'in', ids)
      .execute(),
  );

export const insertContactLinks = async (db: Db, rows: ContactExternalIdTable[]) => {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('contact_external_ids')
      .values(rows.slice(i, i + 500))
      .execute();
};

export const selectContactsByIds = (db: Db, workspaceId: string, ids: readonly string[]): Promise<ContactRow[]> =>
  chunked(ids, 500, (chunk) =>
    db.selectFrom('contacts').selectAll().where('id', 'in', chunk).execute().then(inWorkspace(workspaceId)),
  );

/** Contacts of these accounts with one of these emails (or names): the candidates a row may match within its account. */
export const selectContactsOfAccounts = (
  db: Db,
  workspaceId: string,
  accountIds: readonly string[],
  by: 'email' | 'name',
  values: readonly string[],
): Promise<ContactRow[]> =>
  values.length === 0
    ? Promise.resolve([])
    : chunked(accountIds, 200, (accounts) =>
        chunked(values, 500, (chunk) =>
          db
            .selectFrom('contacts')
            .selectAll()
            .where('workspace_id', '=', workspaceId)
            .where('account_id', 'in', accounts)
            .where(by, 'in', chunk)
            .execute(),
        ),
      );

export const insertContactRows = async (db: Db, rows: ContactTable[]) => {
  for (let i = 0; i < rows.length; i += 300)
    await db
      .insertInto('contacts')
      .values(rows.slice(i, i + 300))
      .execute();
};

export const updateContactFields = (db: Db, workspaceId: string, id: string, patch: Partial<ContactTable>) =>
  db.updateTable('contacts').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
