import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

const SECRET = 'whsec_acmeSigningSecret0123456789abcdef';
const OLD_SECRET = 'whsec_acmeOldSigningSecret98765432100';
const stripe = new Stripe('sk_test_baton_signing_only');

let t: TestApp;
/** The server's clock: deliveries are signed at this moment unless a test says otherwise. */
const NOW = new Date('2026-12-01T09:00:00Z');
const NOW_SECONDS = Math.floor(NOW.getTime() / 1000);

/** A delivery signed by Stripe's own package (`generateTestHeaderString`), or with the header given. */
function deliver(slug: string, event: object, opts: { secret?: string; timestamp?: number; header?: string } = {}) {
  const payload = JSON.stringify(event);
  const header =
    opts.header ??
    stripe.webhooks.generateTestHeaderString({
      payload,
      secret: opts.secret ?? SECRET,
      timestamp: opts.timestamp ?? NOW_SECONDS,
    });
  return t.inject({
    method: 'POST',
    url: `/webhooks/stripe/${slug}`,
    headers: { 'content-type': 'application/json', 'stripe-signature': header },
    payload,
  });
}

let seq = 0;
const at = (iso: string) => Math.floor(Date.parse(iso) / 1000);
const event = (type: string, object: object, created = at('2026-11-01T10:00:00Z')) => ({
  id: `evt_test_${++seq}`,
  object: 'event',
  type,
  created,
  livemode: false,
  api_version: '2025-01-27',
  data: { object },
});

const subscription = (over: Record<string, unknown> = {}) => ({
  id: 'sub_nw_1',
  object: 'subscription',
  customer: 'cus_nw',
  status: 'active',
  currency: 'usd',
  start_date: at('2026-01-15T00:00:00Z'),
  created: at('2026-01-15T00:00:00Z'),
  cancel_at_period_end: false,
  cancel_at: null,
  ended_at: null,
  trial_end: null,
  items: {
    object: 'list',
    data: [
      {
        id: 'si_1',
        quantity: 20,
        current_period_end: at('2027-01-15T00:00:00Z'),
        price: {
          id: 'price_pro',
          unit_amount: 5_000,
          currency: 'usd',
          nickname: 'Pro',
          recurring: { interval: 'month', interval_count: 1 },
        },
      },
    ],
  },
  ...over,
});

