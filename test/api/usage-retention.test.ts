import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeRawEvents } from '../../src/modules/usage/retention/retention.service.ts';
import { enqueueJob } from '../../src/platform/jobs/job.service.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let slugs = 0;

const DAY = 86_400_000;
const basic = (writeKey: string) => `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`;

/**
 * A workspace of its own with its admin, a viewer, an ingest key and the account Northwind; `track` makes a Segment
 * event of Northwind's, `send` sends a batch of them, `ids` lists the raw events stored, `rollups` the daily rollups.
 */
async function setUp() {
  const acme = await t.workspace(`acme-${++slugs}`);
  const admin = await t.login((await t.user(acme, 'admin')).email);
  const viewer = await t.login((await t.user(acme, 'viewer')).email);
  const res = await admin.request({
    method: 'POST',
    url: '/api/v1/accounts',
    payload: { name: 'Northwind', domain: 'northwind.example', segment: 'smb' },
  });
  const northwind = res.json().id as string;
  const key = await t.apiKey(acme, 'ingest');
  const track = (messageId: string, timestamp: string) => ({
    type: 'track',
    messageId,
    userId: `user-${messageId}`,
    event: 'Report Published',
    timestamp,
    context: { groupId: northwind },
  });
  const send = async (batch: unknown[]) => {
    const res = await t.inject({
      method: 'POST',
      url: '/v1/batch',
      headers: { 'content-type': 'application/json', authorization: basic(key) },
      payload: JSON.stringify({ batch }),
    });
    expect(res.statusCode).toBe(200);
  };
  const ids = async () =>
    (
      await t.ctx.db
        .selectFrom('usage_events')
        .select('message_id')
        .where('workspace_id', '=', acme)
        .orderBy('message_id')
        .execute()
    ).map((r) => r.message_id);
  const rollups = () =>
    Promise.all([
      t.ctx.db
        .selectFrom('usage_daily_account_feature')
        .selectAll()
        .where('workspace_id', '=', acme)
        .orderBy('day')
        .orderBy('feature')
        .execute(),
      t.ctx.db
        .selectFrom('usage_daily_account_user')
        .selectAll()
        .where('workspace_id', '=', acme)
        .orderBy('day')
        .orderBy('user_key')
        .execute(),
    ]);
  /** Marks events as received `days` ago, as if they had arrived then. */
  const receivedDaysAgo = (messageIds: string[], days: number) =>
    t.ctx.db
      .updateTable('usage_events')
      .set({ received_at: new Date(Date.now() - days * DAY).toISOString() })
      .where('workspace_id', '=', acme)
      .where('message_id', 'in', messageIds)
      .execute();
  return { acme, admin, viewer, track, send, ids, rollups, receivedDaysAgo };
}

/** The workspace keeps raw events 30 days. */
async function thirtyDayWindow({ admin }: Awaited<ReturnType<typeof setUp>>): Promise<void> {
  const set = await admin.request({ method: 'PUT', url: '/api/v1/usage/retention', payload: { rawEventDays: 30 } });
  expect(set.json()).toEqual({ rawEventDays: 30 });
}

