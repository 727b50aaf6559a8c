import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Actor, Scope } from '../../platform/auth/principal.ts';
import type { DialectCapabilities } from '../../platform/db/capabilities.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { publish } from '../../platform/events/domain-events.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { getMember } from '../../platform/identity/member.service.ts';
import { listPartners } from '../../platform/identity/workspace.service.ts';
import {
  type Account,
  type AccountOwners,
  accountVersion,
  type Contact,
  type ContactRole,
  type LifecyclePhase,
  type Region,
  type Segment,
} from './account.ts';
import * as store from './account.store.ts';
import { accountsWorkedOnBy } from './partner-scope.service.ts';

export const toAccount = (r: store.AccountRow): Account => ({
  id: r.id,
  name: r.name,
  domain: r.domain,
  segment: r.segment as Segment | null,
  industry: r.industry,
  region: r.region as Region | null,
  country: r.country,
  lifecyclePhase: r.lifecycle_phase as LifecyclePhase,
  renewalDate: r.renewal_date,
  aeUserId: r.ae_user_id,
  deliveryLeadUserId: r.delivery_lead_user_id,
  csmUserId: r.csm_user_id,
  accountManagerUserId: r.account_manager_user_id,
  partnerId: r.partner_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toContact = (r: store.ContactRow): Contact => ({
  id: r.id,
  accountId: r.account_id,
  name: r.name,
  email: r.email,
  title: r.title,
  role: r.role as ContactRole,
  lastTouchAt: r.last_touch_at,
  leftAt: r.left_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface AccountInput extends Partial<AccountOwners> {
  name: string;
  domain?: string | null;
  segment: Segment;
  industry?: string | null;
  region?: Region | null;
  country?: string | null;
  lifecyclePhase?: LifecyclePhase;
  renewalDate?: string | null;
}

const isKey = (v: unknown): v is { name: string; id: string } =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { name?: unknown }).name === 'string' &&
  typeof (v as { id?: unknown }).id === 'string';

/**
 * What a scope reads: a partner user also reads the accounts its firm works on (a project given to a firm opens its
 * account's record to the firm), for as long as that work is the firm's (`partner-scope.service.ts`).
 */
async function readScope(db: Db, scope: Scope): Promise<store.ReadScope> {
  if (!scope.partnerId) return scope;
  return { ...scope, delivered: await accountsWorkedOnBy(db, scope.workspaceId, scope.partnerId) };
}

export async function listAccounts(
  db: Db,
  caps: DialectCapabilities,
  scope: Scope,
  opts: {
    limit: number;
    cursor?: string;
    q?: string;
    segment?: string;
    lifecyclePhase?: string;
    region?: string;
    ownerUserId?: string;
  },
): Promise<{ items: Account[]; nextCursor: string | null; total: number }> {
  const after = decodeCursor(opts.cursor, isKey);
  const reader = await readScope(db, scope);
  const rows = await store.selectAccounts(db, caps, reader, { ...opts, after, limit: opts.limit + 1 });
  const items = rows.slice(0, opts.limit).map(toAccount);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > opts.limit && last ? encodeCursor({ name: last.name, id: last.id }) : null,
    total: await store.countAccounts(db, caps, reader, opts),
  };
}

export async function getAccount(db: Db, scope: Scope, id: string): Promise<Account> {
  const row = await store.findAccount(db, scope, id);
  if (!row) throw AppError.notFound('account');
  return toAccount(row);
}

/** An account as a scope reads it: for a partner user, also one its firm delivers a project for. */
export async function readAccount(db: Db, scope: Scope, id: string): Promise<Account> {
  const row = await store.findAccount(db, await readScope(db, scope), id);
  if (!row) throw AppError.notFound('account');
  return toAccount(row);
}

export async function listContacts(db: Db, scope: Scope, accountId: string): Promise<Contact[]> {
  await readAccount(db, scope, accountId);
  return (await store.selectContacts(db, scope.workspaceId, accountId)).map(toContact);
}

/** Owners must be members of the workspace and the partner a firm of it; each bad one is named. */
async function checkOwners(db: Db, workspaceId: string, owners: Partial<AccountOwners>): Promise<void> {
  const fields = ['aeUserId', 'deliveryLeadUserId', 'csmUserId', 'accountManagerUserId'] as const;
  for (const field of fields) {
    const userId = owners[field];
    if (!userId) continue;
    await getMember(db, workspaceId, userId).catch(() => {
      throw AppError.validation(`body.${field}`, 'is not a member of this workspace');
    });
  }
  if (owners.partnerId) {
    const partners = await listPartners(db, workspaceId);
    if (!partners.some((p) => p.id === owners.partnerId))
      throw AppError.validation('body.partnerId', 'no such partner firm in this workspace');
  }
}

export async function createAccount(db: Db, actor: Actor, scope: Scope, input: AccountInput): Promise<Account> {
  if (scope.partnerId) throw new AppError('forbidden', 'partner users cannot create accounts');
  await checkOwners(db, scope.workspaceId, input);
  const now = nowIso();
  const row = {
    id: newId(),
    workspace_id: scope.workspaceId,
    name: input.name.trim(),
    domain: input.domain?.trim().toLowerCase() || null,
    segment: input.segment,
    industry: input.industry ?? null,
    region: input.region ?? null,
    country: input.country?.toUpperCase() ?? null,
    lifecycle_phase: input.lifecyclePhase ?? 'onboarding',
    renewal_date: input.renewalDate ?? null,
    ae_user_id: input.aeUserId ?? null,
    delivery_lead_user_id: input.deliveryLeadUserId ?? null,
    csm_user_id: input.csmUserId ?? null,
    account_manager_user_id: input.accountManagerUserId ?? null,
    partner_id: input.partnerId ?? null,
    created_at: now,
    updated_at: now,
  };
  await store.insertAccount(db, row);
  const account = toAccount(row);
  await recordAudit(db, {
    workspaceId: scope.workspaceId,
    actor,
    action: 'account.create',
    entityType: 'account',
    entityId: row.id,
    after: account,
  });
  // Usage events kept aside for this account's id or domain, and deals naming it, find it once this write commits.
  await publish(db, 'accounts.appeared', { workspaceId: scope.workspaceId });
  return account;
}

/** Applies a partial update; with `ifMatch`, refuses when the account changed since that version was read. */
export async function updateAccount(
  db: Db,
  actor: Actor,
  scope: Scope,
  id: string,
  patch: Partial<AccountInput>,
  ifMatch?: string,
): Promise<Account> {
  const before = await getAccount(db, scope, id);
  if (ifMatch && ifMatch !== accountVersion(before)) {
    throw new AppError(
      'precondition_failed',
      'someone changed this account since you opened it: reload and apply your change again',
    );
  }
  await checkOwners(db, scope.workspaceId, patch);
  const set: Partial<store.AccountRow> = {};
  if (patch.name !== undefined) set.name = patch.name.trim();
  if (patch.domain !== undefined) set.domain = patch.domain?.trim().toLowerCase() || null;
  if (patch.segment !== undefined) set.segment = patch.segment;
  if (patch.industry !== undefined) set.industry = patch.industry;
  if (patch.region !== undefined) set.region = patch.region;
  if (patch.country !== undefined) set.country = patch.country?.toUpperCase() ?? null;
  if (patch.lifecyclePhase !== undefined) set.lifecycle_phase = patch.lifecyclePhase;
  if (patch.renewalDate !== undefined) set.renewal_date = patch.renewalDate;
  if (patch.aeUserId !== undefined) set.ae_user_id = patch.aeUserId;
  if (patch.deliveryLeadUserId !== undefined) set.delivery_lead_user_id = patch.deliveryLeadUserId;
  if (patch.csmUserId !== undefined) set.csm_user_id = patch.csmUserId;
  if (patch.accountManagerUserId !== undefined) set.account_manager_user_id = patch.accountManagerUserId;
  if (patch.partnerId !== undefined) {
    if (scope.partnerId) throw new AppError('forbidden', 'partner users cannot reassign accounts');
    set.partner_id = patch.partnerId;
  }
  // Strictly later than the version read, even within the same millisecond, so ETags always change.
  const now = nowIso();
  set.updated_at = now > before.updatedAt ? now : new Date(Date.parse(before.updatedAt) + 1).toISOString();
  await store.updateAccountRow(db, scope.workspaceId, id, set);
  const after = await getAccount(db, scope, id);
  await recordAudit(db, {
    workspaceId: scope.workspaceId,
    actor,
    action: 'account.update',
    entityType: 'account',
    entityId: id,
    before,
    after,
  });
  // Usage kept aside under the new domain, and deals naming the new name, now have their account.
  if ((after.domain && after.domain !== before.domain) || after.name !== before.name)
    await publish(db, 'accounts.appeared', { workspaceId: scope.workspaceId });
  return after;
}

export async function addContact(
  db: Db,
  actor: Actor,
  scope: Scope,
  accountId: string,
  input: { name: string; email?: string | null; title?: string | null; role: ContactRole; lastTouchAt?: string | null },
): Promise<Contact> {
  await getAccount(db, scope, accountId);
  const now = nowIso();
  const row = {
    id: newId(),
    workspace_id: scope.workspaceId,
    account_id: accountId,
    name: input.name.trim(),
    email: input.email?.trim().toLowerCase() || null,
    title: input.title ?? null,
    role: input.role,
    last_touch_at: input.lastTouchAt ?? null,
    left_at: null,
    created_at: now,
    updated_at: now,
  };
  await store.insertContacts(db, [row]);
  const contact = toContact(row);
  await recordAudit(db, {
    workspaceId: scope.workspaceId,
    actor,
    action: 'contact.create',
    entityType: 'contact',
    entityId: row.id,
    after: contact,
  });
  return contact;
}

export interface BulkAccount extends AccountInput {
  contacts?: Array<{
    name: string;
    email?: string | null;
    title?: string | null;
    role: ContactRole;
    lastTouchAt?: string | null;
    leftAt?: string | null;
  }>;
}

/**
 * Creates many accounts with their stakeholders in one go (imports, the demo workspace), recording one
 * audit entry for the batch. Owners are not re-checked one by one: the caller vouches for them.
 */
export async function createAccountsInBulk(
  db: Db,
  actor: Actor,
  workspaceId: string,
  accounts: BulkAccount[],
  source: string,
): Promise<number> {
  const now = nowIso();
  const accountRows = accounts.map((a) => ({
    id: newId(),
    workspace_id: workspaceId,
    name: a.name.trim(),
    domain: a.domain ?? null,
    segment: a.segment,
    industry: a.industry ?? null,
    region: a.region ?? null,
    country: a.country ?? null,
    lifecycle_phase: a.lifecyclePhase ?? 'onboarding',
    renewal_date: a.renewalDate ?? null,
    ae_user_id: a.aeUserId ?? null,
    delivery_lead_user_id: a.deliveryLeadUserId ?? null,
    csm_user_id: a.csmUserId ?? null,
    account_manager_user_id: a.accountManagerUserId ?? null,
    partner_id: a.partnerId ?? null,
    created_at: now,
    updated_at: now,
  }));
  const contactRows = accounts.flatMap((a, i) =>
    (a.contacts ?? []).map((c) => ({
      id: newId(),
      workspace_id: workspaceId,
      account_id: (accountRows[i] as { id: string }).id,
      name: c.name,
      email: c.email ?? null,
      title: c.title ?? null,
      role: c.role,
      last_touch_at: c.lastTouchAt ?? null,
      left_at: c.leftAt ?? null,
      created_at: now,
      updated_at: now,
    })),
  );
  // Chunks keep each statement under the databases' bound-parameter limits.
  for (let i = 0; i < accountRows.length; i += 200) await store.insertAccounts(db, accountRows.slice(i, i + 200));
  for (let i = 0; i < contactRows.length; i += 300) await store.insertContacts(db, contactRows.slice(i, i + 300));
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'account.bulk_create',
    entityType: 'account',
    entityId: null,
    after: { source, accounts: accountRows.length, contacts: contactRows.length },
  });
  return accountRows.length;
}

