import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;

/** A workspace of the test's own: an admin and a CSM signed in, and its accounts by name. */
interface Book {
  ws: string;
  admin: Client;
  csm: Client;
  ids: Map<string, string>;
}

const upload = (client: Client, csv: string, query = '') =>
  client.request({
    method: 'POST',
    url: `/api/v1/imports/subscriptions${query}`,
    headers: { 'content-type': 'text/csv' },
    payload: csv,
  });

const subscriptionCount = async (workspaceId: string) =>
  Number(
    (
      await t.ctx.db
        .selectFrom('revenue_subscriptions')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirstOrThrow()
    ).n,
  );

async function account(book: Book, name: string, domain: string | null): Promise<string> {
  const res = await book.admin.request({
    method: 'POST',
    url: '/api/v1/accounts',
    payload: { name, domain, segment: 'smb' },
  });
  expect(res.statusCode, res.body).toBe(201);
  book.ids.set(name, res.json().id);
  return res.json().id;
}

/** A workspace with Northwind (northwind.example), Contoso, Fabrikam and Initech, and no subscription yet. */
async function setUp(slug: string): Promise<Book> {
  const ws = await t.workspace(slug);
  const book: Book = {
    ws,
    admin: await t.login((await t.user(ws, 'admin')).email),
    csm: await t.login((await t.user(ws, 'csm')).email),
    ids: new Map(),
  };
  await account(book, 'Northwind', 'northwind.example');
  await account(book, 'Contoso', null);
  await account(book, 'Fabrikam', null);
  await account(book, 'Initech', null);
  return book;
}

/**
 * A book worked out by hand (ARR in dollars):
 * - Northwind (by domain): 12,000 from 2024-01-01, + 6,000 from 2024-07-01 (expansion 6,000); 10 then 5 seats
 * - Contoso (by Baton id): 24,000 until 2024-06-01, then MRR 1,500 (18,000) → contraction 6,000
 * - Fabrikam (by name): 9,000 ending 2024-12-31 exactly → no ARR on the 31st: churn 9,000
 * - Initech: a trial only → nothing
 * - Zeta (unknown yet): 30,000 from 2024-03-01 → waits, then new once Zeta exists
 * - a EUR subscription of Northwind → left out of USD figures, named
 */
const bookCsv = (ids: Map<string, string>) =>
  [
    'subscription_id,account_id,account_name,start_date,end_date,arr_amount,mrr_amount,seats,plan_tier,is_trial,currency,billing_frequency,auto_renew_flag',
    'S-1,northwind.example,,2024-01-01,,12000,,10,Pro,False,USD,annual,True',
    'S-2,northwind.example,,2024-07-01,,6000,,5,Pro,False,USD,annual,True',
    `S-3,${ids.get('Contoso')},,2023-06-01,2024-06-01,24000,,,Enterprise,False,USD,annual,True`,
    `S-4,${ids.get('Contoso')},,2024-06-01,,,1500,,Pro,False,USD,monthly,False`,
    'S-5,,Fabrikam,2023-12-31,2024-12-31,9000,,,Basic,False,USD,annual,True',
    'S-6,,Initech,2024-02-01,,0,,3,Pro,True,USD,monthly,True',
    'S-7,A-ZETA,Zeta,2024-03-01,,30000,,,Enterprise,false,USD,annual,true',
    'S-8,northwind.example,,2024-01-01,,5000,,,Pro,False,EUR,annual,True',
  ].join('\n');

