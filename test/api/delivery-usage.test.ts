import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

/**
 * Delivery meets usage and the pipeline: a milestone naming an event is reached when the account's users do it
 * (first value from real use), and the capacity plan weighs open deals by their stage's probability.
 */

let t: TestApp;
let url: string;
let slugs = 0;

const today = () => new Date().toISOString().slice(0, 10);
const addDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  await t.server.app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(t.server.app.server.address() as AddressInfo).port}`;
});
afterAll(() => t?.close());

/** A workspace of its own with its admin, an ingest key (`send` posts a Segment batch with it) and the account Hooli. */
async function setUp() {
  const ws = await t.workspace(`usage-delivery-${++slugs}`);
  const admin = await t.login((await t.user(ws, 'admin')).email);
  const key = await t.apiKey(ws, 'ingest');
  const accountId = (
    await admin.request({ method: 'POST', url: '/api/v1/accounts', payload: { name: 'Hooli', segment: 'smb' } })
  ).json().id as string;
  const send = async (batch: unknown[]) => {
    const res = await fetch(`${url}/v1/batch`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}`,
      },
      body: JSON.stringify({ batch }),
    });
    expect(res.status).toBe(200);
  };
  return { ws, admin, accountId, send };
}

describe('milestones completed by usage', () => {
  it('reach first value when the account’s users publish their first report, not before', async () => {
    const { admin, accountId, send } = await setUp();
    const p = (
      await admin.request({
        method: 'POST',
        url: '/api/v1/projects',
        payload: { accountId, promisedGoLive: addDays(60) },
      })
    ).json();
    const fv = p.milestones.find((m: { firstValue: boolean }) => m.firstValue);
    expect(fv).toMatchObject({ completionEvent: 'Report Published', completedOn: null });
    await admin.request({ method: 'POST', url: `/api/v1/projects/${p.id}/kickoff`, payload: {} });

    // Other usage, and the event on another account, complete nothing.
    const other = (
      await admin.request({ method: 'POST', url: '/api/v1/accounts', payload: { name: 'Pied Piper', segment: 'smb' } })
    ).json().id;
    await send([
      {
        type: 'track',
        messageId: 'm1',
        userId: 'gavin',
        event: 'Dashboard Viewed',
        context: { groupId: accountId },
      },
      {
        type: 'track',
        messageId: 'm2',
        userId: 'richard',
        event: 'Report Published',
        context: { groupId: other },
      },
    ]);
    const first = await admin.request({ method: 'POST', url: '/api/v1/delivery/forecast/recompute', payload: {} });
    expect(first.json().milestonesByUsage).toBe(0);
    expect((await admin.request({ method: 'GET', url: `/api/v1/projects/${p.id}` })).json().firstValueOn).toBeNull();

    await send([
      {
        type: 'track',
        messageId: 'm3',
        userId: 'gavin',
        event: 'Report Published',
        context: { groupId: accountId },
      },
    ]);
    const second = await admin.request({ method: 'POST', url: '/api/v1/delivery/forecast/recompute', payload: {} });
    expect(second.json().milestonesByUsage).toBe(1);
    const after = (await admin.request({ method: 'GET', url: `/api/v1/projects/${p.id}` })).json();
    expect(after.firstValueOn).toBe(today());
    expect(after.metrics.timeToValueDays).toBe(0);
    expect(after.milestones.find((m: { firstValue: boolean }) => m.firstValue)).toMatchObject({
      completedOn: today(),
      completedBy: 'usage',
    });
    expect(after.events.find((e: { kind: string }) => e.kind === 'milestone_reached')).toMatchObject({
      actor: 'usage',
      detail: { byEvent: 'Report Published', firstValue: true },
    });
    // Reached once: running again changes nothing.
    expect(
      (await admin.request({ method: 'POST', url: '/api/v1/delivery/forecast/recompute', payload: {} })).json()
        .milestonesByUsage,
    ).toBe(0);
  });
});

