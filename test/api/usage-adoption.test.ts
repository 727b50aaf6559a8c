import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let acme: string;
let admin: Client;
let viewer: Client;
let key: string;
let url: string;
let northwind: string;
let contoso: string;
let betaAccount: string;
let slugs = 0;

const D = '2026-11-20';
const day = (offset: number) =>
  new Date(Date.parse(`${D}T00:00:00.000Z`) + offset * 86_400_000).toISOString().slice(0, 10);
const at = (offset: number, time = '10:00:00.000') => `${day(offset)}T${time}Z`;

const basic = (writeKey: string) => `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`;
/** A raw Segment batch, as the client sends it. */
const send = async (batch: unknown[]) => {
  const res = await fetch(`${url}/v1/batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: basic(key) },
    body: JSON.stringify({ batch, sentAt: new Date().toISOString() }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
};
const track = (
  messageId: string,
  userId: string,
  event: string,
  offset: number,
  groupId: string | null,
  time?: string,
) => ({
  type: 'track',
  messageId,
  userId,
  event,
  timestamp: at(offset, time),
  ...(groupId ? { context: { groupId } } : {}),
});

const featureRows = (accountId: string) =>
  t.ctx.db
    .selectFrom('usage_daily_account_feature')
    .select(['day', 'feature', 'events'])
    .where('workspace_id', '=', acme)
    .where('account_id', '=', accountId)
    .orderBy('day')
    .orderBy('feature')
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, events: Number(r.events) })));
const userRows = (accountId: string) =>
  t.ctx.db
    .selectFrom('usage_daily_account_user')
    .select(['day', 'user_key', 'events'])
    .where('workspace_id', '=', acme)
    .where('account_id', '=', accountId)
    .orderBy('day')
    .orderBy('user_key')
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, events: Number(r.events) })));

/** Northwind's usage over four weeks: five users, four features. */
const northwindBatch = () => [
  track('nw-1', 'u1', 'Report Published', 0, northwind, '08:00:00.000'),
  track('nw-2', 'u1', 'Report Published', 0, northwind, '12:00:00.000'),
  track('nw-3', 'u1', 'Report Published', 0, northwind, '23:59:59.000'),
  {
    type: 'page',
    messageId: 'nw-4',
    userId: 'u1',
    name: 'Dashboard',
    timestamp: at(0),
    context: { groupId: northwind },
  },
  {
    type: 'identify',
    messageId: 'nw-5',
    userId: 'u1',
    traits: { email: 'u1@northwind.example' },
    timestamp: at(0),
    context: { groupId: northwind },
  },
  { type: 'group', messageId: 'nw-6', userId: 'u1', groupId: northwind, timestamp: at(0) },
  track('nw-7', 'u2', 'Login', -1, northwind),
  track('nw-8', 'u2', 'Login', -1, northwind),
  track('nw-9', 'u5', 'Export', -3, northwind),
  track('nw-10', 'u3', 'Export', -10, northwind),
  track('nw-11', 'u1', 'Login', -21, northwind),
  track('nw-12', 'u4', 'Login', -25, northwind),
];

const NORTHWIND_FEATURES = [
  { day: day(-25), feature: 'Login', events: 1 },
  { day: day(-21), feature: 'Login', events: 1 },
  { day: day(-10), feature: 'Export', events: 1 },
  { day: day(-3), feature: 'Export', events: 1 },
  { day: day(-1), feature: 'Login', events: 2 },
  { day: D, feature: 'Report Published', events: 3 },
  { day: D, feature: 'page:Dashboard', events: 1 },
];
const NORTHWIND_USERS = [
  { day: day(-25), user_key: 'u4', events: 1 },
  { day: day(-21), user_key: 'u1', events: 1 },
  { day: day(-10), user_key: 'u3', events: 1 },
  { day: day(-3), user_key: 'u5', events: 1 },
  { day: day(-1), user_key: 'u2', events: 2 },
  { day: D, user_key: 'u1', events: 4 },
];

const createAccount = async (c: Client, name: string, domain: string) => {
  const res = await c.request({
    method: 'POST',
    url: '/api/v1/accounts',
    payload: { name, domain, segment: 'mid_market' },
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
};
/** Northwind's four weeks and the two Report Published u2 adds on the day, as the rollup tests send them. */
const sendNorthwindUsage = async () => {
  await send(northwindBatch());
  await send([
    track('nw-13', 'u2', 'Report Published', 0, northwind),
    track('nw-14', 'u2', 'Report Published', 0, northwind),
  ]);
};

beforeAll(async () => {
  t = await createTestApp();
  const beta = await t.workspace('beta');
  betaAccount = await createAccount(await t.login((await t.user(beta, 'admin')).email), 'Beta Corp', 'beta.example');
  await t.server.app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(t.server.app.server.address() as AddressInfo).port}`;
});
// Each test gets a workspace of its own: an admin, a viewer, Northwind and Contoso, and an ingest key.
beforeEach(async () => {
  acme = await t.workspace(`acme-${++slugs}`);
  admin = await t.login((await t.user(acme, 'admin')).email);
  viewer = await t.login((await t.user(acme, 'viewer')).email);
  northwind = await createAccount(admin, 'Northwind', 'northwind.example');
  contoso = await createAccount(admin, 'Contoso', 'contoso.example');
  key = await t.apiKey(acme, 'ingest');
});
afterAll(async () => t?.close());

