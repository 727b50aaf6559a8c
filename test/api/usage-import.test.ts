import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let slugs = 0;

const basic = (writeKey: string) => `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`;
const track = (messageId: string, groupId: string, userId = 'u1') => ({
  type: 'track',
  messageId,
  userId,
  event: 'Report Published',
  timestamp: '2026-11-20T10:00:00.000Z',
  context: { groupId },
});
const send = async (key: string, batch: unknown[]) => {
  const res = await t.inject({
    method: 'POST',
    url: '/v1/batch',
    headers: { 'content-type': 'application/json', authorization: basic(key) },
    payload: JSON.stringify({ batch }),
  });
  expect(res.statusCode).toBe(200);
};
const accountOf = async (acme: string, prefix: string) =>
  (
    await t.ctx.db
      .selectFrom('usage_events')
      .select('account_id')
      .where('workspace_id', '=', acme)
      .where('message_id', 'like', `${prefix}%`)
      .execute()
  ).map((r) => r.account_id);
const featureEvents = async (acme: string, accountId: string) =>
  Number(
    (
      await t.ctx.db
        .selectFrom('usage_daily_account_feature')
        .select((eb) => eb.fn.sum<number>('events').as('n'))
        .where('workspace_id', '=', acme)
        .where('account_id', '=', accountId)
        .executeTakeFirst()
    )?.n ?? 0,
  );
const userRows = (acme: string, accountId: string) =>
  t.ctx.db
    .selectFrom('usage_daily_account_user')
    .select(['user_key', 'events'])
    .where('workspace_id', '=', acme)
    .where('account_id', '=', accountId)
    .orderBy('user_key')
    .execute();

/** Runs due jobs as the server's job runner does, until none is left; none may fail. */
async function runJobs(): Promise<void> {
  expect(await t.runJobs()).toEqual([]);
}

/** A workspace of its own: an admin and an ingest key. */
async function setUp(): Promise<{ acme: string; admin: Client; key: string }> {
  const acme = await t.workspace(`kept-aside-${++slugs}`);
  const admin = await t.login((await t.user(acme, 'admin')).email);
  const key = await t.apiKey(acme, 'ingest');
  return { acme, admin, key };
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('usage events kept aside, matched when their account appears', () => {
  it('matches them after an account with their domain is created, counting them once in the rollups', async () => {
    const { acme, admin, key } = await setUp();
    await send(key, [
      track('fab-1', 'fabrikam.example', 'ann'),
      track('fab-2', 'fabrikam.example', 'bob'),
      track('fab-3', 'fabrikam.example', 'ann'),
    ]);
    expect(await accountOf(acme, 'fab-')).toEqual([null, null, null]);

    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { name: 'Fabrikam', domain: 'fabrikam.example', segment: 'smb' },
    });
    expect(res.statusCode).toBe(201);
    const fabrikam = res.json().id as string;
    // The match is queued with the account's creation and runs once it has committed.
    expect(
      await t.ctx.db
        .selectFrom('jobs')
        .select('workspace_id')
        .where('type', '=', 'usage.rematch')
        .where('status', '=', 'queued')
        .execute(),
    ).toEqual([{ workspace_id: acme }]);
    await runJobs();
    expect(await accountOf(acme, 'fab-')).toEqual([fabrikam, fabrikam, fabrikam]);
    expect(await featureEvents(acme, fabrikam)).toBe(3);
    expect((await userRows(acme, fabrikam)).map((r) => [r.user_key, Number(r.events)])).toEqual([
      ['ann', 2],
      ['bob', 1],
    ]);

    // Another account appearing matches nothing more and counts nothing twice.
    expect(
      (
        await admin.request({
          method: 'POST',
          url: '/api/v1/accounts',
          payload: { name: 'Other', domain: 'other.example', segment: 'smb' },
        })
      ).statusCode,
    ).toBe(201);
    await runJobs();
    expect(await featureEvents(acme, fabrikam)).toBe(3);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['after_json', 'actor_type'])
      .where('workspace_id', '=', acme)
      .where('action', '=', 'usage.rematch')
      .execute();
    expect(audit.map((a) => [a.actor_type, JSON.parse(String(a.after_json)).matched])).toEqual([
      ['system', 3],
      ['system', 0],
    ]);
  });

  it('matches them when an account is given their domain later', async () => {
    const { acme, admin, key } = await setUp();
    await send(key, [track('nw-1', 'northwind.example', 'cy'), track('nw-2', 'northwind.example', 'cy')]);
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { name: 'Northwind', segment: 'smb' },
    });
    const northwind = res.json().id as string;
    await runJobs();
    expect(await accountOf(acme, 'nw-')).toEqual([null, null]);
    // Another change queues nothing; the domain does.
    expect(
      (await admin.request({ method: 'PATCH', url: `/api/v1/accounts/${northwind}`, payload: { industry: 'Retail' } }))
        .statusCode,
    ).toBe(200);
    expect(
      await t.ctx.db
        .selectFrom('jobs')
        .select('id')
        .where('type', '=', 'usage.rematch')
        .where('status', '=', 'queued')
        .execute(),
    ).toEqual([]);
    expect(
      (
        await admin.request({
          method: 'PATCH',
          url: `/api/v1/accounts/${northwind}`,
          payload: { domain: 'Northwind.example' },
        })
      ).statusCode,
    ).toBe(200);
    await runJobs();
    expect(await accountOf(acme, 'nw-')).toEqual([northwind, northwind]);
    expect(await featureEvents(acme, northwind)).toBe(2);
  });

  it('matches them after an import brings the account with their CRM id', async () => {
    const { acme, admin, key } = await setUp();
    await send(key, [track('crm-1', '0015000001TAILS'), track('crm-2', '0015000001TAILS')]);
    const csv = 'Account ID,Account Name\n0015000001TAILS,Tailspin Toys\n';
    const res = await admin.request({
      method: 'POST',
      url: `/api/v1/imports/accounts?mapping=${encodeURIComponent(JSON.stringify({ 'Account ID': 'external_id', 'Account Name': 'name' }))}&defaults=${encodeURIComponent(JSON.stringify({ segment: 'smb' }))}`,
      headers: { 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 1 });
    expect(await accountOf(acme, 'crm-')).toEqual([null, null]);
    await runJobs();
    const tailspin = (
      await t.ctx.db
        .selectFrom('accounts')
        .select('id')
        .where('workspace_id', '=', acme)
        .where('name', '=', 'Tailspin Toys')
        .executeTakeFirstOrThrow()
    ).id;
    expect(await accountOf(acme, 'crm-')).toEqual([tailspin, tailspin]);
    expect(await featureEvents(acme, tailspin)).toBe(2);

    // Importing the same file again creates nothing and queues nothing.
    const again = await admin.request({
      method: 'POST',
      url: `/api/v1/imports/accounts?mapping=${encodeURIComponent(JSON.stringify({ 'Account ID': 'external_id', 'Account Name': 'name' }))}&defaults=${encodeURIComponent(JSON.stringify({ segment: 'smb' }))}`,
      headers: { 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(again.json()).toMatchObject({ created: 0, unchanged: 1 });
    expect(
      await t.ctx.db
        .selectFrom('jobs')
        .select('id')
        .where('type', '=', 'usage.rematch')
        .where('status', '=', 'queued')
        .execute(),
    ).toEqual([]);
  });
});
