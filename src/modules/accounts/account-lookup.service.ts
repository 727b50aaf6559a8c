import type { Db } from '../../platform/db/database.ts';
import { selectAccountLinksOfAnySource, selectAccountsByDomains, selectAccountsByIds } from './account-import.store.ts';

/**
 * Which account each reference names, as systems outside Baton refer to customers (a product's group id, a
 * CRM's company id): the account's Baton id; else a CRM id recorded by an import (any source); else its
 * domain (case-insensitive). A reference that matches several accounts is absent: never guessed.
 */
export async function accountsByReference(
  db: Db,
  workspaceId: string,
  groupIds: Iterable<string>,
): Promise<Map<string, string>> {
  const wanted = [...new Set(groupIds)];
  const out = new Map<string, string>();
  if (wanted.length === 0) return out;
  for (const a of await selectAccountsByIds(db, workspaceId, wanted)) out.set(a.id, a.id);
  let left = wanted.filter((g) => !out.has(g));
  if (left.length > 0) {
    const byExternal = new Map<string, Set<string>>();
    for (const l of await selectAccountLinksOfAnySource(db, workspaceId, left)) {
      const set = byExternal.get(l.external_id) ?? new Set<string>();
      set.add(l.account_id);
      byExternal.set(l.external_id, set);
    }
    for (const [g, accounts] of byExternal) if (accounts.size === 1) out.set(g, [...accounts][0] as string);
    left = left.filter((g) => !out.has(g) && !byExternal.has(g));
  }
  const domains = left.filter((g) => g.includes('.')).map((g) => g.toLowerCase());
  if (domains.length > 0) {
    const byDomain = new Map<string, Set<string>>();
    for (const a of await selectAccountsByDomains(db, workspaceId, domains)) {
      const d = (a.domain ?? '').toLowerCase();
      byDomain.set(d, (byDomain.get(d) ?? new Set()).add(a.id));
    }
    for (const g of left) {
      const accounts = byDomain.get(g.toLowerCase());
      if (accounts?.size === 1) out.set(g, [...accounts][0] as string);
    }
  }
  return out;
}

/** The names of these accounts by id; ids the workspace does not have are left out. */
export async function accountNamesOf(
  db: Db,
  workspaceId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  return new Map((await selectAccountsByIds(db, workspaceId, ids)).map((a) => [a.id, a.name]));
}

/** A customer as a CRM record names it: the CRM (`salesforce`, `hubspot` …) and its id there. */
export interface CrmAccountRef {
  source: string;
  externalId: string;
}

export const crmRefKey = (r: CrmAccountRef): string => `${r.source}\u0000${r.externalId}`;

/**
 * Which account each CRM reference names, keyed by `crmRefKey`: the account an import recorded under that source
 * and id; else, when no account has it under that source, the one account recording the id under another source
 * (a mapped file's accounts, say). An id several accounts record is absent: never guessed.
 */
export async function accountsByCrmIds(
  db: Db,
  workspaceId: string,
  refs: Iterable<CrmAccountRef>,
): Promise<Map<string, string>> {
  const wanted = new Map<string, CrmAccountRef>();
  for (const r of refs) wanted.set(crmRefKey(r), r);
  const out = new Map<string, string>();
  if (wanted.size === 0) return out;
  const bySourceAndId = new Map<string, Set<string>>();
  const byId = new Map<string, Set<string>>();
  for (const l of await selectAccountLinksOfAnySource(db, workspaceId, [
    ...new Set([...wanted.values()].map((r) => r.externalId)),
  ])) {
    const key = crmRefKey({ source: l.source, externalId: l.external_id });
    bySourceAndId.set(key, (bySourceAndId.get(key) ?? new Set()).add(l.account_id));
    byId.set(l.external_id, (byId.get(l.external_id) ?? new Set()).add(l.account_id));
  }
  for (const [key, r] of wanted) {
    const accounts = bySourceAndId.get(key) ?? byId.get(r.externalId);
    if (accounts?.size === 1) out.set(key, [...accounts][0] as string);
  }
  return out;
}
