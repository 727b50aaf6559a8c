import type { Db } from '../../platform/db/database.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import type { BatchOutcome } from '../../platform/imports/import-run.ts';
import type { ContactRole } from './account.ts';
import type { ContactRow } from './account.store.ts';
import type { ContactTable } from './account.table.ts';
import type { ContactExternalIdTable } from './account-import.table.ts';
import * as store from './account-import.store.ts';
import type { ContactImportRecord } from './import/records.ts';

export interface ContactBatchContext {
  workspaceId: string;
  /** The role new contacts take when their row names none (else `other`). */
  defaults: { role?: ContactRole };
}

type Item = { row: number; record: ContactImportRecord };

const keyOf = (accountId: string, record: ContactImportRecord): string =>
  record.email ? `${accountId}\u0000email\u0000${record.email}` : `${accountId}\u0000name\u0000${record.name}`;

function changesOf(existing: ContactRow, accountId: string, record: ContactImportRecord): Partial<ContactTable> {
  const patch: Partial<ContactTable> = {};
  const set = <K extends keyof ContactTable>(key: K, value: ContactTable[K] | undefined) => {
    if (value !== undefined && value !== existing[key]) patch[key] = value;
  };
  set('account_id', accountId);
  set('name', record.name);
  set('email', record.email);
  set('title', record.title);
  set('role', record.role ?? undefined);
  set('last_touch_at', record.lastTouchAt);
  set('left_at', record.leftAt);
  return patch;
}

/** Accounts by the id a CRM gave them (same source first, else the one link of any source) and by exact name. */
async function accountResolver(db: Db, ws: string, source: string, items: readonly Item[]) {
  const ids = [...new Set(items.flatMap((b) => b.record.accountExternalId ?? []))];
  const same = new Map((await store.selectAccountLinks(db, ws, source, ids)).map((l) => [l.external_id, l.account_id]));
  const other = new Map<string, string | null>();
  for (const l of await store.selectAccountLinksOfAnySource(
    db,
    ws,
    ids.filter((id) => !same.has(id)),
  )) {
    other.set(
      l.external_id,
      other.has(l.external_id) && other.get(l.external_id) !== l.account_id ? null : l.account_id,
    );
  }
  const byName = new Map<string, string[]>();
  for (const a of await store.selectAccountsByNames(
    db,
    ws,
    items.flatMap((b) => b.record.accountName ?? []),
  ))
    byName.set(a.name, [...(byName.get(a.name) ?? []), a.id]);
  return (record: ContactImportRecord): { accountId: string } | { field: string; reason: string } => {
    const id = record.accountExternalId;
    const viaId = id === null ? undefined : (same.get(id) ?? other.get(id) ?? undefined);
    if (viaId) return { accountId: viaId };
    const named = record.accountName === null ? [] : (byName.get(record.accountName) ?? []);
    if (named.length === 1) return { accountId: named[0] as string };
    if (named.length > 1)
      return {
        field: 'account',
        reason: `${named.length} accounts are named "${record.accountName}"; give the account's external id`,
      };
    const what = [
      id !== null ? `imported from ${source} with id ${id}` : null,
      record.accountName !== null ? `named "${record.accountName}"` : null,
    ]
      .filter(Boolean)
      .join(' or ');
    return {
      field: id !== null ? 'account_external_id' : 'account',
      reason: `no account ${what}: import the accounts first`,
    };
  };
}

/**
 * Creates or updates the contacts of one import batch. A row's account comes from the account's CRM id or its
 * exact name; the contact is found by source + external id, else by email within that account, else (with no
 * email) by exact name within it. Ambiguous or doubly claimed matches are row errors; unchanged rows write nothing.
 */