describe('usage rollups', () => {
  it('counts feature usage per account, day, feature and user as events arrive', async () => {
    await send([
      ...northwindBatch(),
      {
        type: 'page',
        messageId: 'co-1',
        anonymousId: 'anon-1',
        name: 'Pricing',
        timestamp: at(-2),
        context: { groupId: contoso },
      },
    ]);
    expect(await featureRows(northwind)).toEqual(NORTHWIND_FEATURES);
    expect(await userRows(northwind)).toEqual(NORTHWIND_USERS);
    expect(await featureRows(contoso)).toEqual([{ day: day(-2), feature: 'page:Pricing', events: 1 }]);
    expect(await userRows(contoso)).toEqual([{ day: day(-2), user_key: 'anon-1', events: 1 }]);
  });

  it('does not count a retried batch again, and counts only the new events of a partly retried one', async () => {
    await send(northwindBatch());
    await send(northwindBatch());
    expect(await featureRows(northwind)).toEqual(NORTHWIND_FEATURES);
    expect(await userRows(northwind)).toEqual(NORTHWIND_USERS);
    await send([
      northwindBatch()[0],
      track('nw-13', 'u2', 'Report Published', 0, northwind),
      track('nw-14', 'u2', 'Report Published', 0, northwind),
    ]);
    const features = await featureRows(northwind);
    expect(features.find((r) => r.day === D && r.feature === 'Report Published')?.events).toBe(5);
    expect((await userRows(northwind)).find((r) => r.day === D && r.user_key === 'u2')?.events).toBe(2);
  });

  it('counts the same batch sent by several connections at once once, and concurrent new events all', async () => {
    // Sixty days back: outside the adoption windows the tests below check.
    const batch = Array.from({ length: 20 }, (_, i) => track(`race-${i}`, `racer-${i % 4}`, 'Race', -60, contoso));
    const other = Array.from({ length: 10 }, (_, i) => track(`race-b-${i}`, `racer-${i % 4}`, 'Race', -60, contoso));
    const all = await Promise.all([...Array.from({ length: 5 }, () => send(batch)), send(other)]);
    expect(all).toHaveLength(6);
    expect((await featureRows(contoso)).find((r) => r.feature === 'Race')).toEqual({
      day: day(-60),
      feature: 'Race',
      events: 30,
    });
    const racers = (await userRows(contoso)).filter((r) => r.user_key.startsWith('racer-'));
    expect(racers.map((r) => r.events)).toEqual([8, 8, 7, 7]);
  });

  it('counts events kept aside once, when they are re-matched', async () => {
    // fabrikam.example is no account yet; k2 names no group at all.
    await send([
      track('fa-1', 'k1', 'Login', 0, 'fabrikam.example'),
      track('fa-2', 'k1', 'Login', 0, 'fabrikam.example'),
      track('fa-3', 'k2', 'Export', -1, null),
    ]);
    const none = await t.ctx.db
      .selectFrom('usage_daily_account_user')
      .select('user_key')
      .where('workspace_id', '=', acme)
      .where('user_key', 'in', ['k1', 'k2'])
      .execute();
    expect(none).toEqual([]);
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { name: 'Fabrikam', domain: 'fabrikam.example', segment: 'smb' },
    });
    const fabrikam = res.json().id as string;
    expect((await admin.request({ method: 'POST', url: '/api/v1/usage/rematch' })).json()).toEqual({ matched: 2 });
    expect((await admin.request({ method: 'POST', url: '/api/v1/usage/rematch' })).json()).toEqual({ matched: 0 });
    expect(await featureRows(fabrikam)).toEqual([{ day: D, feature: 'Login', events: 2 }]);
    // A group call maps k2 to Fabrikam: its event kept aside is matched in the same request, and counted once.
    await send([{ type: 'group', messageId: 'fa-4', userId: 'k2', groupId: fabrikam, timestamp: at(0) }]);
    await send([{ type: 'group', messageId: 'fa-4', userId: 'k2', groupId: fabrikam, timestamp: at(0) }]);
    expect((await admin.request({ method: 'POST', url: '/api/v1/usage/rematch' })).json()).toEqual({ matched: 0 });
    expect(await featureRows(fabrikam)).toEqual([
      { day: day(-1), feature: 'Export', events: 1 },
      { day: D, feature: 'Login', events: 2 },
    ]);
    expect(await userRows(fabrikam)).toEqual([
      { day: day(-1), user_key: 'k2', events: 1 },
      { day: D, user_key: 'k1', events: 2 },
    ]);
  });
});

