import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { Analytics } from '@segment/analytics-node';
import { PostHog } from 'posthog-node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rematchUnmatched } from '../../src/modules/usage/ingest/ingest.service.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let acme: string;
let beta: string;
let admin: Client;
let viewer: Client;
let key: string;
let betaKey: string;
let url: string;
let northwind: string;
let contoso: string;
let slugs = 0;

interface Problem {
  status: number;
  errors: Array<{ field: string; message: string }>;
}
const problemOf = async (res: Response) => (await res.json()) as Problem;

const basic = (writeKey: string) => `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`;

/** A raw Segment request, as the client sends it. */
const segment = (body: unknown, opts: { path?: string; key?: string | null; raw?: string } = {}) =>
  fetch(`${url}${opts.path ?? '/v1/batch'}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(opts.key === null ? {} : { authorization: basic(opts.key ?? key) }),
    },
    body: opts.raw ?? JSON.stringify(body),
  });

const posthog = (body: Buffer | string, path = '/batch/', gzip = true) =>
  fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(gzip ? { 'content-encoding': 'gzip' } : {}) },
    body,
  });

const events = (workspaceId = acme) =>
  t.ctx.db
    .selectFrom('usage_events')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('occurred_at')
    .execute();
const eventCount = async (workspaceId = acme) => (await events(workspaceId)).length;
const rollupTotal = async () =>
  Number(
    (
      await t.ctx.db
        .selectFrom('usage_daily_account_feature')
        .select((eb) => eb.fn.sum<number>('events').as('n'))
        .where('workspace_id', '=', acme)
        .executeTakeFirst()
    )?.n ?? 0,
  );
const track = (messageId: string, over: Record<string, unknown> = {}) => ({
  type: 'track',
  messageId,
  userId: 'raw-user',
  event: 'Report Published',
  properties: { pages: 3 },
  timestamp: '2026-11-20T10:00:00.000Z',
  context: { groupId: northwind },
  ...over,
});
const status = async () => {
  const res = await viewer.request({ method: 'GET', url: '/api/v1/usage/ingest-status' });
  expect(res.statusCode).toBe(200);
  return res.json();
};

beforeAll(async () => {
  t = await createTestApp();
  await t.server.app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(t.server.app.server.address() as AddressInfo).port}`;
});
// Each test gets workspaces of its own: acme with an admin, a viewer, Northwind, Contoso and an ingest key, and beta.
beforeEach(async () => {
  acme = await t.workspace(`acme-${++slugs}`);
  beta = await t.workspace(`beta-${slugs}`);
  admin = await t.login((await t.user(acme, 'admin')).email);
  viewer = await t.login((await t.user(acme, 'viewer')).email);
  const create = async (name: string, domain: string) => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { name, domain, segment: 'mid_market' },
    });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  northwind = await create('Northwind', 'northwind.example');
  contoso = await create('Contoso', 'contoso.example');
  // Contoso as a CRM import links it: its Salesforce id names it too.
  await t.ctx.db
    .insertInto('account_external_ids')
    .values({
      workspace_id: acme,
      source: 'salesforce',
      external_id: '001CONTOSO',
      account_id: contoso,
      created_at: new Date().toISOString(),
    })
    .execute();
  key = await t.apiKey(acme, 'ingest');
  betaKey = await t.apiKey(beta, 'ingest');
});
afterAll(async () => t?.close());

