import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRollupCounts } from '../../src/modules/usage/adoption/rollup.store.ts';
import { usageSources } from '../../src/modules/usage/adoption/usage-sources.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let url: string;
let slugs = 0;

const D = '2026-11-20';
const day = (offset: number) =>
  new Date(Date.parse(`${D}T00:00:00.000Z`) + offset * 86_400_000).toISOString().slice(0, 10);
const sources = async (c: Client) => {
  const res = await c.request({ method: 'GET', url: '/api/v1/usage/sources' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

/** A workspace of its own: an admin, a viewer, one account and an ingest key. */
async function setUp() {
  const ws = await t.workspace(`sourced-${++slugs}`);
  const admin = await t.login((await t.user(ws, 'admin')).email);
  const viewer = await t.login((await t.user(ws, 'viewer')).email);
  const account = (
    await admin.request({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { name: 'Sourced', domain: 'sourced.example', segment: 'smb' },
    })
  ).json().id as string;
  const key = await t.apiKey(ws, 'ingest');
  return { ws, admin, viewer, account, key };
}

beforeAll(async () => {
  t = await createTestApp();
  await t.server.app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(t.server.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => t?.close());

describe('where the usage held came from', () => {
  it('holds nothing at first, and says so', async () => {
    const { viewer } = await setUp();
    expect(await sources(viewer)).toEqual({
      held: { firstDay: null, lastDay: null, days: 0, accounts: 0, events: 0 },
      received: 0,
      receivedBy: null,
      imported: [],
      writtenDirectly: 0,
      writtenBy: null,
    });
  });

  it('splits the daily usage into events received, usage tables imported and usage written directly', async () => {
    const { ws: acme, admin, viewer, account, key } = await setUp();
    const batch = [1, 2, 3].map((i) => ({
      type: 'track',
      messageId: `m${i}`,
      userId: 'u1',
      event: 'Login',
      timestamp: `${day(-1)}T10:00:0${i}.000Z`,
      context: { groupId: account },
    }));
    const sent = await fetch(`${url}/v1/batch`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}`,
      },
      body: JSON.stringify({ batch }),
    });
    expect(sent.status).toBe(200);
    const csv = [
      'usage_id,day,account,feature,events,user',
      `r1,${day(-20)},sourced.example,Export,4,ann`,
      `r2,${day(-10)},sourced.example,Export,6,bob`,
    ].join('\n');
    const imported = await admin.request({
      method: 'POST',
      url: '/api/v1/imports/usage?fileName=usage.csv',
      headers: { 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(imported.statusCode, imported.body).toBe(200);
    // As the demo writes its ten weeks: straight into the daily rollups.
    await addRollupCounts(t.ctx.db, acme, [{ account_id: account, day: day(-69), feature: 'Login', events: 20 }], []);

    const s = await sources(viewer);
    expect(s.held).toEqual({ firstDay: day(-69), lastDay: day(-1), days: 4, accounts: 1, events: 33 });
    expect(s.received).toBe(3);
    expect(s.imported).toEqual([{ source: 'csv', events: 10, runs: 1, lastImportedAt: expect.any(String) }]);
    expect(s.writtenDirectly).toBe(20);
    // Not a demo workspace: what wrote them is not known.
    expect(s.writtenBy).toBeNull();
    expect(s.receivedBy).toBeNull();

    // A demo workspace wrote its usage itself, and sent the events its product users' activity is made of.
    await t.ctx.db.updateTable('workspaces').set({ is_demo: 1 }).where('id', '=', acme).execute();
    expect(await sources(viewer)).toMatchObject({ writtenBy: 'demo', receivedBy: 'demo' });
  });

  it('needs a sign-in', async () => {
    expect((await t.server.app.inject({ method: 'GET', url: '/api/v1/usage/sources' })).statusCode).toBe(401);
  });

  it('never counts a negative remainder', () => {
    const held = { firstDay: '2026-11-01', lastDay: '2026-11-02', days: 2, accounts: 1, events: 5 };
    expect(usageSources(held, 9, [], true)).toMatchObject({ writtenDirectly: 0, writtenBy: null, receivedBy: 'demo' });
    expect(usageSources(held, 0, [], true)).toMatchObject({ receivedBy: null });
  });
});