export async function applyContactBatch(
  db: Db,
  ctx: ContactBatchContext,
  batch: readonly Item[],
): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { created: 0, updated: 0, unchanged: 0, errors: [] };
  const fail = (row: number, field: string, reason: string) => void outcome.errors.push({ row, field, reason });
  const ws = ctx.workspaceId;
  const source = batch[0]?.record.source ?? 'csv';
  const items = batch.filter((b) => b.record.source === source);
  for (const b of batch)
    if (b.record.source !== source)
      fail(b.row, 'external_id', `a batch reads one source (${source}), this row comes from ${b.record.source}`);

  const accountOf = await accountResolver(db, ws, source, items);
  const resolved = items.map((b) => ({ ...b, account: accountOf(b.record) }));
  const links = new Map(
    (
      await store.selectContactLinks(
        db,
        ws,
        source,
        items.flatMap((b) => b.record.externalId ?? []),
      )
    ).map((l) => [l.external_id, l.contact_id]),
  );
  const unlinked = resolved.filter(
    (b) => 'accountId' in b.account && !(b.record.externalId && links.has(b.record.externalId)),
  );
  const accountIds = unlinked.map((b) => (b.account as { accountId: string }).accountId);
  const candidates = [
    ...(await store.selectContactsOfAccounts(
      db,
      ws,
      accountIds,
      'email',
      unlinked.flatMap((b) => b.record.email ?? []),
    )),
    ...(await store.selectContactsOfAccounts(
      db,
      ws,
      accountIds,
      'name',
      unlinked.filter((b) => !b.record.email).map((b) => b.record.name),
    )),
  ];
  const byKey = new Map<string, ContactRow[]>();
  for (const c of candidates) {
    for (const key of [
      c.email ? `${c.account_id}\u0000email\u0000${c.email}` : null,
      `${c.account_id}\u0000name\u0000${c.name}`,
    ]) {
      if (key && !byKey.get(key)?.some((x) => x.id === c.id)) byKey.set(key, [...(byKey.get(key) ?? []), c]);
    }
  }
  const byId = new Map((await store.selectContactsByIds(db, ws, [...links.values()])).map((c) => [c.id, c]));
  const linkOf = new Map(
    (
      await store.selectLinksOfContacts(
        db,
        ws,
        source,
        candidates.map((c) => c.id),
      )
    ).map((l) => [l.contact_id, l.external_id]),
  );

  const now = nowIso();
  const claimed = new Map<string, number>();
  const seenIds = new Map<string, number>();
  const inserts: ContactTable[] = [];
  const newLinks: ContactExternalIdTable[] = [];

  for (const { row, record, account } of resolved) {
    const extId = record.externalId;
    if (extId !== null) {
      const first = seenIds.get(extId);
      if (first !== undefined) {
        fail(row, 'external_id', `${extId} appears twice in the same file; row ${first} was kept`);
        continue;
      }
      seenIds.set(extId, row);
    }
    if (!('accountId' in account)) {
      fail(row, account.field, account.reason);
      continue;
    }
    const how = record.email ? 'email' : 'name';
    const key = keyOf(account.accountId, record);
    const linked = extId === null ? undefined : links.get(extId);
    let target = linked === undefined ? undefined : byId.get(linked);
    if (!target) {
      const found = byKey.get(key) ?? [];
      if (found.length > 1) {
        fail(
          row,
          how,
          `${found.length} contacts of this account have the ${how} ${how === 'email' ? record.email : `"${record.name}"`}; Baton cannot tell which this row means`,
        );
        continue;
      }
      [target] = found;
    }
    const earlier = claimed.get(target?.id ?? key);
    if (earlier !== undefined) {
      fail(
        row,
        target && linked !== undefined ? 'external_id' : how,
        `this row means the same contact as row ${earlier}`,
      );
      continue;
    }
    if (target) {
      const otherId = linkOf.get(target.id);
      if (linked === undefined && extId !== null && otherId !== undefined && otherId !== extId) {
        fail(
          row,
          'external_id',
          `matched contact "${target.name}" by ${how}, but it is already ${source} record ${otherId}; Baton does not merge two CRM records into one contact`,
        );
        continue;
      }
      claimed.set(target.id, row);
      const patch = changesOf(target, account.accountId, record);
      const link = linked === undefined && extId !== null;
      if (link)
        newLinks.push({
          workspace_id: ws,
          source,
          external_id: extId as string,
          contact_id: target.id,
          created_at: now,
        });
      if (Object.keys(patch).length > 0)
        await store.updateContactFields(db, ws, target.id, { ...patch, updated_at: now });
      if (Object.keys(patch).length > 0 || link) outcome.updated += 1;
      else outcome.unchanged += 1;
      continue;
    }
    const contact: ContactTable = {
      id: newId(),
      workspace_id: ws,
      account_id: account.accountId,
      name: record.name,
      email: record.email ?? null,
      title: record.title ?? null,
      role: record.role ?? ctx.defaults.role ?? 'other',
      last_touch_at: record.lastTouchAt ?? null,
      left_at: record.leftAt ?? null,
      created_at: now,
      updated_at: now,
    };
    inserts.push(contact);
    claimed.set(key, row);
    if (extId !== null)
      newLinks.push({ workspace_id: ws, source, external_id: extId, contact_id: contact.id, created_at: now });
    outcome.created += 1;
  }
  await store.insertContactRows(db, inserts);
  await store.insertContactLinks(db, newLinks);
  return outcome;
}
