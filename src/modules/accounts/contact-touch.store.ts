/** Queries for finding stakeholders by email or CRM id and moving their last touch forward. */
import { chunked } from '../../platform/db/chunked.ts';
import type { Db } from '../../platform/db/database.ts';

export interface ContactKeyRow {
  id: string;
  account_id: string;
  email: string | null;
  name: string;
  role: string;
}

const KEY_COLUMNS = ['id', 'account_id', 'email', 'name', 'role'] as const;

export const selectContactsByEmails = (db: Db, workspaceId: string, emails: readonly string[]) =>
  chunked(emails, 500, (chunk) =>
    db
      .selectFrom('contacts')
      .select(KEY_COLUMNS)
      .where('workspace_id', '=', workspaceId)
      .where('email', 'in', chunk)
      .execute(),
  );

export const selectContactKeysByIds = (db: Db, workspaceId: string, ids: readonly string[]) =>
  chunked(ids, 500, (chunk) =>
    db
      .selectFrom('contacts')
      .select(KEY_COLUMNS)
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', chunk)
      .execute(),
  );

export const selectContactLinksOfAnySource = (db: Db, workspaceId: string, externalIds: readonly string[]) =>
  chunked(externalIds, 500, (chunk) =>
    db
      .selectFrom('contact_external_ids')
      .select(['external_id', 'contact_id'])
      .where('workspace_id', '=', workspaceId)
      .where('external_id', 'in', chunk)
      .execute(),
  );

/** Sets a contact's last touch to `at` unless it already has a later one; answers whether it moved. */
export async function advanceContactTouch(db: Db, workspaceId: string, contactId: string, at: string, now: string) {
  const result = await db
    .updateTable('contacts')
    .set({ last_touch_at: at, updated_at: now })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', contactId)
    .where((eb) => eb.or([eb('last_touch_at', 'is', null), eb('last_touch_at', '<', at)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
