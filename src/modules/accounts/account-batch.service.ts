import type { Db } from '../../platform/db/database.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import type { BatchOutcome } from '../../platform/imports/import-run.ts';
import type { LifecyclePhase, Segment } from './account.ts';
import type { AccountRow } from './account.store.ts';
import type { AccountTable } from './account.table.ts';
import type { AccountExternalIdTable } from './account-import.table.ts';
import * as store from './account-import.store.ts';
import type { MemberIndex } from './import/owners.ts';
import type { AccountImportRecord } from './import/records.ts';

export interface AccountBatchContext {
  workspaceId: string;
  /** Values new accounts take when their row names none. */
  defaults: { segment?: Segment; lifecyclePhase?: LifecyclePhase };
  members: MemberIndex;
  /** Owner values that named no member: left unassigned and reported once per import. */
  unmatchedOwners: Set<string>;
}

type Item = { row: number; record: AccountImportRecord };

const maybe = <T>(value: T | undefined): T[] => (value === undefined ? [] : [value]);

/** An updated_at strictly later than the one read, so the account's ETag always changes. */
export const laterThan = (before: string, now: string): string =>
  now > before ? now : new Date(Date.parse(before) + 1).toISOString();

const group = <T>(rows: readonly T[], key: (r: T) => string | null): Map<string, T[]> => {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    if (k !== null) out.set(k, [...(out.get(k) ?? []), r]);
  }
  return out;
};

/** The changes a record brings to a stored account; owners resolve to members by email or name. */
function changesOf(existing: AccountRow, record: AccountImportRecord, ctx: AccountBatchContext): Partial<AccountTable> {
  const patch: Partial<AccountTable> = {};
  const set = <K extends keyof AccountTable>(key: K, value: AccountTable[K] | undefined) => {
    if (value !== undefined && value !== existing[key]) patch[key] = value;
  };
  set('name', record.name);
  set('domain', record.domain);
  set('segment', record.segment ?? undefined);
  set('industry', record.industry);
  set('region', record.region);
  set('country', record.country);
  set('lifecycle_phase', record.lifecyclePhase ?? undefined);
  set('renewal_date', record.renewalDate);
  set('ae_user_id', ownerId(record.owner, ctx));
  set('csm_user_id', ownerId(record.csm, ctx));
  return patch;
}

function ownerId(value: string | null | undefined, ctx: AccountBatchContext): string | undefined {
  if (!value) return undefined;
  const id = ctx.members.find(value);
  if (id === undefined) ctx.unmatchedOwners.add(value);
  return id;
}

/**
 * Creates or updates the accounts of one import batch. A row finds its account by source + external id, else
 * by domain, else by exact name; a match that is ambiguous, or already claimed by another CRM record or by an
 * earlier row, is a row error, never a guess. Unchanged rows write nothing; new external ids are remembered.
 */
