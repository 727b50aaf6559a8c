import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildStripeCustomer, buildWorkspace } from '../../../../test/helpers/fixtures/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-db.ts';
import {
  findCustomer,
  findEvent,
  insertEvent,
  selectRecentEvents,
  selectWaitingCustomers,
  updateCustomer,
} from './stripe.store.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const event = (workspaceId: string, eventId: string, receivedAt: string, outcome = 'applied') => ({
  workspace_id: workspaceId,
  event_id: eventId,
  type: 'customer.subscription.updated',
  object_id: 'sub_1',
  occurred_at: receivedAt,
  received_at: receivedAt,
  outcome,
  detail: null,
});

describe('Stripe store (both databases)', () => {
  it('finds and updates a customer within its workspace only', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const other = (await buildWorkspace(t.db)).id;
    await buildStripeCustomer(t.db, ws, { customer_id: 'cus_same', name: 'Ours' });
    await buildStripeCustomer(t.db, other, { customer_id: 'cus_same', name: 'Theirs' });
    const account = (await buildAccount(t.db, ws)).id;

    await updateCustomer(t.db, ws, 'cus_same', { account_id: account, name: 'Ours, renamed' });
    expect(await findCustomer(t.db, ws, 'cus_same')).toMatchObject({ account_id: account, name: 'Ours, renamed' });
    expect(await findCustomer(t.db, other, 'cus_same')).toMatchObject({ account_id: null, name: 'Theirs' });
    expect(await findCustomer(t.db, ws, 'cus_unknown')).toBeUndefined();
  });

  it('lists the customers still waiting for an account, the first heard of first', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const account = (await buildAccount(t.db, ws)).id;
    await buildStripeCustomer(t.db, ws, { customer_id: 'cus_b', created_at: '2026-11-02T00:00:00.000Z' });
    await buildStripeCustomer(t.db, ws, { customer_id: 'cus_a', created_at: '2026-11-03T00:00:00.000Z' });
    await buildStripeCustomer(t.db, ws, { customer_id: 'cus_c', created_at: '2026-11-01T00:00:00.000Z' });
    await buildStripeCustomer(t.db, ws, { customer_id: 'cus_matched', account_id: account });

    expect((await selectWaitingCustomers(t.db, ws)).map((c) => c.customer_id)).toEqual(['cus_c', 'cus_b', 'cus_a']);
  });

  it('keeps each event once per workspace and lists the newest received first', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const other = (await buildWorkspace(t.db)).id;
    await insertEvent(t.db, event(ws, 'evt_1', '2026-11-01T00:00:00.000Z'));
    await insertEvent(t.db, event(ws, 'evt_2', '2026-11-03T00:00:00.000Z', 'ignored'));
    await insertEvent(t.db, event(ws, 'evt_3', '2026-11-02T00:00:00.000Z'));
    await insertEvent(t.db, event(other, 'evt_1', '2026-11-05T00:00:00.000Z'));

    expect(await findEvent(t.db, ws, 'evt_2')).toEqual({ event_id: 'evt_2', outcome: 'ignored' });
    expect(await findEvent(t.db, ws, 'evt_9')).toBeUndefined();
    await expect(insertEvent(t.db, event(ws, 'evt_1', '2026-11-04T00:00:00.000Z'))).rejects.toThrow();
    expect((await selectRecentEvents(t.db, ws, 2)).map((e) => e.event_id)).toEqual(['evt_2', 'evt_3']);
  });
});
