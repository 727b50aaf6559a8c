import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, raiseLateForecast } from '../helpers/fixtures/index.ts';
import { httpReceiver } from '../helpers/receivers.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

/** The server's clock; each test runs its jobs days apart from the others, so each has its own daily slot. */
const NOW = new Date('2026-04-01T09:00:00.000Z');
const SECRET = 'whsec_0123456789abcdef';

let t: TestApp;
let n = 0;

beforeAll(async () => {
  t = await createTestApp({}, { now: () => NOW });
});
afterAll(async () => {
  await t?.close();
});

async function team() {
  const ws = await t.workspace(`my-alerts-${++n}`);
  const admin = await t.login((await t.user(ws, 'admin')).email);
  const ana = await t.user(ws, 'csm');
  const bo = await t.user(ws, 'sales');
  return { ws, admin, ana, bo, anaClient: await t.login(ana.email), boClient: await t.login(bo.email) };
}

const mine = (c: Client, payload: object) =>
  c.request({ method: 'POST', url: '/api/v1/alerts/my-subscriptions', payload });
const myList = async (c: Client) =>
  (await c.request({ method: 'GET', url: '/api/v1/alerts/my-subscriptions' })).json().items as Array<{
    id: string;
    userId: string;
    target: string;
  }>;

const raise = (ws: string, accountId: string, subject: string) => raiseLateForecast(t.ctx.db, ws, accountId, subject);

const queuedFor = async (subscriptionId: string) =>
  (
    await t.ctx.db
      .selectFrom('alert_deliveries')
      .select('event_key')
      .where('subscription_id', '=', subscriptionId)
      .execute()
  ).map((r) => r.event_key);

