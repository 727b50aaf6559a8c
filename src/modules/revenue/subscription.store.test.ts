import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAccount,
  buildStripeCustomer,
  buildSubscription,
  buildWorkspace,
} from '../../../test/helpers/fixtures/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.ts';
import {
  selectByExternalIds,
  selectSubscriptions,
  selectWaitingSubscriptions,
  setAccountOf,
  setAccountOfCustomer,
  updateSubscription,
  workspacesWaiting,
} from './subscription.store.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const ids = (rows: { external_id: string }[]) => rows.map((r) => r.external_id);

describe('subscription store (both databases)', () => {
  it('finds subscriptions by external id within one source and workspace, past a chunk of 500 ids', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const other = (await buildWorkspace(t.db)).id;
    await buildSubscription(t.db, ws, { external_id: 'sub-a' });
    await buildSubscription(t.db, ws, { external_id: 'sub-a', source: 'stripe' });
    await buildSubscription(t.db, other, { external_id: 'sub-a' });
    await buildSubscription(t.db, ws, { external_id: 'sub-z' });
    const asked = ['sub-a', ...Array.from({ length: 600 }, (_, i) => `missing-${i}`), 'sub-z'];

    const found = await selectByExternalIds(t.db, ws, 'csv', asked);
    expect(ids(found).sort()).toEqual(['sub-a', 'sub-z']);
    expect(found.every((r) => r.workspace_id === ws && r.source === 'csv')).toBe(true);
    expect(await selectByExternalIds(t.db, ws, 'stripe', [])).toEqual([]);
  });

  it("lists a workspace's subscriptions oldest start first, or only some accounts' (none for an empty list)", async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const acme = (await buildAccount(t.db, ws)).id;
    const beta = (await buildAccount(t.db, ws)).id;
    await buildSubscription(t.db, ws, { external_id: 'late', account_id: acme, start_date: '2026-06-01' });
    await buildSubscription(t.db, ws, { external_id: 'early', account_id: beta, start_date: '2025-02-01' });
    await buildSubscription(t.db, ws, { external_id: 'waiting', start_date: '2026-01-01' });

    expect(ids(await selectSubscriptions(t.db, ws))).toEqual(['early', 'waiting', 'late']);
    expect(ids(await selectSubscriptions(t.db, ws, { accountIds: [acme] }))).toEqual(['late']);
    expect(await selectSubscriptions(t.db, ws, { accountIds: [] })).toEqual([]);
  });

  it('updates one subscription of its own workspace only', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const other = (await buildWorkspace(t.db)).id;
    const sub = await buildSubscription(t.db, ws, { external_id: 'sub-1' });
    await updateSubscription(t.db, other, sub.id, { arr_cents: 1 });
    await updateSubscription(t.db, ws, sub.id, { arr_cents: 2_400_000, end_date: '2026-12-31' });

    const [row] = await selectSubscriptions(t.db, ws);
    expect(Number(row!.arr_cents)).toBe(2_400_000);
    expect(row!.end_date).toBe('2026-12-31');
  });

  it('lists the waiting ones, gives them an account, and follows a Stripe customer to its account', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const account = (await buildAccount(t.db, ws)).id;
    const fileSub = await buildSubscription(t.db, ws, { external_id: 'file-sub', account_ref: 'cus_1' });
    await buildSubscription(t.db, ws, { external_id: 'stripe-sub', source: 'stripe', account_ref: 'cus_1' });
    await buildSubscription(t.db, ws, { external_id: 'other-customer', source: 'stripe', account_ref: 'cus_2' });
    expect(ids(await selectWaitingSubscriptions(t.db, ws)).sort()).toEqual([
      'file-sub',
      'other-customer',
      'stripe-sub',
    ]);

    await setAccountOfCustomer(t.db, ws, 'cus_1', account, '2026-11-21T00:00:00.000Z');
    expect(ids(await selectWaitingSubscriptions(t.db, ws)).sort()).toEqual(['file-sub', 'other-customer']);
    await setAccountOf(t.db, ws, [fileSub.id], account, '2026-11-21T00:00:00.000Z');
    expect(ids(await selectWaitingSubscriptions(t.db, ws))).toEqual(['other-customer']);
    const matched = await selectSubscriptions(t.db, ws, { accountIds: [account] });
    expect(matched.map((r) => [r.external_id, r.updated_at]).sort()).toEqual([
      ['file-sub', '2026-11-21T00:00:00.000Z'],
      ['stripe-sub', '2026-11-21T00:00:00.000Z'],
    ]);
  });

  it('names the workspaces where a subscription or a Stripe customer waits for an account', async () => {
    const subWaits = (await buildWorkspace(t.db)).id;
    const customerWaits = (await buildWorkspace(t.db)).id;
    const allMatched = (await buildWorkspace(t.db)).id;
    await buildSubscription(t.db, subWaits);
    await buildStripeCustomer(t.db, customerWaits);
    const account = (await buildAccount(t.db, allMatched)).id;
    await buildSubscription(t.db, allMatched, { account_id: account });
    await buildStripeCustomer(t.db, allMatched, { account_id: account });

    const waiting = await workspacesWaiting(t.db);
    expect(waiting).toEqual(expect.arrayContaining([subWaits, customerWaits]));
    expect(waiting).not.toContain(allMatched);
  });
});
