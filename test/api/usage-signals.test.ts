import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueJob } from '../../src/platform/jobs/job.service.ts';
import { COMPOSITION } from '../../src/app/modules.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;

const D = '2026-11-20';
const day = (offset: number) =>
  new Date(Date.parse(`${D}T00:00:00.000Z`) + offset * 86_400_000).toISOString().slice(0, 10);
let seq = 0;
/** `n` track calls of one user on one day, each its own message. */
const tracks = (userId: string, event: string, offset: number, groupId: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({
    type: 'track',
    messageId: `m-${++seq}`,
    userId,
    event,
    timestamp: `${day(offset)}T10:${String(i % 60).padStart(2, '0')}:00.000Z`,
    context: { groupId },
  }));
const send = async (key: string, batch: unknown[]) => {
  const res = await t.inject({
    method: 'POST',
    url: '/v1/batch',
    headers: { authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` },
    payload: { batch },
  });
  expect(res.statusCode, res.body).toBe(200);
};
const evaluate = async (c: Client, asOf = D) => {
  const res = await c.request({ method: 'POST', url: '/api/v1/usage/signals/evaluate', payload: { asOf } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { accounts: number; raised: Record<string, number>; resolved: Record<string, number> };
};
type Sig = {
  kind: string;
  accountId: string | null;
  severity: string;
  evidence: Record<string, unknown>;
  explanation: string;
  resolvedAt: string | null;
  firstSeenAt: string;
  id: string;
};
const signals = async (viewer: Client, accountId: string, status = 'open') =>
  (
    (
      await viewer.request({ method: 'GET', url: `/api/v1/signals?accountId=${accountId}&status=${status}&limit=200` })
    ).json().items as Sig[]
  ).sort((a, b) => a.kind.localeCompare(b.kind));

let workspaces = 0;
/**
 * A workspace of its own for each test: Northwind, a power user gone quiet 60 days ago, a champion last seen 40 days
 * ago, four users a month ago and only one of them in the last week; Contoso, steady for eight weeks, then doubled.
 */
async function usageWorkspace() {
  const acme = await t.workspace(`acme-${++workspaces}`);
  const admin = await t.login((await t.user(acme, 'admin')).email);
  const viewer = await t.login((await t.user(acme, 'viewer')).email);
  const create = async (name: string, domain: string) =>
    (
      await admin.request({ method: 'POST', url: '/api/v1/accounts', payload: { name, domain, segment: 'mid_market' } })
    ).json().id as string;
  const northwind = await create('Northwind', 'northwind.example');
  const contoso = await create('Contoso', 'contoso.example');
  const key = await t.apiKey(acme, 'ingest');
  await admin.request({
    method: 'POST',
    url: `/api/v1/accounts/${northwind}/contacts`,
    payload: { name: 'Chris Champion', email: 'Chris@Northwind.example', role: 'champion' },
  });
  await admin.request({ method: 'PUT', url: `/api/v1/usage/accounts/${northwind}/seats`, payload: { seats: 20 } });

  // Northwind: a power user gone quiet 60 days ago, a champion last seen 40 days ago, four users a month
  // ago and only one of them in the last week.
  await send(key, [
    ...tracks('old', 'Export', -60, northwind, 12),
    {
      type: 'identify',
      messageId: 'champ-identify',
      userId: 'champ-1',
      traits: { email: 'chris@northwind.example' },
      timestamp: `${day(-40)}T09:00:00.000Z`,
      context: { groupId: northwind },
    },
    ...tracks('champ-1', 'Login', -40, northwind, 1),
    ...tracks('u1', 'Report', -25, northwind, 3),
    ...tracks('u2', 'Report', -25, northwind, 3),
    ...tracks('u3', 'Report', -25, northwind, 3),
    ...tracks('u4', 'Report', -25, northwind, 1),
    ...tracks('u2', 'Report', -10, northwind, 6),
    ...tracks('u3', 'Report', -12, northwind, 6),
    ...tracks('u1', 'Report', -1, northwind, 6),
  ]);
  // Contoso: 21 events a week for eight weeks by seven users, then 42 in the last week.
  const weekly = [];
  for (let w = 1; w <= 8; w++) for (let u = 1; u <= 7; u++) weekly.push(...tracks(`b${u}`, 'Sync', -7 * w, contoso, 3));
  await send(key, weekly);
  await send(key, [
    ...tracks('b1', 'Sync', -70, contoso, 1),
    ...Array.from({ length: 7 }, (_, u) => tracks(`b${u + 1}`, 'Sync', -2, contoso, 6)).flat(),
  ]);
  return { acme, admin, viewer, northwind, contoso, key };
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('usage signals', () => {
  it('raises exactly the rules that hold on each account, with their numbers as evidence', async () => {
    const { admin, viewer, northwind, contoso } = await usageWorkspace();
    const summary = await evaluate(admin);
    expect(summary.accounts).toBe(2);
    expect(summary.raised).toEqual({
      'adoption.low_active_users': 1,
      'adoption.concentrated_usage': 1,
      'adoption.declining_usage': 1,
      'knowledge.key_user_inactive': 1,
      'business.volume_shift': 1,
    });
    const nw = await signals(viewer, northwind);
    expect(nw.map((s) => s.kind)).toEqual([
      'adoption.concentrated_usage',
      'adoption.declining_usage',
      'adoption.low_active_users',
      'knowledge.key_user_inactive',
    ]);
    const [concentrated, declining, low, knowledge] = nw as [Sig, Sig, Sig, Sig];
    // 30 days: u1 9, u2 9, u3 9, u4 1 → 27 / 28.
    expect(concentrated.evidence).toMatchObject({
      events30d: 28,
      topEvents: 27,
      activeUsers30d: 4,
      share: 0.964,
      threshold: 0.6,
    });
    expect(concentrated.evidence.topUsers).toEqual([
      { user: 'u1', events: 9 },
      { user: 'u2', events: 9 },
      { user: 'u3', events: 9 },
    ]);
    // Days −27…−21: u1..u4; the last 7 days: u1 only.
    expect(declining.evidence).toMatchObject({
      activeUsersLast7d: 1,
      activeUsers4WeeksEarlier: 4,
      changePct: -75,
      threshold: -20,
    });
    expect(declining.severity).toBe('severe');
    // Four of twenty seats; usage since day −60.
    expect(low.evidence).toMatchObject({
      activeUsers30d: 4,
      seats: 20,
      adoptionRate: 0.2,
      threshold: 0.4,
      liveSince: day(-60),
      liveDays: 60,
    });
    expect(low.severity).toBe('warning');
    // The API says the evidence as a sentence with its numbers and how the rate is computed.
    expect(low.explanation).toMatch(
      /^4 of 20 licensed seats were used in the 30 days to .+: an adoption rate of 20 % \(30-day active users ÷ licensed seats\), below the 40 % threshold\./,
    );
    expect(declining.explanation).toMatch(
      /^1 user was active in the 7 days to .+, against 4 in the 7 days ending three weeks earlier: down 75 %/,
    );
    expect(knowledge.severity).toBe('severe');
    expect(knowledge.evidence.inactiveTopUsers).toEqual([
      { user: 'old', events90d: 12, lastActiveDay: day(-60), daysInactive: 60 },
    ]);
    expect(knowledge.evidence.inactiveChampions).toEqual([
      {
        contactId: expect.any(String),
        name: 'Chris Champion',
        user: 'champ-1',
        lastActiveDay: day(-40),
        daysInactive: 40,
      },
    ]);

    const co = await signals(viewer, contoso);
    expect(co.map((s) => s.kind)).toEqual(['business.volume_shift']);
    expect(co[0]?.evidence).toMatchObject({
      eventsLast7d: 42,
      baselineWeeklyEvents: 21,
      changePct: 100,
      threshold: 40,
      baselineWeeks: [21, 21, 21, 21, 21, 21, 21, 21],
    });
  });

  it('still knows the champion by the email they identified with once the raw events are past their window', async () => {
    const { acme, admin, viewer, northwind } = await usageWorkspace();
    expect(
      await t.ctx.db
        .selectFrom('usage_user_traits')
        .select(['user_id', 'email'])
        .where('workspace_id', '=', acme)
        .execute(),
    ).toEqual([{ user_id: 'champ-1', email: 'chris@northwind.example' }]);
    // As the retention purge leaves it: rollups and users kept, raw events (the identify call among them) gone.
    await t.ctx.db.deleteFrom('usage_events').where('workspace_id', '=', acme).execute();
    await evaluate(admin);
    const knowledge = (await signals(viewer, northwind)).find((s) => s.kind === 'knowledge.key_user_inactive') as Sig;
    expect(knowledge.evidence.inactiveChampions).toEqual([
      {
        contactId: expect.any(String),
        name: 'Chris Champion',
        user: 'champ-1',
        lastActiveDay: day(-40),
        daysInactive: 40,
      },
    ]);
  });

  it('keeps one signal per rule when evaluated again, and resolves the rules that stop holding', async () => {
    const { admin, viewer, northwind, key } = await usageWorkspace();
    await evaluate(admin);
    const before = await signals(viewer, northwind);
    // Four more users today: 8 of 20 seats active (40 %), and 5 this week against 4 four weeks earlier.
    await send(
      key,
      ['u5', 'u6', 'u7', 'u8'].flatMap((u) => tracks(u, 'Report', 0, northwind, 1)),
    );
    const summary = await evaluate(admin);
    expect(summary.resolved).toEqual({ 'adoption.low_active_users': 1, 'adoption.declining_usage': 1 });
    const after = await signals(viewer, northwind);
    expect(after.map((s) => s.kind)).toEqual(['adoption.concentrated_usage', 'knowledge.key_user_inactive']);
    // The same signals, refreshed: first sighting kept, evidence replaced (u5..u8 add 4 events).
    const concentrated = after[0] as Sig;
    expect(concentrated.id).toBe(before[0]?.id);
    expect(concentrated.evidence).toMatchObject({ events30d: 32, topEvents: 27 });
    const resolved = (await signals(viewer, northwind, 'resolved')).map((s) => s.kind);
    expect(resolved).toEqual(['adoption.declining_usage', 'adoption.low_active_users']);
  });

  it('reads its thresholds from the workspace setting', async () => {
    const { admin, viewer, northwind, key } = await usageWorkspace();
    // With four more users today, 27 of the 30 days' 32 events come from the top three users.
    await send(
      key,
      ['u5', 'u6', 'u7', 'u8'].flatMap((u) => tracks(u, 'Report', 0, northwind, 1)),
    );
    await evaluate(admin);
    expect((await signals(viewer, northwind)).map((s) => s.kind)).toContain('adoption.concentrated_usage');
    const current = (await viewer.request({ method: 'GET', url: '/api/v1/settings/usage-signals' })).json();
    expect(current.concentration).toEqual({ enabled: true, topUsers: 3, maxShare: 0.6, minEvents: 20 });
    const bad = await admin.request({
      method: 'PUT',
      url: '/api/v1/settings/usage-signals',
      payload: { ...current, concentration: { ...current.concentration, maxShare: 2 } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.concentration.maxShare');
    expect(
      (await viewer.request({ method: 'PUT', url: '/api/v1/settings/usage-signals', payload: current })).statusCode,
    ).toBe(403);
    const put = await admin.request({
      method: 'PUT',
      url: '/api/v1/settings/usage-signals',
      payload: { ...current, concentration: { ...current.concentration, maxShare: 0.9 } },
    });
    expect(put.statusCode).toBe(200);
    // 27 / 32 = 84 % is under 90 %.
    expect((await evaluate(admin)).resolved).toEqual({ 'adoption.concentrated_usage': 1 });
    expect((await signals(viewer, northwind)).map((s) => s.kind)).toEqual(['knowledge.key_user_inactive']);
  });

  it('refuses viewers and a bad day, naming the field', async () => {
    const { admin, viewer } = await usageWorkspace();
    expect(
      (await viewer.request({ method: 'POST', url: '/api/v1/usage/signals/evaluate', payload: { asOf: D } }))
        .statusCode,
    ).toBe(403);
    const bad = await admin.request({
      method: 'POST',
      url: '/api/v1/usage/signals/evaluate',
      payload: { asOf: '2026-02-30' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.asOf');
  });

  it('runs as the usage.signals job, scheduled daily', async () => {
    const { acme, admin, viewer, contoso } = await usageWorkspace();
    await evaluate(admin);
    const def = COMPOSITION.jobs.get('usage.signals');
    expect(def?.everyMs).toBe(86_400_000);
    // A week on, Contoso's last week had no events at all: down 100 % against its 8-week baseline (23.6 a week);
    // its signal is refreshed, not duplicated.
    const registry = COMPOSITION.jobs;
    // The runner's clock is that day too, so its own scheduled run (every workspace, as of "today") agrees.
    const now = new Date(`${day(7)}T12:00:00.000Z`);
    const { id } = await enqueueJob(t.ctx.db, registry, {
      type: 'usage.signals',
      payload: { asOf: day(7) },
      workspaceId: acme,
      runAt: now,
    });
    expect(await t.runJobs({ now })).toEqual([]);
    const job = await t.ctx.db
      .selectFrom('jobs')
      .select(['status', 'last_error'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(job).toEqual({ status: 'succeeded', last_error: null });
    const co = await signals(viewer, contoso);
    expect(co.map((s) => s.kind)).toContain('business.volume_shift');
    expect(co.filter((s) => s.kind === 'business.volume_shift')).toHaveLength(1);
    expect(co.find((s) => s.kind === 'business.volume_shift')?.evidence).toMatchObject({
      eventsLast7d: 0,
      changePct: -100,
    });
  });
});