describe('my alerts', () => {
  it('lets every member manage their own subscriptions, and only theirs', async () => {
    const s = await team();
    const created = await mine(s.anaClient, {
      channel: 'email',
      target: s.ana.email,
      userId: s.bo.userId,
      accounts: 'mine',
      playTasks: true,
      mode: 'daily_digest',
      quietHours: { startHour: 22, endHour: 7, timeZone: 'Europe/Paris' },
    });
    expect(created.statusCode).toBe(201);
    // The person is always the one who asks, whatever the body says.
    expect(created.json()).toMatchObject({ userId: s.ana.userId, accounts: 'mine', playTasks: true });
    const id = created.json().id as string;
    const workspaceSub = await s.admin.request({
      method: 'POST',
      url: '/api/v1/alerts/subscriptions',
      payload: { channel: 'email', target: 'cs-team@acme.example' },
    });

    expect((await myList(s.anaClient)).map((x) => x.id)).toEqual([id]);
    expect(await myList(s.boClient)).toEqual([]);
    expect((await myList(s.admin)).map((x) => x.id)).toEqual([]);
    // The admin's view of the workspace shows hers too, as hers.
    const all = (await s.admin.request({ method: 'GET', url: '/api/v1/alerts/subscriptions' })).json().items;
    expect(all.map((x: { userId: string | null }) => x.userId)).toEqual([s.ana.userId, null]);

    // Another member cannot change, remove or test hers, nor anyone the workspace's: not found, as problem details.
    for (const target of [id, workspaceSub.json().id]) {
      for (const req of [
        { method: 'PATCH' as const, url: `/api/v1/alerts/my-subscriptions/${target}`, payload: { enabled: false } },
        { method: 'DELETE' as const, url: `/api/v1/alerts/my-subscriptions/${target}` },
        { method: 'POST' as const, url: `/api/v1/alerts/my-subscriptions/${target}/test` },
      ]) {
        const res = await s.boClient.request(req);
        expect(res.statusCode, `${req.method} ${req.url}`).toBe(404);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
    }
    // Nor read or write the workspace's through Settings › Alerts.
    expect((await s.boClient.request({ method: 'GET', url: '/api/v1/alerts/subscriptions' })).statusCode).toBe(403);
    const sneaky = await s.boClient.request({
      method: 'PATCH',
      url: `/api/v1/alerts/subscriptions/${id}`,
      payload: { enabled: false },
    });
    expect(sneaky.statusCode).toBe(403);
    expect((await myList(s.anaClient))[0]).toMatchObject({ id, target: s.ana.email });

    // She changes and removes her own.
    const patched = await s.anaClient.request({
      method: 'PATCH',
      url: `/api/v1/alerts/my-subscriptions/${id}`,
      payload: { accounts: 'all', minSeverity: 'severe', quietHours: null },
    });
    expect(patched.json()).toMatchObject({ accounts: 'all', minSeverity: 'severe', quietHours: null });
    const del = await s.anaClient.request({ method: 'DELETE', url: `/api/v1/alerts/my-subscriptions/${id}` });
    expect(del.statusCode).toBe(204);
    expect(await myList(s.anaClient)).toEqual([]);
  });

  it('refuses bad input naming the field; partner firms and API keys have no alerts of their own', async () => {
    const s = await team();
    const badTarget = await mine(s.anaClient, { channel: 'email', target: 'nobody' });
    expect(badTarget.json().errors).toEqual([{ field: 'body.target', message: 'must be an email address' }]);
    const bad = await mine(s.anaClient, {
      channel: 'email',
      target: 'ana@acme.example',
      accounts: 'theirs',
      quietHours: { startHour: 22, endHour: 7, timeZone: 'Mars/Olympus' },
    });
    expect(bad.statusCode).toBe(400);
    expect((bad.json().errors as Array<{ field: string }>).map((e) => e.field).sort()).toEqual([
      'body.accounts',
      'body.quietHours.timeZone',
    ]);
    expect(await myList(s.anaClient)).toEqual([]);
    // The workspace's own subscriptions hear of every account and of no one's tasks.
    const workspaceMine = await s.admin.request({
      method: 'POST',
      url: '/api/v1/alerts/subscriptions',
      payload: { channel: 'email', target: 'cs@acme.example', accounts: 'mine', playTasks: true },
    });
    expect((workspaceMine.json().errors as Array<{ field: string }>).map((e) => e.field).sort()).toEqual([
      'body.accounts',
      'body.playTasks',
    ]);
    const partner = await t.login((await t.user(s.ws, 'partner', { partnerId: await t.partner(s.ws, 'P') })).email);
    expect((await partner.request({ method: 'GET', url: '/api/v1/alerts/my-subscriptions' })).statusCode).toBe(403);
    const key = await t.apiKey(s.ws, 'admin');
    const byKey = await t.inject({
      method: 'GET',
      url: '/api/v1/alerts/my-subscriptions',
      headers: { authorization: `Bearer ${key}` },
    });
    expect(byKey.statusCode).toBe(400);
    expect(byKey.json().errors[0].field).toBe('authorization');
  });

  it('sends a signal on my accounts only to a subscription limited to them; sends me a test', async () => {
    const s = await team();
    const hers = await buildAccount(t.ctx.db, s.ws, { name: 'Hers', csm_user_id: s.ana.userId });
    const other = await buildAccount(t.ctx.db, s.ws, { name: 'Other' });
    const hook = await httpReceiver();
    try {
      const onMine = (
        await mine(s.anaClient, { channel: 'webhook', target: hook.url, secret: SECRET, accounts: 'mine' })
      ).json().id as string;
      const onAll = (await mine(s.boClient, { channel: 'email', target: s.bo.email })).json().id as string;
      const a = await raise(s.ws, hers.id, 'p-hers');
      const b = await raise(s.ws, other.id, 'p-other');
      expect(await queuedFor(onMine)).toEqual([`signal:${a.id}:severe`]);
      expect((await queuedFor(onAll)).sort()).toEqual([`signal:${a.id}:severe`, `signal:${b.id}:severe`].sort());

      const test = await s.anaClient.request({ method: 'POST', url: `/api/v1/alerts/my-subscriptions/${onMine}/test` });
      expect(test.json()).toMatchObject({ subscriptionId: onMine, channel: 'webhook', ok: true, status: 200 });
      const body = JSON.parse(hook.received.at(-1)!.body);
      expect(body.type).toBe('alert.test');
      expect(body.data.explanation).toContain('your own Baton alerts');
    } finally {
      await hook.close();
    }
  });

  it('tells me my play tasks due: in my digest, or in a morning message when alerts come at once', async () => {
    const s = await team();
    const account = await buildAccount(t.ctx.db, s.ws, { name: 'Tasked', csm_user_id: s.ana.userId });
    const digest = await httpReceiver();
    const morning = await httpReceiver();
    try {
      await mine(s.anaClient, {
        channel: 'webhook',
        target: digest.url,
        secret: SECRET,
        mode: 'daily_digest',
        accounts: 'mine',
        playTasks: true,
      });
      await mine(s.anaClient, { channel: 'webhook', target: morning.url, secret: SECRET, playTasks: true });
      const plays = (await s.admin.request({ method: 'GET', url: '/api/v1/plays' })).json().items as Array<{
        id: string;
        builtinKey: string | null;
      }>;
      const review = plays.find((p) => p.builtinKey === 'renewal-review-120')!;
      const run = await s.admin.request({
        method: 'POST',
        url: `/api/v1/plays/${review.id}/start`,
        payload: { accountId: account.id },
      });
      const tasks = run.json().tasks as Array<{ title: string; due: string; assigneeUserId: string }>;
      expect(tasks.some((x) => x.assigneeUserId === s.ana.userId)).toBe(true);
      const last = tasks
        .map((x) => x.due)
        .sort()
        .at(-1)!;
      // A day after the last task falls due, at 09:00 (days apart from every other test's slot).
      const day = new Date(Date.parse(`${last}T09:00:00Z`) + (1 + n * 3) * 86_400_000);
      await t.runJobs({ now: day });
      expect(digest.received).toHaveLength(1);
      expect(morning.received).toHaveLength(1);
      const dayIso = day.toISOString().slice(0, 10);
      const theirs = tasks.filter((x) => x.assigneeUserId === s.ana.userId);
      const d = JSON.parse(digest.received[0]!.body).data;
      expect(d.explanation).toContain(`${theirs.length} play tasks due`);
      expect(d.explanation).toContain('Your play tasks due:');
      for (const task of theirs) expect(d.explanation).toContain(`Tasked: ${task.title}`);
      const m = JSON.parse(morning.received[0]!.body).data;
      expect(m.title).toBe(`${theirs.length} play tasks due on ${dayIso}`);
      expect(m.explanation).toContain(`overdue since ${theirs[0]!.due}`);
      // Once a day: the next run of the same day sends nothing more.
      await t.runJobs({ now: new Date(day.getTime() + 60_000) });
      expect(digest.received).toHaveLength(1);
      expect(morning.received).toHaveLength(1);
    } finally {
      await digest.close();
      await morning.close();
    }
  });
});