describe('seats and adoption', () => {
  const seats = (accountId: string, payload: Record<string, unknown>, c = admin) =>
    c.request({ method: 'PUT', url: `/api/v1/usage/accounts/${accountId}/seats`, payload });
  const adoption = (accountId: string, q = `?day=${D}`) =>
    viewer.request({ method: 'GET', url: `/api/v1/usage/accounts/${accountId}/adoption${q}` });

  it('sets and clears licensed seats, audited', async () => {
    const set = await seats(northwind, { seats: 8 });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ accountId: northwind, seats: 8 });
    expect((await seats(contoso, { seats: 3 })).json()).toMatchObject({ seats: 3 });
    const cleared = await seats(contoso, { seats: null });
    expect(cleared.json()).toEqual({ accountId: contoso, seats: null, updatedAt: null });
    const rows = await t.ctx.db
      .selectFrom('usage_account_seats')
      .select(['account_id', 'seats'])
      .where('workspace_id', '=', acme)
      .execute();
    expect(rows.map((r) => ({ ...r, seats: Number(r.seats) }))).toEqual([{ account_id: northwind, seats: 8 }]);
    const audits = await t.ctx.db
      .selectFrom('audit_log')
      .select(['entity_id', 'before_json', 'after_json'])
      .where('workspace_id', '=', acme)
      .where('action', '=', 'usage.seats_set')
      .execute();
    expect(audits).toHaveLength(3);
    expect(
      audits.map((a) => [JSON.parse(a.before_json as string).seats, JSON.parse(a.after_json as string).seats]),
    ).toEqual([
      [null, 8],
      [null, 3],
      [3, null],
    ]);
  });

  it('refuses bad seats naming the field and writes nothing; refuses viewers and other workspaces', async () => {
    expect((await seats(northwind, { seats: 8 })).statusCode).toBe(200);
    for (const payload of [{ seats: -1 }, { seats: 2.5 }, { seats: 'ten' }, {}]) {
      const res = await seats(northwind, payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain('body.seats');
    }
    expect((await seats(northwind, { seats: 1 }, viewer)).statusCode).toBe(403);
    expect((await seats(betaAccount, { seats: 1 })).statusCode).toBe(404);
    expect((await adoption(betaAccount)).statusCode).toBe(404);
    const row = await t.ctx.db
      .selectFrom('usage_account_seats')
      .select('seats')
      .where('account_id', '=', northwind)
      .executeTakeFirstOrThrow();
    expect(Number(row.seats)).toBe(8);
  });

  it('gives an account’s adoption numbers on a day, with its 30-day series', async () => {
    await sendNorthwindUsage();
    expect((await seats(northwind, { seats: 8 })).statusCode).toBe(200);
    const res = await adoption(northwind);
    expect(res.statusCode).toBe(200);
    const a = res.json();
    // Users in 30 days: u1..u5; on D: u1, u2 (two Report Published); in 7 days: u1, u2, u5.
    expect(a).toMatchObject({
      accountId: northwind,
      day: D,
      dau: 2,
      wau: 3,
      mau: 5,
      seats: 8,
      adoptionRate: 5 / 8,
      featureBreadth: 4,
      events30d: 12,
      // u1 5 events, u2 4, then 1 each: (5 + 4 + 1) / 12.
      concentration: 10 / 12,
      // Last 7 days u1, u2, u5 against days −27…−21: u1, u4.
      trend: { current: 3, previous: 2, changePct: 50 },
    });
    expect(a.daily).toHaveLength(30);
    expect(a.daily[29]).toEqual({ day: D, activeUsers: 2, events: 6 });
    expect(a.daily[28]).toEqual({ day: day(-1), activeUsers: 1, events: 2 });
    expect(a.daily[0]).toEqual({ day: day(-29), activeUsers: 0, events: 0 });
    expect(a.daily.reduce((n: number, p: { events: number }) => n + p.events, 0)).toBe(12);

    // Three weeks later nobody is active; that week's 3 users are the trend's earlier week, u3 is out of 30 days.
    const later = (await adoption(northwind, `?day=${day(21)}`)).json();
    expect(later).toMatchObject({
      dau: 0,
      wau: 0,
      mau: 3,
      featureBreadth: 4,
      trend: { current: 0, previous: 3, changePct: -100 },
    });
  });

  it('gives ten weeks of the daily series when asked, the numbers still over 30 days', async () => {
    await sendNorthwindUsage();
    // Three weeks on, 30 days no longer reach the first events; ten weeks hold all of them.
    const short = (await adoption(northwind, `?day=${day(21)}`)).json();
    const long = (await adoption(northwind, `?day=${day(21)}&days=70`)).json();
    expect(long.daily).toHaveLength(70);
    expect(long.daily[0].day).toBe(day(21 - 69));
    expect(long.daily.at(-1).day).toBe(day(21));
    expect(long.daily.reduce((n: number, p: { events: number }) => n + p.events, 0)).toBe(12);
    expect(short.daily.reduce((n: number, p: { events: number }) => n + p.events, 0)).toBeLessThan(12);
    const { daily: _l, ...longNumbers } = long;
    const { daily: _s, ...shortNumbers } = short;
    expect(longNumbers).toEqual(shortNumbers);
    for (const q of ['?days=500', '?days=ten']) {
      const res = await adoption(northwind, q);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['querystring.days']);
    }
  });

  it('refuses a day that is not a date, naming the field', async () => {
    for (const q of ['?day=yesterday', '?day=2026-02-30']) {
      const res = await adoption(northwind, q);
      expect(res.statusCode).toBe(400);
      expect([...new Set(res.json().errors.map((e: { field: string }) => e.field))]).toEqual(['querystring.day']);
    }
    const res = await viewer.request({ method: 'GET', url: '/api/v1/usage/adoption?day=nope' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('querystring.day');
  });

  it('gives the portfolio, one row per account with usage, sorted and paged', async () => {
    // Northwind: five users in 30 days on 8 seats; Fabrikam: two users, two features; Contoso: one anonymous page view.
    await sendNorthwindUsage();
    expect((await seats(northwind, { seats: 8 })).statusCode).toBe(200);
    const fabrikam = await createAccount(admin, 'Fabrikam', 'fabrikam.example');
    await send([
      track('fa-1', 'k1', 'Login', 0, fabrikam),
      track('fa-2', 'k1', 'Login', 0, fabrikam),
      track('fa-3', 'k2', 'Export', -1, fabrikam),
      {
        type: 'page',
        messageId: 'co-1',
        anonymousId: 'anon-1',
        name: 'Pricing',
        timestamp: at(-2),
        context: { groupId: contoso },
      },
    ]);
    const list = async (q: string) => {
      const res = await viewer.request({ method: 'GET', url: `/api/v1/usage/adoption?day=${D}${q}` });
      expect(res.statusCode).toBe(200);
      return res.json() as {
        total: number;
        items: Array<{
          accountName: string;
          mau: number;
          adoptionRate: number | null;
          trend: { changePct: number | null };
        }>;
      };
    };
    const byMau = await list('&sort=mau');
    expect(byMau.total).toBe(3);
    expect(byMau.items.map((i) => [i.accountName, i.mau])).toEqual([
      ['Northwind', 5],
      ['Fabrikam', 2],
      ['Contoso', 1],
    ]);
    expect((await list('&sort=mau&order=asc')).items.map((i) => i.accountName)).toEqual([
      'Contoso',
      'Fabrikam',
      'Northwind',
    ]);
    // Only Northwind has seats: the others have no rate and come last, by name.
    const byRate = await list('&sort=adoptionRate');
    expect(byRate.items.map((i) => [i.accountName, i.adoptionRate])).toEqual([
      ['Northwind', 5 / 8],
      ['Contoso', null],
      ['Fabrikam', null],
    ]);
    const paged = await list('&sort=mau&limit=1&offset=1');
    expect(paged).toMatchObject({ total: 3, items: [{ accountName: 'Fabrikam' }] });
    expect((await list('&sort=featureBreadth')).items.map((i) => i.accountName)).toEqual([
      'Northwind',
      'Fabrikam',
      'Contoso',
    ]);
    const bad = await viewer.request({ method: 'GET', url: '/api/v1/usage/adoption?sort=revenue' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('querystring.sort');
  });

  it('is not shown to partner users', async () => {
    const firm = await t.partner(acme, 'Contoso Partners');
    const partner = await t.login((await t.user(acme, 'partner', { partnerId: firm })).email);
    expect((await partner.request({ method: 'GET', url: `/api/v1/usage/adoption?day=${D}` })).statusCode).toBe(403);
    expect(
      (await partner.request({ method: 'GET', url: `/api/v1/usage/accounts/${contoso}/adoption?day=${D}` })).statusCode,
    ).toBe(403);
  });
});

describe('licensed seats from a CSV', () => {
  const upload = (body: string, query = '', c = admin) =>
    c.request({
      method: 'POST',
      url: `/api/v1/imports/seats${query}`,
      headers: { 'content-type': 'text/csv' },
      payload: body,
    });
  const seatsOf = async (accountId: string) => {
    const row = await t.ctx.db
      .selectFrom('usage_account_seats')
      .select('seats')
      .where('workspace_id', '=', acme)
      .where('account_id', '=', accountId)
      .executeTakeFirst();
    return row ? Number(row.seats) : null;
  };

  it('imports seats by domain, name or id with a row-level report; a dry run writes nothing and the same file again changes nothing', async () => {
    const a = (
      await admin.request({
        method: 'POST',
        url: '/api/v1/accounts',
        payload: { name: 'Seatly One', domain: 'seatly-one.example', segment: 'smb' },
      })
    ).json().id as string;
    const b = (
      await admin.request({ method: 'POST', url: '/api/v1/accounts', payload: { name: 'Seatly Two', segment: 'smb' } })
    ).json().id as string;
    const file = `account,seats\nseatly-one.example,25\nSeatly Two,40\nnobody.example,5\nSeatly Two,lots\n${a},\n`;

    const dry = await upload(file, '?dryRun=true&fileName=seats.csv');
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ kind: 'seats', dryRun: true, read: 5, created: 2, rejected: 2, skipped: 1 });
    expect(await seatsOf(a)).toBeNull();

    const done = (await upload(file, '?fileName=seats.csv')).json();
    expect(done).toMatchObject({ dryRun: false, created: 2, rejected: 2 });
    // Rows counted from the first under the header.
    expect(done.errors.map((e: { row: number; field: string }) => [e.row, e.field]).sort()).toEqual([
      [3, 'account'],
      [4, 'seats'],
    ]);
    expect([await seatsOf(a), await seatsOf(b)]).toEqual([25, 40]);
    expect((await viewer.request({ method: 'GET', url: `/api/v1/imports/${done.runId}` })).statusCode).toBe(200);

    expect((await upload(file)).json()).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect((await upload('account,seats\nSeatly Two,45\n')).json()).toMatchObject({ updated: 1 });
    expect(await seatsOf(b)).toBe(45);
  });

  it('refuses viewers, and a file without an account column, naming the missing column', async () => {
    const seatlyTwo = (
      await admin.request({ method: 'POST', url: '/api/v1/accounts', payload: { name: 'Seatly Two', segment: 'smb' } })
    ).json().id as string;
    expect((await upload('account,seats\nSeatly Two,45\n')).json()).toMatchObject({ created: 1 });
    expect((await upload('account,seats\nSeatly Two,1\n', '', viewer)).statusCode).toBe(403);
    const bad = await upload('customer,seats\nSeatly Two,1\n');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toMatch(/account/);
    expect(await seatsOf(seatlyTwo)).toBe(45);
  });
});

