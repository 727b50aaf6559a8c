/** Seeding a benchmark's workspace through the modules' faces: its account ids, one subscription per account. */
import { listAccounts } from '../src/modules/accounts/index.ts';
import { accountMatcher, applySubscriptionBatch, type SubscriptionRecord } from '../src/modules/revenue/index.ts';
import type { DatabaseHandle } from '../src/platform/db/database.ts';

/** Every account id of a workspace, page by page, in the accounts list's order. */
export async function accountIdsOf(dbh: DatabaseHandle, workspaceId: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listAccounts(dbh.db, dbh.caps, { workspaceId, partnerId: null }, { limit: 500, cursor });
    ids.push(...page.items.map((a) => a.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

/**
 * One annual subscription per account (10,000 USD ARR, 20 seats, since 1 Jan 2025), each changed by `vary` (the
 * account's index in `ids`), stored in one transaction.
 */
export async function subscribeEach(
  dbh: DatabaseHandle,
  workspaceId: string,
  ids: readonly string[],
  vary: (i: number) => Partial<SubscriptionRecord> = () => ({}),
): Promise<void> {
  await dbh.db.transaction().execute(async (trx) =>
    applySubscriptionBatch(
      trx,
      { workspaceId, matcher: await accountMatcher(trx, workspaceId) },
      ids.map((id, i) => ({
        row: i + 1,
        record: {
          source: 'csv' as const,
          externalId: `sub-${i}`,
          accountRef: id,
          accountName: null,
          start: '2025-01-01',
          end: null,
          arrCents: 1_000_000,
          mrrCents: null,
          seats: 20,
          plan: null,
          trial: false,
          currency: 'USD',
          billingPeriod: 'annual',
          autoRenew: null,
          renewsOn: null,
          status: null,
          ...vary(i),
        },
      })),
    ),
  );
}