describe('milestones completed by usage, within seconds', () => {
  it('an event sent through the Segment endpoint completes the milestone once due jobs run, without the periodic refresh', async () => {
    const { admin, send } = await setUp();
    const account = (
      await admin.request({ method: 'POST', url: '/api/v1/accounts', payload: { name: 'Raviga', segment: 'smb' } })
    ).json().id;
    const p = (
      await admin.request({
        method: 'POST',
        url: '/api/v1/projects',
        payload: { accountId: account, promisedGoLive: addDays(60) },
      })
    ).json();
    await admin.request({ method: 'POST', url: `/api/v1/projects/${p.id}/kickoff`, payload: {} });
    // The periodic refresh of this slot runs now, before the event: what follows cannot be its doing.
    await t.runJobs();
    // Events of a feature nobody waits on queue nothing.
    await send([
      {
        type: 'track',
        messageId: 'r1',
        userId: 'laurie',
        event: 'Dashboard Viewed',
        context: { groupId: account },
      },
    ]);
    const queuedBefore = await t.ctx.db
      .selectFrom('jobs')
      .select('id')
      .where('type', '=', 'delivery.usage-milestones')
      .where('payload', 'like', `%${account}%`)
      .execute();
    expect(queuedBefore).toHaveLength(0);

    await send([
      {
        type: 'track',
        messageId: 'r2',
        userId: 'laurie',
        event: 'Report Published',
        context: { groupId: account },
      },
    ]);
    await send([
      {
        type: 'track',
        messageId: 'r3',
        userId: 'monica',
        event: 'Report Published',
        context: { groupId: account },
      },
    ]);
    const queued = await t.ctx.db
      .selectFrom('jobs')
      .select(['type', 'status'])
      .where('type', '=', 'delivery.usage-milestones')
      .where('payload', 'like', `%${account}%`)
      .execute();
    expect(queued).toHaveLength(1); // de-duplicated per account and feature
    expect(await t.runJobs()).toEqual([]);
    const after = (await admin.request({ method: 'GET', url: `/api/v1/projects/${p.id}` })).json();
    expect(after.milestones.find((m: { firstValue: boolean }) => m.firstValue)).toMatchObject({
      completedOn: today(),
      completedBy: 'usage',
    });
    expect(after.firstValueOn).toBe(today());
    expect(
      (
        await t.ctx.db
          .selectFrom('jobs')
          .select('status')
          .where('type', '=', 'delivery.usage-milestones')
          .where('payload', 'like', `%${account}%`)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('succeeded');
    // Reached: no one watches for it any more, so later events queue nothing.
    expect(
      await t.ctx.db.selectFrom('usage_first_use_watches').selectAll().where('account_id', '=', account).execute(),
    ).toEqual([]);
  });
});

describe('milestones completed by usage kept aside until the account was known', () => {
  it('completes the milestone once the account’s new domain matches the events sent earlier', async () => {
    const { admin, send } = await setUp();
    const account = (
      await admin.request({ method: 'POST', url: '/api/v1/accounts', payload: { name: 'Bachmanity', segment: 'smb' } })
    ).json().id;
    const p = (
      await admin.request({
        method: 'POST',
        url: '/api/v1/projects',
        payload: { accountId: account, promisedGoLive: addDays(60) },
      })
    ).json();
    await admin.request({ method: 'POST', url: `/api/v1/projects/${p.id}/kickoff`, payload: {} });
    await t.runJobs();
    // Sent under a domain no account has yet: kept aside, nothing queued.
    await send([
      {
        type: 'track',
        messageId: 'b1',
        userId: 'erlich',
        event: 'Report Published',
        context: { groupId: 'bachmanity.example' },
      },
    ]);
    expect(
      await t.ctx.db
        .selectFrom('jobs')
        .select('id')
        .where('type', '=', 'delivery.usage-milestones')
        .where('payload', 'like', `%${account}%`)
        .execute(),
    ).toHaveLength(0);
    const renamed = await admin.request({
      method: 'PATCH',
      url: `/api/v1/accounts/${account}`,
      payload: { domain: 'bachmanity.example' },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await t.runJobs()).toEqual([]);
    const after = (await admin.request({ method: 'GET', url: `/api/v1/projects/${p.id}` })).json();
    expect(after.milestones.find((m: { firstValue: boolean }) => m.firstValue)).toMatchObject({
      completedOn: today(),
      completedBy: 'usage',
    });
  });
});

describe('capacity plan', () => {
  it('sets planned project work and the probable pipeline against people’s hours, role by role', async () => {
    const { admin, accountId } = await setUp();
    // A project under way for Hooli: its open tasks are the planned work.
    const started = await admin.request({
      method: 'POST',
      url: '/api/v1/projects',
      payload: { accountId, promisedGoLive: addDays(60) },
    });
    expect(
      (await admin.request({ method: 'POST', url: `/api/v1/projects/${started.json().id}/kickoff`, payload: {} }))
        .statusCode,
    ).toBe(200);
    const consultant = (
      await admin.request({
        method: 'POST',
        url: '/api/v1/resources',
        payload: { name: 'Cara', role: 'consultant', weeklyCapacityHours: 40 },
      })
    ).json().id;
    const plan0 = (
      await admin.request({ method: 'GET', url: '/api/v1/delivery/capacity?weeks=12&bufferPct=0.2' })
    ).json();
    expect(plan0.weeks).toHaveLength(12);
    const consultantRows = plan0.rows.filter((r: { role: string }) => r.role === 'consultant');
    expect(consultantRows).toHaveLength(12);
    // 40 h a week, 8 h a day; the buffer leaves 80 % to plan.
    const fullWeek = consultantRows.find((r: { capacityHours: number }) => r.capacityHours === 40);
    expect(fullWeek.availableAfterBufferHours).toBeCloseTo(32, 5);
    expect(fullWeek.gapHours).toBeCloseTo(fullWeek.demandHours - 32, 5);
    const projectDemand = plan0.rows.reduce(
      (s: number, r: { projectDemandHours: number }) => s + r.projectDemandHours,
      0,
    );
    expect(projectDemand).toBeGreaterThan(0);
    expect(plan0.pipeline).toEqual([]);
    // The queued project waits: it is in the kickoff queue with its wait.
    const queued = (
      await admin.request({ method: 'POST', url: '/api/v1/projects', payload: { accountId, name: 'Queued one' } })
    ).json();
    const plan1 = (await admin.request({ method: 'GET', url: '/api/v1/delivery/capacity' })).json();
    expect(plan1.queue.map((q: { projectId: string }) => q.projectId)).toContain(queued.id);

    // An open deal at a 60 % stage adds 60 % of its playbook's effort, spread over its weeks.
    const imported = await admin.request({
      method: 'POST',
      url: `/api/v1/imports/deals?mapping=${encodeURIComponent(JSON.stringify({ Id: 'external_id', Name: 'name', Stage: 'stage', Account: 'account', Close: 'close_date' }))}`,
      headers: { 'content-type': 'text/csv' },
      payload: `Id,Name,Stage,Account,Close\nD-1,Hooli expansion,Negotiation,Hooli,${addDays(7)}\n`,
    });
    expect(imported.statusCode, imported.body).toBe(200);
    const mapped = await admin.request({
      method: 'PUT',
      url: '/api/v1/deals/stage-mappings',
      payload: { source: 'csv', pipeline: '', stages: [{ stage: 'Negotiation', category: 'open', probability: 60 }] },
    });
    expect(mapped.statusCode, mapped.body).toBe(200);
    const plan2 = (await admin.request({ method: 'GET', url: '/api/v1/delivery/capacity' })).json();
    const line = plan2.pipeline.find((l: { name: string }) => l.name === 'Hooli expansion');
    expect(line).toBeDefined();
    expect(line.playbook).toBe('SMB quick start');
    const pipelineDemand = plan2.rows.reduce(
      (s: number, r: { pipelineDemandHours: number }) => s + r.pipelineDemandHours,
      0,
    );
    expect(pipelineDemand).toBeCloseTo(line.weightedHours, 0);
    expect(line).toMatchObject({ probability: 0.6, probabilityKnown: true });

    // The workspace's buffer and horizon apply when a request names none; a bad value is refused naming it.
    const bad = await admin.request({
      method: 'PUT',
      url: '/api/v1/delivery/capacity-settings',
      payload: { bufferPct: 1.5, weeks: 8 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.bufferPct');
    expect(
      (
        await admin.request({
          method: 'PUT',
          url: '/api/v1/delivery/capacity-settings',
          payload: { bufferPct: 0.3, weeks: 8 },
        })
      ).statusCode,
    ).toBe(200);
    const plan3 = (await admin.request({ method: 'GET', url: '/api/v1/delivery/capacity' })).json();
    expect(plan3).toMatchObject({ bufferPct: 0.3 });
    expect(plan3.weeks).toHaveLength(8);
    expect(consultant).toBeTruthy();
  });
});