const rowOf = (workspaceId: string) =>
  t.ctx.db
    .selectFrom('revenue_subscriptions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('external_id', '=', 'sub_nw_1')
    .executeTakeFirst();

beforeAll(async () => {
  t = await createTestApp({}, { now: () => NOW });
});
afterAll(async () => t?.close());

/** A workspace of the test's own, taking Stripe deliveries signed with SECRET, with its account Northwind. */
async function setUp(slug: string): Promise<{ slug: string; id: string; admin: Client; northwind: string }> {
  const id = await t.workspace(slug);
  const admin = await t.login((await t.user(id, 'admin')).email);
  const res = await admin.request({
    method: 'POST',
    url: '/api/v1/accounts',
    payload: { name: 'Northwind', domain: 'northwind.example', segment: 'mid_market' },
  });
  expect(res.statusCode, res.body).toBe(201);
  const set = await admin.request({ method: 'PUT', url: '/api/v1/revenue/stripe', payload: { secret: SECRET } });
  expect(set.statusCode, set.body).toBe(200);
  expect(set.json()).toMatchObject({ webhookPath: `/webhooks/stripe/${slug}`, secret: { set: true, last4: 'cdef' } });
  expect(set.body).not.toContain(SECRET);
  return { slug, id, admin, northwind: res.json().id };
}

const northwindCustomer = () =>
  event('customer.created', { id: 'cus_nw', email: 'billing@northwind.example', name: 'Northwind', metadata: {} });

/** Northwind's Stripe customer and its subscription of 20 Pro seats at 50 a month from 2026-01-15. */
async function subscribed(slug: string): Promise<void> {
  expect((await deliver(slug, northwindCustomer())).json()).toMatchObject({ outcome: 'applied' });
  const res = await deliver(slug, event('customer.subscription.created', subscription(), at('2026-01-15T00:00:05Z')));
  expect(res.json()).toMatchObject({ outcome: 'applied', detail: 'subscription created' });
}

/** The subscription raised to 30 seats on 2026-03-01. */
const raised = () =>
  event(
    'customer.subscription.updated',
    subscription({ items: { object: 'list', data: [{ ...subscription().items.data[0], quantity: 30 }] } }),
    at('2026-03-01T00:00:00Z'),
  );

describe('Stripe webhooks', () => {
  it('refuses a wrong secret, an old timestamp and an unknown workspace alike (401, nothing stored)', async () => {
    const { id } = await setUp('refusing');
    const e = event('customer.created', { id: 'cus_x', email: 'a@x.example', metadata: {} });
    const wrong = await deliver('refusing', e, { secret: 'whsec_notTheRightOne000000000' });
    const stale = await deliver('refusing', e, { timestamp: NOW_SECONDS - 600 });
    const unknown = await deliver('no-such-workspace', e);
    const unsigned = await deliver('refusing', e, { header: 'v1=abc' });
    for (const res of [wrong, stale, unknown, unsigned]) {
      expect(res.statusCode, res.body).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(unknown.json().detail).toBe(wrong.json().detail);
    expect(stale.json().detail).toContain('300 seconds');
    const events = await t.ctx.db
      .selectFrom('revenue_stripe_events')
      .selectAll()
      .where('workspace_id', '=', id)
      .execute();
    expect(events).toEqual([]);
  });

  it('accepts a header with several v1 signatures when one matches (a secret being rolled)', async () => {
    const { northwind } = await setUp('rolling');
    const e = northwindCustomer();
    const payload = JSON.stringify(e);
    const timestamp = NOW_SECONDS;
    const sig = (secret: string) =>
      stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp }).split('v1=')[1] as string;
    const res = await deliver('rolling', e, { header: `t=${timestamp},v1=${sig(OLD_SECRET)},v1=${sig(SECRET)}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ outcome: 'applied', detail: `customer of account ${northwind}` });
    const again = await deliver('rolling', e);
    expect(again.json()).toMatchObject({ outcome: 'duplicate' });
  });

  it('takes a subscription: ARR from price × quantity × 12, seats, renewal from the current period', async () => {
    const { id, admin } = await setUp('subscribing');
    await subscribed('subscribing');
    const arr = await admin.request({ method: 'GET', url: '/api/v1/revenue/arr?on=2026-06-01' });
    expect(arr.json()).toMatchObject({
      totalArr: 12_000,
      accounts: [{ account: 'Northwind', externalId: 'cus_nw', arr: 12_000 }],
    });
    expect(await rowOf(id)).toMatchObject({
      seats: 20,
      plan: 'Pro',
      billing_period: 'monthly',
      renews_on: '2027-01-15',
    });
  });

  it('never applies an older state over a newer one', async () => {
    const { id, admin } = await setUp('ordering');
    await subscribed('ordering');
    const older = subscription({
      items: { object: 'list', data: [{ ...subscription().items.data[0], quantity: 25 }] },
    });
    expect((await deliver('ordering', raised())).json()).toMatchObject({
      outcome: 'applied',
      detail: 'subscription updated (the earlier state counts until 2026-03-01)',
    });
    const replay = await deliver('ordering', event('customer.subscription.updated', older, at('2026-02-01T00:00:00Z')));
    expect(replay.json()).toMatchObject({ outcome: 'ignored', detail: expect.stringContaining('out of order') });
    expect(await rowOf(id)).toMatchObject({ seats: 30, start_date: '2026-03-01' });
    expect(Number((await rowOf(id))?.arr_cents)).toBe(30 * 5_000 * 12);
    // The earlier state keeps its ARR until the change: an expansion on 1 March, not a rewritten past.
    const arr = async (on: string) =>
      (await admin.request({ method: 'GET', url: `/api/v1/revenue/arr?on=${on}` })).json().totalArr;
    expect(await arr('2026-02-28')).toBe(12_000);
    expect(await arr('2026-03-01')).toBe(18_000);
  });

  it('records a failed payment for the renewals, and a cancellation ends the ARR', async () => {
    const { admin } = await setUp('cancelling');
    await subscribed('cancelling');
    expect((await deliver('cancelling', raised())).json()).toMatchObject({ outcome: 'applied' });
    const failed = await deliver(
      'cancelling',
      event(
        'invoice.payment_failed',
        { id: 'in_1', customer: 'cus_nw', subscription: 'sub_nw_1' },
        at('2026-03-02T00:00:00Z'),
      ),
    );
    expect(failed.json()).toMatchObject({ outcome: 'applied', detail: 'invoice payment failed' });
    const renewals = await admin.request({
      method: 'GET',
      url: '/api/v1/revenue/renewals?asOf=2026-12-01&withinDays=60',
    });
    expect(renewals.json().items).toEqual([
      expect.objectContaining({ account: 'Northwind', date: '2027-01-15', basis: 'current_term', paymentFailed: true }),
    ]);
    const ended = subscription({
      status: 'canceled',
      ended_at: at('2026-04-01T00:00:00Z'),
      canceled_at: at('2026-04-01T00:00:00Z'),
      items: { object: 'list', data: [{ ...subscription().items.data[0], quantity: 30 }] },
    });
    await deliver('cancelling', event('customer.subscription.deleted', ended, at('2026-04-01T00:00:01Z')));
    const arr = async (on: string) =>
      (await admin.request({ method: 'GET', url: `/api/v1/revenue/arr?on=${on}` })).json().totalArr;
    expect(await arr('2026-03-31')).toBe(18_000);
    expect(await arr('2026-04-01')).toBe(0);
  });

  it('keeps a customer with no account waiting, listed, and matches it when its account appears', async () => {
    const { admin } = await setUp('waiting');
    await deliver(
      'waiting',
      event('customer.created', { id: 'cus_new', email: 'ap@globex.example', name: 'Globex', metadata: {} }),
    );
    await deliver(
      'waiting',
      event('customer.subscription.created', subscription({ id: 'sub_gx', customer: 'cus_new' })),
    );
    const waiting = await admin.request({ method: 'GET', url: '/api/v1/revenue/waiting' });
    expect(waiting.json().customers).toEqual([
      expect.objectContaining({ customerId: 'cus_new', email: 'ap@globex.example' }),
    ]);
    const created = await admin.request({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { name: 'Globex', domain: 'globex.example', segment: 'smb' },
    });
    expect(await t.runJobs()).toEqual([]);
    expect((await admin.request({ method: 'GET', url: '/api/v1/revenue/waiting' })).json().customers).toEqual([]);
    const list = await admin.request({
      method: 'GET',
      url: `/api/v1/revenue/accounts/${created.json().id}/subscriptions`,
    });
    expect(list.json().items.map((s: { externalId: string; arr: number }) => [s.externalId, s.arr])).toEqual([
      ['sub_gx', 12_000],
    ]);
  });

  it('matches by the account id in the metadata first, and refuses a malformed event naming the field', async () => {
    const { northwind } = await setUp('metadata');
    const res = await deliver(
      'metadata',
      event('customer.created', { id: 'cus_meta', email: 'x@gmail.com', metadata: { baton_account_id: northwind } }),
    );
    expect(res.json().detail).toBe(`customer of account ${northwind}`);
    const bad = await deliver('metadata', { id: 'evt_bad', type: 'customer.created', data: { object: {} } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.created');
    const ignored = await deliver('metadata', event('charge.succeeded', { id: 'ch_1' }));
    expect(ignored.json()).toMatchObject({ outcome: 'ignored' });
  });
});
