/**
 * Which account a deal belongs to. A CRM names the customer of a deal by its own id (Salesforce `AccountId`,
 * HubSpot's associated company), which account imports record: that comes first. Else the account whose name is
 * exactly the deal's account name, when one account only has it. Deals that name an account Baton does not know yet
 * are linked when it appears (`linkDealsToAccounts`, run as a job after accounts are created or imported), each link
 * announced (`deals.account-linked`) so that what hangs on those deals (their handoff briefs) follows.
 */
import type { Kysely } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import { publish } from '../../platform/events/domain-events.ts';
import { accountsByCrmIds, crmRefKey, accountNameIndex } from '../accounts/index.ts';
import * as store from './deal.store.ts';

export interface DealAccountRef {
  source: string;
  accountExternalId: string | null;
  accountName: string | null;
}

/** The account of each deal, in order (null: none found for certain). `names` is `accountNameIndex`'s map. */
export async function resolveDealAccounts(
  db: Db,
  workspaceId: string,
  deals: readonly DealAccountRef[],
  names: Map<string, string>,
): Promise<Array<string | null>> {
  const refs = deals.flatMap((d) =>
    d.accountExternalId ? [{ source: d.source, externalId: d.accountExternalId }] : [],
  );
  const byCrm = await accountsByCrmIds(db, workspaceId, refs);
  return deals.map(
    (d) =>
      (d.accountExternalId ? byCrm.get(crmRefKey({ source: d.source, externalId: d.accountExternalId })) : undefined) ??
      (d.accountName ? names.get(d.accountName.trim().toLowerCase()) : undefined) ??
      null,
  );
}

const PAGE = 2000;

/** Links the workspace's deals without an account to the accounts they name, page by page; returns how many. */
export async function linkDealsToAccounts(db: Kysely<Database>, workspaceId: string): Promise<number> {
  const names = await accountNameIndex(db, workspaceId);
  let linked = 0;
  let after: string | null = null;
  for (;;) {
    const page = await store.selectDealsWithoutAccount(db, workspaceId, after, PAGE);
    const last = page.at(-1);
    if (!last) return linked;
    after = last.id;
    const found = await resolveDealAccounts(
      db,
      workspaceId,
      page.map((d) => ({ source: d.source, accountExternalId: d.account_external_id, accountName: d.account_name })),
      names,
    );
    const byAccount = new Map<string, string[]>();
    page.forEach((d, i) => {
      const account = found[i];
      if (account) byAccount.set(account, [...(byAccount.get(account) ?? []), d.id]);
    });
    // One short transaction per page: a deal and its brief change together, and other writers wait little.
    linked += await db.transaction().execute(async (trx) => {
      let n = 0;
      for (const [accountId, dealIds] of byAccount) {
        n += await store.setAccountOfDeals(trx, workspaceId, accountId, dealIds);
        await publish(trx, 'deals.account-linked', { workspaceId, accountId, dealIds });
      }
      return n;
    });
    if (page.length < PAGE) return linked;
  }
}