export async function applyAccountBatch(
  db: Db,
  ctx: AccountBatchContext,
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

  const links = new Map(
    (
      await store.selectAccountLinks(
        db,
        ws,
        source,
        items.flatMap((b) => b.record.externalId ?? []),
      )
    ).map((l) => [l.external_id, l.account_id]),
  );
  const unlinked = items.filter((b) => !(b.record.externalId && links.has(b.record.externalId)));
  const byDomain = group(
    await store.selectAccountsByDomains(
      db,
      ws,
      unlinked.flatMap((b) => b.record.domain ?? []),
    ),
    (a) => a.domain,
  );
  const byName = group(
    await store.selectAccountsByNames(
      db,
      ws,
      unlinked.map((b) => b.record.name),
    ),
    (a) => a.name,
  );
  const byId = new Map((await store.selectAccountsByIds(db, ws, [...links.values()])).map((a) => [a.id, a]));
  for (const a of [...byDomain.values(), ...byName.values()].flat()) byId.set(a.id, a);
  const linkOf = new Map(
    (await store.selectLinksOfAccounts(db, ws, source, [...byId.keys()])).map((l) => [l.account_id, l.external_id]),
  );

  const now = nowIso();
  const claimed = new Map<string, number>();
  const seenIds = new Map<string, number>();
  const inserts: AccountTable[] = [];
  const newByDomain = new Map<string, AccountTable>();
  const newByName = new Map<string, AccountTable>();
  const newLinks: AccountExternalIdTable[] = [];

  for (const { row, record } of items) {
    const extId = record.externalId;
    if (extId !== null) {
      const first = seenIds.get(extId);
      if (first !== undefined) {
        fail(row, 'external_id', `${extId} appears twice in the same file; row ${first} was kept`);
        continue;
      }
      seenIds.set(extId, row);
    }
    // Which account the row means: its CRM id, else its domain, else its exact name.
    let target: AccountRow | AccountTable | undefined;
    let how: 'external_id' | 'domain' | 'name' = 'external_id';
    const linked = extId === null ? undefined : links.get(extId);
    if (linked !== undefined) target = byId.get(linked);
    if (!target && record.domain) {
      const found = [...(byDomain.get(record.domain) ?? []), ...maybe(newByDomain.get(record.domain))];
      if (found.length > 1) {
        fail(
          row,
          'domain',
          `${found.length} accounts have the domain ${record.domain} (${found.map((a) => `"${a.name}"`).join(', ')}); Baton cannot tell which this row means`,
        );
        continue;
      }
      [target] = found;
      how = 'domain';
    }
    if (!target) {
      const fits = (a: AccountRow | AccountTable) => !(record.domain && a.domain && a.domain !== record.domain);
      const found = [...(byName.get(record.name) ?? []), ...maybe(newByName.get(record.name))].filter(fits);
      if (found.length > 1) {
        fail(
          row,
          'name',
          `${found.length} accounts are named "${record.name}"; Baton cannot tell which this row means: give the rows a domain or an external id`,
        );
        continue;
      }
      [target] = found;
      how = 'name';
    }
    if (target) {
      const earlier = claimed.get(target.id);
      if (earlier !== undefined) {
        fail(
          row,
          how,
          `this row means the same account as row ${earlier} ("${target.name}"), matched by ${how.replace('_', ' ')}`,
        );
        continue;
      }
      const otherId = linkOf.get(target.id);
      if (linked === undefined && extId !== null && otherId !== undefined && otherId !== extId) {
        fail(
          row,
          'external_id',
          `matched account "${target.name}" by ${how}, but it is already ${source} record ${otherId}; Baton does not merge two CRM records into one account`,
        );
        continue;
      }
      // Accounts created earlier in this batch are claimed by their row, so the target here is a stored one.
      const stored = target as AccountRow;
      claimed.set(stored.id, row);
      const patch = changesOf(stored, record, ctx);
      const link = linked === undefined && extId !== null;
      if (link)
        newLinks.push({
          workspace_id: ws,
          source,
          external_id: extId as string,
          account_id: stored.id,
          created_at: now,
        });
      if (Object.keys(patch).length > 0) {
        await store.updateAccountFields(db, ws, stored.id, { ...patch, updated_at: laterThan(stored.updated_at, now) });
      }
      if (Object.keys(patch).length > 0 || link) outcome.updated += 1;
      else outcome.unchanged += 1;
      continue;
    }
    // No segment in the row and no default: the account stays unsegmented until someone gives it one.
    const segment = record.segment ?? ctx.defaults.segment ?? null;
    const account: AccountTable = {
      id: newId(),
      workspace_id: ws,
      name: record.name,
      domain: record.domain ?? null,
      segment,
      industry: record.industry ?? null,
      region: record.region ?? null,
      country: record.country ?? null,
      lifecycle_phase: record.lifecyclePhase ?? ctx.defaults.lifecyclePhase ?? 'onboarding',
      renewal_date: record.renewalDate ?? null,
      ae_user_id: ownerId(record.owner, ctx) ?? null,
      delivery_lead_user_id: null,
      csm_user_id: ownerId(record.csm, ctx) ?? null,
      account_manager_user_id: null,
      partner_id: null,
      created_at: now,
      updated_at: now,
    };
    inserts.push(account);
    claimed.set(account.id, row);
    if (account.domain) newByDomain.set(account.domain, account);
    newByName.set(account.name, account);
    if (extId !== null)
      newLinks.push({ workspace_id: ws, source, external_id: extId, account_id: account.id, created_at: now });
    outcome.created += 1;
  }
  await store.insertAccountRows(db, inserts);
  await store.insertAccountLinks(db, newLinks);
  return outcome;
}