describe('a daily usage table from a CSV', () => {
  const upload = (body: string, query = '', c = admin) =>
    c.request({
      method: 'POST',
      url: `/api/v1/imports/usage${query}`,
      headers: { 'content-type': 'text/csv' },
      payload: body,
    });
  const rollups = async (accountId: string) =>
    (
      await t.ctx.db
        .selectFrom('usage_daily_account_feature')
        .select(['day', 'feature', 'events'])
        .where('workspace_id', '=', acme)
        .where('account_id', '=', accountId)
        .orderBy('day')
        .orderBy('feature')
        .execute()
    ).map((r) => [r.day, r.feature, Number(r.events)]);

  it('adds each row to the rollups once, with a row-level report; a dry run writes nothing; the run is kept with the imports', async () => {
    const usaged = (
      await admin.request({
        method: 'POST',
        url: '/api/v1/accounts',
        payload: { name: 'Usaged', domain: 'usaged.example', segment: 'smb' },
      })
    ).json().id as string;
    const file = [
      'usage_id,day,account,feature,events,user',
      `r1,${day(-3)},usaged.example,Export,4,ann`,
      `r2,${day(-2)},Usaged,Export,2,bob`,
      `r3,${day(-2)},nobody.example,Export,1,`,
      `r4,${day(-2)},usaged.example,Export,many,`,
      `r5,yesterday,usaged.example,Export,1,`,
    ].join('\n');

    const dry = await upload(file, '?dryRun=true&fileName=usage.csv');
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ kind: 'usage', dryRun: true, read: 5, created: 2, rejected: 3 });
    expect(await rollups(usaged)).toEqual([]);

    const done = (await upload(file, '?fileName=usage.csv')).json();
    expect(done).toMatchObject({ dryRun: false, created: 2, rejected: 3 });
    expect(done.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [3, 'account'],
      [4, 'events'],
      [5, 'day'],
    ]);
    expect(await rollups(usaged)).toEqual([
      [day(-3), 'Export', 4],
      [day(-2), 'Export', 2],
    ]);
    expect((await viewer.request({ method: 'GET', url: `/api/v1/imports/${done.runId}` })).json()).toMatchObject({
      kind: 'usage',
      fileName: 'usage.csv',
      created: 2,
    });

    // The same file again changes nothing; a row whose id is known and whose count changed replaces it.
    expect((await upload(file)).json()).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect((await upload(`usage_id,day,account,feature,events\nr2,${day(-2)},Usaged,Export,7\n`)).json()).toMatchObject(
      { updated: 1 },
    );
    expect(await rollups(usaged)).toEqual([
      [day(-3), 'Export', 4],
      [day(-2), 'Export', 7],
    ]);
  });

  it('refuses viewers, and a file without a day column, naming it, storing nothing', async () => {
    expect((await upload(`day,account,feature\n${day(-1)},usaged.example,Export\n`, '', viewer)).statusCode).toBe(403);
    const bad = await upload('when,account,feature\nmonday,usaged.example,Export\n');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toMatch(/day/);
  });
});