describe('Segment ingest', () => {
  it('takes what the official client sends and maps users to accounts by id, CRM id and domain', async () => {
    const analytics = new Analytics({ writeKey: key, host: url, flushAt: 50, flushInterval: 60_000, maxRetries: 0 });
    const errors: unknown[] = [];
    analytics.on('error', (e) => errors.push(e));
    analytics.group({ userId: 'u1', groupId: northwind, traits: { name: 'Northwind' } });
    analytics.identify({
      userId: 'u2',
      traits: { email: 'u2@northwind.example', company: { id: 'NorthWind.example' } },
    });
    for (let i = 0; i < 3; i++) analytics.track({ userId: 'u1', event: 'Report Published', properties: { n: i } });
    analytics.track({ userId: 'u2', event: 'Login' });
    analytics.page({ userId: 'u1', name: 'Dashboard' });
    analytics.track({ anonymousId: 'anon-1', event: 'Viewed Pricing', context: { groupId: '001CONTOSO' } });
    await analytics.closeAndFlush({ timeout: 10_000 });
    expect(errors).toEqual([]);

    const rows = await events();
    expect(rows).toHaveLength(8);
    expect(rows.every((r) => r.source === 'segment')).toBe(true);
    const byAccount = (id: string) => rows.filter((r) => r.account_id === id).length;
    expect(byAccount(northwind)).toBe(7);
    expect(byAccount(contoso)).toBe(1);
    expect(rows.filter((r) => r.type === 'track' && r.event === 'Report Published')).toHaveLength(3);
    const users = await t.ctx.db
      .selectFrom('usage_users')
      .select(['user_id', 'group_id', 'account_id'])
      .where('workspace_id', '=', acme)
      .orderBy('user_id')
      .execute();
    expect(users).toEqual([
      { user_id: 'anon-1', group_id: '001CONTOSO', account_id: contoso },
      { user_id: 'u1', group_id: northwind, account_id: northwind },
      { user_id: 'u2', group_id: 'NorthWind.example', account_id: northwind },
    ]);
    const audits = await t.ctx.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('workspace_id', '=', acme)
      .where('action', '=', 'usage.user_mapped')
      .execute();
    expect(audits).toHaveLength(3);
  });

  it('counts a retried batch once', async () => {
    const before = await eventCount();
    const batch = {
      batch: [track('retry-1'), track('retry-2'), track('retry-3'), track('retry-1')],
      sentAt: new Date().toISOString(),
    };
    for (let i = 0; i < 2; i++) {
      const res = await segment(batch);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ success: true });
    }
    expect(await eventCount()).toBe(before + 3);
    const s = await status();
    // Both sends received whole; retry-1 repeated inside the batch, then all four again: five duplicates.
    expect(s.sinceStart.segment).toMatchObject({ received: 8, stored: 3, duplicates: 5, rejected: 0 });
    expect(s.total.segment).toMatchObject({ received: 8, stored: 3, duplicates: 5, rejected: 0 });
  });

  it('counts the same batch sent by several connections at once once', async () => {
    const before = await eventCount();
    const batch = { batch: Array.from({ length: 20 }, (_, i) => track(`race-${i}`, { userId: `racer-${i % 4}` })) };
    const answers = await Promise.all(Array.from({ length: 6 }, () => segment(batch)));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(await eventCount()).toBe(before + 20);
  });

  it('takes single calls on /v1/track and the others, and the write key in the body', async () => {
    const before = await eventCount();
    expect((await segment(track('single-1', { type: undefined }), { path: '/v1/track' })).status).toBe(200);
    const res = await segment(
      { userId: 'u3', groupId: northwind, messageId: 'single-2', writeKey: key },
      { path: '/v1/group', key: null },
    );
    expect(res.status).toBe(200);
    expect(await eventCount()).toBe(before + 2);
    const wrongType = await segment(track('single-3'), { path: '/v1/identify' });
    expect(wrongType.status).toBe(400);
    expect((await problemOf(wrongType)).errors[0]?.field).toBe('body.type');
  });

  it('refuses a malformed batch whole, naming the field, and stores nothing of it', async () => {
    const before = await eventCount();
    const res = await segment({
      batch: [track('bad-1'), track('bad-2', { event: '' }), { type: 'group', userId: 'x', messageId: 'bad-3' }],
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = await problemOf(res);
    expect(problem.errors.map((e) => e.field)).toEqual(['body.batch.1.event', 'body.batch.2.groupId']);
    expect((await segment(null, { raw: '{"batch": [' })).status).toBe(400);
    expect((await segment({ batch: 'nope' })).status).toBe(400);
    expect((await segment({ batch: [track('bad-4', { timestamp: 'yesterday' })] })).status).toBe(400);
    const farFuture = await segment({ batch: [track('bad-6', { timestamp: 1e20 })] });
    expect((await problemOf(farFuture)).errors[0]?.field).toBe('body.batch.0.timestamp');
    expect((await segment({ batch: [track('bad-7', { userId: '\u0000', messageId: { id: 1 } })] })).status).toBe(400);
    const huge = await segment({ batch: [track('bad-5', { properties: { blob: 'x'.repeat(40 * 1024) } })] });
    expect(huge.status).toBe(400);
    expect((await problemOf(huge)).errors[0]?.field).toBe('body.batch.0');
    expect(await eventCount()).toBe(before);
    // The three events of the first batch, then one for each refused request after it.
    expect((await status()).sinceStart.segment.rejected).toBe(9);
  });

  it('stores ids and names holding NUL characters without them (PostgreSQL text cannot hold them)', async () => {
    expect(
      (
        await segment({
          batch: [
            track('nul\u0000-1', { userId: 'nul\u0000user', event: 'Nul\u0000Event', properties: { s: 'a\u0000b' } }),
          ],
        })
      ).status,
    ).toBe(200);
    const row = (await events()).find((r) => r.message_id === 'nul-1');
    expect(row).toMatchObject({ user_id: 'nuluser', event: 'NulEvent' });
    expect(JSON.parse(row?.properties ?? '{}')).toEqual({ s: 'a\u0000b' });
  });

  it('refuses an oversized batch with 413 and stores nothing', async () => {
    const before = await eventCount();
    const batch = Array.from({ length: 30 }, (_, i) =>
      track(`big-${i}`, { properties: { blob: 'y'.repeat(20 * 1024) } }),
    );
    const rejected = (await status()).total.segment.rejected;
    const res = await segment({ batch });
    expect(res.status).toBe(413);
    expect(await eventCount()).toBe(before);
    expect((await status()).total.segment.rejected).toBe(rejected + 1);
  });

  it('lists the refused requests, newest first, with why, and keeps no row per accepted request', async () => {
    expect((await segment({ batch: [track('ok-1')] })).status).toBe(200);
    const malformed = [
      track('bad-1'),
      track('bad-2', { event: '' }),
      { type: 'group', userId: 'x', messageId: 'bad-3' },
    ];
    expect((await segment({ batch: malformed })).status).toBe(400);
    const oversized = Array.from({ length: 30 }, (_, i) =>
      track(`big-${i}`, { properties: { blob: 'y'.repeat(20 * 1024) } }),
    );
    expect((await segment({ batch: oversized })).status).toBe(413);
    const listed = await viewer.request({ method: 'GET', url: '/api/v1/usage/rejections?limit=500' });
    expect(listed.statusCode).toBe(200);
    const items = listed.json().items as Array<{
      source: string;
      receivedAt: string;
      events: number;
      detail: string | null;
    }>;
    // The oversized batch (the last refused), then the malformed one before it, one row each.
    expect(items[0]).toMatchObject({
      source: 'segment',
      events: 1,
      detail: expect.stringMatching(/^body: .*(too large|larger)/i),
    });
    expect(
      items.find((r) => r.detail?.includes('body.batch.1.event') && r.detail.includes('body.batch.2.groupId')),
    ).toMatchObject({ events: 3 });
    expect(items.map((r) => r.receivedAt)).toEqual(
      items
        .map((r) => r.receivedAt)
        .sort()
        .reverse(),
    );
    expect(items.reduce((n, r) => n + r.events, 0)).toBe((await status()).total.segment.rejected);
    const logged = await t.ctx.db
      .selectFrom('usage_ingest_requests')
      .select(['rejected'])
      .where('workspace_id', '=', acme)
      .execute();
    expect(logged.length).toBe(items.length);
    expect(logged.every((r) => r.rejected > 0)).toBe(true);
    expect((await viewer.request({ method: 'GET', url: '/api/v1/usage/rejections?limit=0' })).statusCode).toBe(400);
  });

  it('refuses a bad or missing key with 401; an admin key may send too', async () => {
    const before = await eventCount();
    expect(
      (await segment({ batch: [track('k-1')] }, { key: 'bk_notarealkey0.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' }))
        .status,
    ).toBe(401);
    expect((await segment({ batch: [track('k-2')] }, { key: null })).status).toBe(401);
    expect((await segment({ batch: [track('k-3')] }, { key: await t.apiKey(acme, 'admin') })).status).toBe(200);
    const res = await fetch(`${url}/v1/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer nope' },
      body: '{}',
    });
    expect(res.status).toBe(401);
    expect(await eventCount()).toBe(before + 1);
  });

  it('keeps aside events of an unknown group or user and re-matches them when the mapping appears', async () => {
    expect(
      (
        await segment({
          batch: [
            track('aside-1', { userId: 'u9', context: { groupId: 'fabrikam.example' } }),
            track('aside-2', { userId: 'u10', context: undefined }),
            track('aside-3', { userId: 'u10', context: undefined }),
          ],
        })
      ).status,
    ).toBe(200);
    const aside = async () =>
      (await events())
        .filter((r) => r.message_id.startsWith('aside-'))
        .sort((a, b) => a.message_id.localeCompare(b.message_id));
    expect((await aside()).map((r) => r.account_id)).toEqual([null, null, null]);
    const listed = await admin.request({ method: 'GET', url: '/api/v1/usage/unmatched' });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ groupId: null, userId: 'u10', events: 2 }),
        expect.objectContaining({ groupId: 'fabrikam.example', userId: 'u9', events: 1 }),
      ]),
    );
    expect((await viewer.request({ method: 'GET', url: '/api/v1/usage/unmatched' })).statusCode).toBe(403);
    expect((await status()).total.segment.unmatched).toBe(3);

    // The group call maps u10 to Northwind in the same request that re-matches its earlier events.
    expect(
      (await segment({ batch: [{ type: 'group', messageId: 'aside-g', userId: 'u10', groupId: northwind }] })).status,
    ).toBe(200);
    expect((await aside()).map((r) => [r.message_id, r.account_id])).toEqual([
      ['aside-1', null],
      ['aside-2', northwind],
      ['aside-3', northwind],
      ['aside-g', northwind],
    ]);

    // The account of u9's group appears later: matching again finds it.
    const fabrikam = await admin.request({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { name: 'Fabrikam', domain: 'fabrikam.example', segment: 'smb' },
    });
    const u9 = () =>
      t.ctx.db
        .selectFrom('usage_users')
        .select(['group_id', 'account_id'])
        .where('workspace_id', '=', acme)
        .where('user_id', '=', 'u9')
        .executeTakeFirst();
    expect(await u9()).toEqual({ group_id: 'fabrikam.example', account_id: null });
    expect(await rematchUnmatched(t.ctx.db, acme)).toBe(1);
    expect((await aside())[0]?.account_id).toBe(fabrikam.json().id);
    // The user's mapping has its account now too.
    expect(await u9()).toEqual({ group_id: 'fabrikam.example', account_id: fabrikam.json().id });
    expect(await rematchUnmatched(t.ctx.db, acme)).toBe(0);
    expect((await status()).total.segment.unmatched).toBe(0);
  });
});

describe('events kept aside, by user', () => {
  it('gives a user’s earlier events their account when a group call maps the user, by anonymous id too, and only that user’s', async () => {
    const aside = [
      track('byuser-1', { userId: undefined, anonymousId: 'anon-77', context: undefined }),
      track('byuser-2', { userId: 'u77', context: undefined }),
      track('byuser-3', { userId: 'u78', context: undefined }),
      track('byuser-4', { userId: 'u79', context: { groupId: 'still-unknown.example' } }),
    ];
    expect((await segment({ batch: aside })).status).toBe(200);
    const accountOf = async () =>
      Object.fromEntries(
        (await events()).filter((r) => r.message_id.startsWith('byuser-')).map((r) => [r.message_id, r.account_id]),
      );
    expect(Object.values(await accountOf())).toEqual([null, null, null, null]);
    const before = await rollupTotal();
    const mapped = await segment({
      batch: [
        { type: 'group', messageId: 'map-g1', anonymousId: 'anon-77', groupId: northwind },
        { type: 'group', messageId: 'map-g2', userId: 'u77', groupId: contoso },
      ],
    });
    expect(mapped.status).toBe(200);
    // u78 was not mapped; u79's event named a group of its own, still unknown.
    expect(await accountOf()).toEqual({
      'byuser-1': northwind,
      'byuser-2': contoso,
      'byuser-3': null,
      'byuser-4': null,
    });
    expect(await rollupTotal()).toBe(before + 2);
  });
});

describe('PostHog ingest', () => {
  it('takes what the official client sends (gzip) and maps users through $groups', async () => {
    // A pass-through proxy records the headers the client really sends.
    const seen: Array<{ path: string | undefined; encoding: string | undefined }> = [];
    const target = new URL(url);
    const proxy = http.createServer((req, res) => {
      seen.push({ path: req.url, encoding: req.headers['content-encoding'] });
      const out = http.request(
        { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      req.pipe(out);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    try {
      const before = await eventCount();
      const client = new PostHog(key, { host: proxyUrl, flushAt: 20, flushInterval: 0, fetchRetryCount: 0 });
      client.capture({
        distinctId: 'ph-1',
        event: 'report_published',
        groups: { company: northwind },
        properties: { pages: 2 },
      });
      client.capture({ distinctId: 'ph-1', event: 'dashboard_viewed' });
      client.capture({ distinctId: 'ph-2', event: 'login', groups: { company: '001CONTOSO' } });
      client.identify({ distinctId: 'ph-2', properties: { email: 'ph2@contoso.example' } });
      await client.shutdown(10_000);
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((s) => s.path?.startsWith('/batch/') && s.encoding === 'gzip')).toBe(true);
      const rows = (await events()).filter((r) => r.source === 'posthog');
      expect(rows).toHaveLength(4);
      expect(await eventCount()).toBe(before + 4);
      expect(rows.filter((r) => r.account_id === northwind)).toHaveLength(2);
      expect(rows.filter((r) => r.account_id === contoso)).toHaveLength(2);
      expect(rows.find((r) => r.event === '$identify')?.type).toBe('identify');
    } finally {
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
  });

  it('lands a gzip batch once when retried, and on /capture/ and /e/', async () => {
    const body = gzipSync(
      JSON.stringify({
        api_key: key,
        sent_at: new Date().toISOString(),
        batch: [1, 2, 3].map((i) => ({
          event: 'export_run',
          uuid: `0190e0a0-0000-7000-8000-00000000000${i}`,
          distinct_id: 'ph-1',
          timestamp: '2026-11-21T09:00:00Z',
          properties: { $groups: { company: northwind } },
        })),
      }),
    );
    const before = await eventCount();
    for (let i = 0; i < 2; i++) {
      const res = await posthog(body);
      expect(res.status).toBe(200);
    }
    expect(await eventCount()).toBe(before + 3);
    expect(
      (
        await posthog(
          JSON.stringify({ api_key: key, event: 'one', distinct_id: 'ph-3', uuid: 'cap-1' }),
          '/capture/',
          false,
        )
      ).status,
    ).toBe(200);
    expect(
      (await posthog(gzipSync(JSON.stringify({ api_key: key, event: 'two', distinct_id: 'ph-3', uuid: 'e-1' })), '/e/'))
        .status,
    ).toBe(200);
    // posthog-js: gzip named in the query string, no Content-Encoding header.
    expect(
      (
        await posthog(
          gzipSync(JSON.stringify({ api_key: key, event: 'three', distinct_id: 'ph-3', uuid: 'e-2' })),
          '/e/?compression=gzip-js',
          false,
        )
      ).status,
    ).toBe(200);
    expect(await eventCount()).toBe(before + 6);
    const s = await status();
    // The batch twice (its second time all duplicates), then the three single events.
    expect(s.total.posthog).toMatchObject({ received: 9, stored: 6, duplicates: 3 });
    expect(s.total.posthog.lastEventAt).not.toBeNull();
  });

  it('refuses bad gzip, malformed events, an inflated body over the limit, and a bad api_key, storing nothing', async () => {
    const before = await eventCount();
    expect((await posthog(Buffer.from('not gzip at all'))).status).toBe(400);
    const malformed = await posthog(
      gzipSync(
        JSON.stringify({
          api_key: key,
          batch: [
            { event: 'ok', distinct_id: 'a', uuid: 'm-1' },
            { event: 'no user', uuid: 'm-2' },
          ],
        }),
      ),
    );
    expect(malformed.status).toBe(400);
    expect((await problemOf(malformed)).errors[0]?.field).toBe('body.batch.1.distinct_id');
    // 2 MB of JSON compresses to a few KB: the inflated size is what is limited.
    const bomb = gzipSync(
      JSON.stringify({
        api_key: key,
        batch: [{ event: 'big', distinct_id: 'a', uuid: 'm-3', properties: { blob: 'z'.repeat(2 * 1024 * 1024) } }],
      }),
    );
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect((await posthog(bomb)).status).toBe(413);
    expect(
      (
        await posthog(
          gzipSync(JSON.stringify({ api_key: 'phc_unknown', batch: [{ event: 'x', distinct_id: 'a', uuid: 'm-4' }] })),
        )
      ).status,
    ).toBe(401);
    expect(await eventCount()).toBe(before);
  });
});

describe('matching again on request', () => {
  it('lets an admin match kept-aside events after an account appears, audited', async () => {
    expect(
      (await segment({ batch: [track('later-1', { userId: 'u20', context: { groupId: 'tailspin.example' } })] }))
        .status,
    ).toBe(200);
    expect((await viewer.request({ method: 'POST', url: '/api/v1/usage/rematch' })).statusCode).toBe(403);
    expect((await admin.request({ method: 'POST', url: '/api/v1/usage/rematch' })).json()).toEqual({ matched: 0 });
    const tailspin = await admin.request({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { name: 'Tailspin', domain: 'tailspin.example', segment: 'smb' },
    });
    expect((await admin.request({ method: 'POST', url: '/api/v1/usage/rematch' })).json()).toEqual({ matched: 1 });
    expect((await events()).find((r) => r.message_id === 'later-1')?.account_id).toBe(tailspin.json().id);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('workspace_id', '=', acme)
      .where('action', '=', 'usage.rematch')
      .execute();
    expect(audit.map((a) => JSON.parse(String(a.after_json)).matched).sort()).toEqual([0, 1]);
  });
});

describe('workspaces', () => {
  it('keeps each workspace to its own events and counters', async () => {
    expect(
      (await segment({ batch: [track('beta-1', { context: { groupId: northwind } })] }, { key: betaKey })).status,
    ).toBe(200);
    const [row] = await events(beta);
    expect(row?.account_id).toBeNull(); // Northwind is acme's account, not beta's
    const betaAdmin = await t.login((await t.user(beta, 'admin')).email);
    const s = (await betaAdmin.request({ method: 'GET', url: '/api/v1/usage/ingest-status' })).json();
    expect(s.total.segment).toMatchObject({ received: 1, stored: 1, unmatched: 1 });
    expect(s.total.posthog.stored).toBe(0);
    expect((await betaAdmin.request({ method: 'GET', url: '/api/v1/usage/rejections' })).json().items).toEqual([]);
  });
});

describe('odd requests', () => {
  it('never answers bad input with a 5xx, and stores nothing of it', async () => {
    const before = await eventCount();
    const auth = { authorization: basic(key) };
    const odd: Array<{ path: string; headers?: Record<string, string>; body?: string | Buffer }> = [
      { path: '/v1/batch', headers: auth },
      { path: '/v1/batch', headers: auth, body: '' },
      { path: '/v1/batch', headers: { ...auth, 'content-type': 'text/plain' }, body: '[1,2]' },
      {
        path: '/v1/batch',
        headers: { ...auth, 'content-type': 'application/json', 'content-encoding': 'br' },
        body: '{}',
      },
      {
        path: '/v1/batch',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ batch: [null, 1, 'x', []] }),
      },
      { path: '/v1/track', headers: { ...auth, 'content-type': 'application/json' }, body: '"just text"' },
      { path: '/v1/batch', headers: { authorization: 'Basic !!!not-base64' }, body: '{}' },
      { path: '/batch/', headers: { 'content-type': 'application/json' }, body: '[]' },
      {
        path: '/batch/',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ api_key: key, batch: [] }),
      },
      {
        path: '/e/',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: gzipSync('{"api_key": '),
      },
      {
        path: '/capture/',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ api_key: key, event: 'x', distinct_id: 'a', timestamp: { t: 1 } }),
      },
    ];
    for (const o of odd) {
      const res = await fetch(`${url}${o.path}`, { method: 'POST', headers: o.headers, body: o.body });
      expect(res.status, `${o.path} ${JSON.stringify(o.headers)} ${String(o.body)}`).toBeGreaterThanOrEqual(200);
      expect(res.status, `${o.path} ${JSON.stringify(o.headers)} ${String(o.body)}`).toBeLessThan(500);
    }
    expect(await eventCount()).toBe(before);
  });
});