/** Runs the scheduled purge as the job runner does. */
async function runPurge(): Promise<void> {
  await enqueueJob(t.ctx.db, t.ctx.jobs, { type: 'usage.events.purge', payload: {} });
  expect(await t.runJobs()).toEqual([]);
  const failed = await t.ctx.db
    .selectFrom('jobs')
    .select(['type', 'last_error'])
    .where('type', '=', 'usage.events.purge')
    .where('status', '!=', 'succeeded')
    .execute();
  expect(failed).toEqual([]);
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('raw usage event retention', () => {
  it('keeps 90 days by default; admins change it, 7 days at least, audited', async () => {
    const { acme, admin, viewer } = await setUp();
    expect((await viewer.request({ method: 'GET', url: '/api/v1/usage/retention' })).json()).toEqual({
      rawEventDays: 90,
    });
    expect(
      (await viewer.request({ method: 'PUT', url: '/api/v1/usage/retention', payload: { rawEventDays: 30 } }))
        .statusCode,
    ).toBe(403);
    const tooShort = await admin.request({
      method: 'PUT',
      url: '/api/v1/usage/retention',
      payload: { rawEventDays: 3 },
    });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().errors[0].field).toBe('body.rawEventDays');
    const set = await admin.request({ method: 'PUT', url: '/api/v1/usage/retention', payload: { rawEventDays: 30 } });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual({ rawEventDays: 30 });
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('workspace_id', '=', acme)
      .where('action', '=', 'setting.update')
      .execute();
    expect(audit.map((a) => a.entity_id)).toContain('usage.retention');
  });

  it('deletes raw events received before the window, in batches, keeps recent ones and never touches the rollups', async () => {
    const w = await setUp();
    const { track, send, ids, rollups, receivedDaysAgo } = w;
    await thirtyDayWindow(w);
    const old = Array.from({ length: 12 }, (_, i) => `old-${String(i).padStart(2, '0')}`);
    const edge = ['edge-1'];
    const recent = ['recent-1', 'recent-2'];
    await send([...old, ...edge, ...recent].map((id, i) => track(id, `2026-0${1 + (i % 3)}-1${i % 10}T10:00:00.000Z`)));
    await receivedDaysAgo(old, 45);
    await receivedDaysAgo(edge, 29);
    const before = await rollups();
    expect(before[0].reduce((n, r) => n + Number(r.events), 0)).toBe(15);

    await runPurge();
    expect(await ids()).toEqual([...edge, ...recent]);
    expect(await rollups()).toEqual(before);

    // A batch retried within the window is still a duplicate.
    await send(recent.map((id) => track(id, '2026-01-10T10:00:00.000Z')));
    expect(await ids()).toEqual([...edge, ...recent]);
    expect(await rollups()).toEqual(before);
  });

  it('deletes batch after batch until none is left past the window, each batch reported', async () => {
    const w = await setUp();
    const { acme, track, send, ids, receivedDaysAgo } = w;
    await thirtyDayWindow(w);
    const many = Array.from({ length: 12 }, (_, i) => `many-${String(i).padStart(2, '0')}`);
    await send(many.map((id) => track(id, '2026-02-01T10:00:00.000Z')));
    await receivedDaysAgo(many, 60);
    const kept = (await ids()).filter((id) => !id.startsWith('many-'));
    const reported: number[] = [];
    const deleted = await purgeRawEvents(t.ctx.db, acme, new Date(), async (total) => void reported.push(total), 5);
    expect(deleted).toBe(12);
    expect(reported).toEqual([5, 10, 12]);
    expect(await ids()).toEqual(kept);
    expect(await purgeRawEvents(t.ctx.db, acme, new Date(), undefined, 5)).toBe(0);
  });

  it('keeps the ingest totals whole: events stored stay counted, and purged events kept aside leave the unmatched count', async () => {
    const w = await setUp();
    const { viewer, track, send, receivedDaysAgo } = w;
    await thirtyDayWindow(w);
    const status = async () =>
      (await viewer.request({ method: 'GET', url: '/api/v1/usage/ingest-status' })).json().total.segment;
    const before = await status();
    const aside = ['aside-1', 'aside-2'].map((id) => ({
      ...track(id, '2026-03-01T10:00:00.000Z'),
      context: { groupId: 'nobody.example' },
    }));
    await send(aside);
    const sent = await status();
    expect(sent).toMatchObject({
      received: before.received + 2,
      stored: before.stored + 2,
      unmatched: before.unmatched + 2,
    });
    expect(sent.lastEventAt >= '2026-03-01T10:00:00.000Z').toBe(true);
    await receivedDaysAgo(['aside-1', 'aside-2'], 50);
    await runPurge();
    expect(await status()).toEqual({ ...sent, unmatched: before.unmatched });
  });

  it('keeps the log of refused requests for the same window, also in a workspace that never had an event stored', async () => {
    const gamma = await t.workspace('gamma');
    const gammaKey = await t.apiKey(gamma, 'ingest');
    const refuse = async (messageId: string) => {
      const res = await t.inject({
        method: 'POST',
        url: '/v1/batch',
        headers: { 'content-type': 'application/json', authorization: basic(gammaKey) },
        payload: JSON.stringify({ batch: [{ type: 'track', messageId, userId: 'u1' }] }),
      });
      expect(res.statusCode).toBe(400);
    };
    await refuse('old');
    await t.ctx.db
      .updateTable('usage_ingest_requests')
      .set({ received_at: new Date(Date.now() - 100 * DAY).toISOString() })
      .where('workspace_id', '=', gamma)
      .execute();
    await refuse('new');
    const gammaViewer = await t.login((await t.user(gamma, 'viewer')).email);
    const listed = async () =>
      (await gammaViewer.request({ method: 'GET', url: '/api/v1/usage/rejections' })).json().items as Array<{
        receivedAt: string;
      }>;
    expect(await listed()).toHaveLength(2);
    await runPurge();
    const left = await listed();
    expect(left).toHaveLength(1);
    expect(Date.now() - Date.parse(left[0]?.receivedAt as string)).toBeLessThan(DAY);
    // The totals still count both.
    expect(
      (await gammaViewer.request({ method: 'GET', url: '/api/v1/usage/ingest-status' })).json().total.segment,
    ).toMatchObject({ received: 2, rejected: 2, stored: 0 });
  });

  it('leaves other workspaces to their own window', async () => {
    const w = await setUp();
    const { track } = w;
    await thirtyDayWindow(w);
    const beta = await t.workspace('beta');
    const betaKey = await t.apiKey(beta, 'ingest');
    const res = await t.inject({
      method: 'POST',
      url: '/v1/batch',
      headers: { 'content-type': 'application/json', authorization: basic(betaKey) },
      payload: JSON.stringify({ batch: [track('beta-1', '2026-01-01T00:00:00.000Z')] }),
    });
    expect(res.statusCode).toBe(200);
    // 45 days old: past the 30 days of the workspace set up above, within beta's default 90.
    await t.ctx.db
      .updateTable('usage_events')
      .set({ received_at: new Date(Date.now() - 45 * DAY).toISOString() })
      .where('workspace_id', '=', beta)
      .execute();
    await runPurge();
    expect(
      (await t.ctx.db.selectFrom('usage_events').select('message_id').where('workspace_id', '=', beta).execute()).map(
        (r) => r.message_id,
      ),
    ).toEqual(['beta-1']);
  });
});