/**
 * Every account of a workspace by its lower-cased, trimmed name, for matching the names a CRM spells.
 * A name two accounts share maps to neither (ambiguous, so never matched silently).
 */
/** Account names by id, of the accounts a scope sees (a partner user: the firm's). */
export async function accountNamesById(db: Db, scope: Scope): Promise<Map<string, string>> {
  return new Map((await store.selectAccountNames(db, scope.workspaceId, scope.partnerId)).map((a) => [a.id, a.name]));
}

/** Account names by id, of the accounts a scope reads: for a partner user, also those of its firm's projects. */
export async function readableAccountNames(db: Db, scope: Scope): Promise<Map<string, string>> {
  return new Map((await store.selectAccountNamesInScope(db, await readScope(db, scope))).map((a) => [a.id, a.name]));
}

export async function accountNameIndex(db: Db, workspaceId: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const row of await store.selectAccountNames(db, workspaceId)) {
    const key = row.name.trim().toLowerCase();
    if (found.has(key)) ambiguous.add(key);
    found.set(key, row.id);
  }
  for (const key of ambiguous) found.delete(key);
  return found;
}

/** Each account's segment by id, for rules that depend on it (playbook selection). */
export async function accountSegmentsById(db: Db, workspaceId: string): Promise<Map<string, string | null>> {
  const rows = await db
    .selectFrom('accounts')
    .select(['id', 'segment'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  return new Map(rows.map((r) => [r.id, r.segment]));
}