/** The book imported; with `zeta`, Zeta's account then appears and the jobs it queues have run. */
async function withBook(slug: string, options: { zeta: boolean }): Promise<Book> {
  const book = await setUp(slug);
  const res = await upload(book.admin, bookCsv(book.ids));
  expect(res.json()).toMatchObject({ read: 8, created: 8, rejected: 0 });
  if (options.zeta) {
    await account(book, 'Zeta', null);
    expect(await t.runJobs()).toEqual([]);
  }
  return book;
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('revenue over HTTP', () => {
  it('refuses a file without the columns it needs, naming the file, and writes nothing', async () => {
    const { ws, admin } = await setUp('refused-file');
    const res = await upload(admin, 'subscription_id,account_id,arr\nS-1,x,100\n', '?format=subscriptions');
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'file', message: expect.stringContaining('start_date') }),
      ]),
    );
    expect(await subscriptionCount(ws)).toBe(0);
  });

  it('rejects bad rows one by one, naming the field, and stores none of them', async () => {
    const { ws, admin } = await setUp('bad-rows');
    const res = await upload(
      admin,
      'subscription_id,account_id,start_date,end_date,arr_amount\nS-x,northwind.example,2024-02-30,,100\nS-y,northwind.example,2024-03-01,2024-01-01,100\nS-z,northwind.example,2024-03-01,,lots\n',
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ read: 3, created: 0, rejected: 3 });
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['arr', 'end_date', 'start_date']);
    expect(await subscriptionCount(ws)).toBe(0);
  });

  it('imports the book: by domain, Baton id or name; an unknown account waits; importing again changes nothing', async () => {
    const { admin, csm, ids } = await setUp('book');
    const first = await upload(admin, bookCsv(ids));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ kind: 'subscriptions', read: 8, created: 8, rejected: 0 });
    expect(first.json().notes).toEqual([
      expect.stringContaining('1 subscription names an account Baton does not know'),
    ]);
    const history = (await admin.request({ method: 'GET', url: '/api/v1/imports?kind=subscriptions&limit=1' })).json();
    expect(history.items[0].notes).toEqual(first.json().notes);
    const again = await upload(admin, bookCsv(ids));
    expect(again.json()).toMatchObject({ read: 8, created: 0, updated: 0, unchanged: 8 });
    const waiting = await csm.request({ method: 'GET', url: '/api/v1/revenue/waiting' });
    expect(waiting.json().subscriptions.map((s: { externalId: string }) => s.externalId)).toEqual(['S-7']);
  });

  it('gives ARR on a day per account, in USD only, saying the EUR subscription is left out', async () => {
    const { csm } = await withBook('arr', { zeta: false });
    const res = await csm.request({ method: 'GET', url: '/api/v1/revenue/arr?on=2024-12-31' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ on: '2024-12-31', currency: 'USD', totalArr: 36_000, mixedCurrencies: true });
    expect(body.note).toContain('1 in EUR');
    expect(body.accounts.map((a: { account: string; arr: number }) => [a.account, a.arr])).toEqual([
      ['Contoso', 18_000],
      ['Northwind', 18_000],
    ]);
    expect((await csm.request({ method: 'GET', url: '/api/v1/revenue/arr?on=2024-12-30' })).json().totalArr).toBe(
      45_000,
    );
  });

  it('matches the waiting subscription when its account appears, through the accounts.appeared event', async () => {
    const book = await withBook('waiting', { zeta: false });
    const { csm } = book;
    await account(book, 'Zeta', null);
    expect(await t.runJobs()).toEqual([]);
    const waiting = await csm.request({ method: 'GET', url: '/api/v1/revenue/waiting' });
    expect(waiting.json()).toEqual({ customers: [], subscriptions: [] });
    const res = await csm.request({ method: 'GET', url: '/api/v1/revenue/arr?on=2024-12-31' });
    expect(res.json().totalArr).toBe(66_000);
  });

  it('measures retention over 2024 with each account’s net change once, by cohort, and the waterfall', async () => {
    const { csm } = await withBook('retention', { zeta: true });
    const res = await csm.request({ method: 'GET', url: '/api/v1/revenue/retention?from=2024-01-01&to=2024-12-31' });
    expect(res.statusCode, res.body).toBe(200);
    // start: Northwind 12,000 + Contoso 24,000 + Fabrikam 9,000 = 45,000
    expect(res.json()).toMatchObject({
      accounts: 3,
      startArr: 45_000,
      expansion: 6_000,
      contraction: 6_000,
      churn: 9_000,
      endArr: 36_000,
      grr: 0.6667,
      nrr: 0.8,
      waterfall: {
        start: 45_000,
        new: 30_000,
        reactivation: 0,
        expansion: 6_000,
        contraction: 6_000,
        churn: 9_000,
        end: 66_000,
      },
    });
    expect(res.json().cohorts.map((c: { cohort: string; nrr: number }) => [c.cohort, c.nrr])).toEqual([
      ['2023-Q2', 0.75], // Contoso
      ['2023-Q4', 0], // Fabrikam
      ['2024-Q1', 1.5], // Northwind
    ]);
  });

  it('gives movements by month and the next renewals', async () => {
    const { csm } = await withBook('movements', { zeta: true });
    const moves = (
      await csm.request({ method: 'GET', url: '/api/v1/revenue/movements?from=2024-06&to=2024-07' })
    ).json();
    expect(moves.months.map((m: Record<string, number>) => [m.month, m.contraction, m.expansion])).toEqual([
      ['2024-06', 6_000, 0],
      ['2024-07', 0, 6_000],
    ]);
    const renewals = (
      await csm.request({ method: 'GET', url: '/api/v1/revenue/renewals?asOf=2024-12-01&withinDays=60' })
    ).json();
    expect(
      renewals.items.map((r: { account: string; date: string; basis: string }) => [r.account, r.date, r.basis]),
    ).toEqual([
      ['Contoso', '2024-12-01', 'anniversary'], // monthly since 2024-06-01: it renews today
      ['Fabrikam', '2024-12-31', 'end_date'], // its term ends: renewed or lost that day
      ['Northwind', '2025-01-01', 'anniversary'],
    ]);
  });

  it('feeds subscription seats to adoption unless seats were set by hand', async () => {
    const { admin, ids } = await withBook('seats', { zeta: true });
    const seats = async (name: string) =>
      (
        await t.ctx.db
          .selectFrom('usage_account_seats')
          .select('seats')
          .where('account_id', '=', ids.get(name) as string)
          .executeTakeFirst()
      )?.seats ?? null;
    expect(Number(await seats('Northwind'))).toBe(15);
    const set = await admin.request({
      method: 'PUT',
      url: `/api/v1/usage/accounts/${ids.get('Contoso')}/seats`,
      payload: { seats: 40 },
    });
    expect(set.statusCode, set.body).toBe(200);
    const changed = bookCsv(ids)
      .replace('S-4,', 'S-4,')
      .replace(',Pro,False,USD,monthly,False', ',Pro,False,USD,monthly,False')
      .replace('2024-06-01,,,1500,,', '2024-06-01,,,1500,25,');
    expect((await upload(admin, changed)).json()).toMatchObject({ updated: 1 });
    expect(Number(await seats('Contoso'))).toBe(40);
    const northwind = bookCsv(ids).replace(
      'S-2,northwind.example,,2024-07-01,,6000,,5,',
      'S-2,northwind.example,,2024-07-01,,6000,,8,',
    );
    await upload(admin, northwind);
    expect(Number(await seats('Northwind'))).toBe(18);
  });

  it('lists an account’s subscriptions and refuses bad queries naming the field', async () => {
    const { admin, csm, ids } = await withBook('subscriptions', { zeta: true });
    const list = await csm.request({
      method: 'GET',
      url: `/api/v1/revenue/accounts/${ids.get('Northwind')}/subscriptions`,
    });
    expect(list.json().items.map((s: { externalId: string; arr: number }) => [s.externalId, s.arr])).toEqual([
      ['S-1', 12_000],
      ['S-8', 5_000],
      ['S-2', 6_000],
    ]);
    for (const [url, field] of [
      ['/api/v1/revenue/arr?on=2024-13-01', 'querystring.on'],
      ['/api/v1/revenue/retention?from=2024-12-31&to=2024-01-01', 'querystring.from'],
      ['/api/v1/revenue/movements?from=2024-1', 'querystring.from'],
    ]) {
      const res = await csm.request({ method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const bad = await admin.request({ method: 'PUT', url: '/api/v1/revenue/settings', payload: { currency: 'usd' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.currency');
    const eur = await admin.request({ method: 'PUT', url: '/api/v1/revenue/settings', payload: { currency: 'EUR' } });
    expect(eur.statusCode, eur.body).toBe(200);
    expect((await csm.request({ method: 'GET', url: '/api/v1/revenue/arr?on=2024-12-31' })).json()).toMatchObject({
      currency: 'EUR',
      totalArr: 5_000,
    });
  });
});
