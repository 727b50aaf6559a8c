import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../helpers/fixtures/index.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

/** The server's clock: effective days below are fixed against it. */
const NOW = new Date('2026-03-15T12:00:00.000Z');

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { now: () => NOW });
});
afterAll(async () => t?.close());

async function setUp(slug: string) {
  const ws = await t.workspace(slug);
  const admin = await t.login((await t.user(ws, 'admin')).email);
  const csm = await t.login((await t.user(ws, 'csm')).email);
  const viewer = await t.login((await t.user(ws, 'viewer')).email);
  const clinic = await buildAccount(t.ctx.db, ws, { name: 'Clinic', industry: 'Healthcare', region: 'emea' });
  const hospital = await buildAccount(t.ctx.db, ws, { name: 'Hospital', industry: 'healthcare', region: 'emea' });
  const shop = await buildAccount(t.ctx.db, ws, { name: 'Shop', industry: 'Retail', region: 'emea' });
  const us = await buildAccount(t.ctx.db, ws, { name: 'US Clinic', industry: 'Healthcare', region: 'north_america' });
  return { ws, admin, csm, viewer, clinic, hospital, shop, us };
}

const open = async (c: Client) =>
  (
    (await c.request({ method: 'GET', url: '/api/v1/signals?status=open&limit=200' })).json().items as Array<{
      kind: string;
      accountId: string;
      severity: string;
      explanation: string;
    }>
  ).filter((s) => s.kind === 'regulatory.review_needed');

const create = (c: Client, payload: object) => c.request({ method: 'POST', url: '/api/v1/regulatory-events', payload });

describe('regulatory events', () => {
  it('signals the accounts in scope without a review, and a review closes it', async () => {
    const s = await setUp('reg-scope');
    const res = await create(s.admin, {
      name: 'Health data act',
      industries: ['Healthcare'],
      regions: ['emea'],
      effectiveOn: '2026-05-01',
      note: 'Records kept in the EU',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ inScope: 2, reviewed: 0, reviewFrom: '2026-01-31' });
    const signals = await open(s.viewer);
    expect(signals.map((x) => x.accountId).sort()).toEqual([s.clinic.id, s.hospital.id].sort());
    expect(signals[0]).toMatchObject({ severity: 'warning' });
    expect(signals[0]!.explanation).toContain('“Health data act” takes effect on 1 May 2026');

    const review = await s.csm.request({
      method: 'POST',
      url: `/api/v1/regulatory-events/${res.json().id}/reviews`,
      payload: { accountId: s.clinic.id, note: 'Data already in Frankfurt' },
    });
    expect(review.statusCode, review.body).toBe(201);
    expect(review.json()).toMatchObject({ inScope: 2, reviewed: 1 });
    expect(review.json().accounts.find((a: { accountId: string }) => a.accountId === s.clinic.id).review).toMatchObject(
      {
        note: 'Data already in Frankfurt',
      },
    );
    expect((await open(s.viewer)).map((x) => x.accountId)).toEqual([s.hospital.id]);

    const again = await s.csm.request({
      method: 'POST',
      url: `/api/v1/regulatory-events/${res.json().id}/reviews`,
      payload: { accountId: s.clinic.id },
    });
    expect(again.statusCode).toBe(409);
    const outOfScope = await s.csm.request({
      method: 'POST',
      url: `/api/v1/regulatory-events/${res.json().id}/reviews`,
      payload: { accountId: s.shop.id },
    });
    expect(outOfScope.statusCode).toBe(400);
    expect(outOfScope.json().errors[0].field).toBe('body.accountId');
  });

  it('waits for the lead time: an event far off raises nothing until its window opens', async () => {
    const s = await setUp('reg-lead');
    const res = await create(s.admin, {
      name: 'Later act',
      industries: [],
      regions: ['north_america'],
      effectiveOn: '2026-09-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ inScope: 1, reviewFrom: '2026-06-03' });
    expect(await open(s.viewer)).toEqual([]);
    const rules = (await s.admin.request({ method: 'GET', url: '/api/v1/signal-rules' })).json().items;
    const set = rules.find((r: { settingKey: string }) => r.settingKey === 'relationship.regulatory-signals');
    expect(set.rules[0]).toMatchObject({ stage: 'regulatory_change', fields: [{ name: 'leadDays', value: 90 }] });
    const put = await s.admin.request({
      method: 'PUT',
      url: '/api/v1/signal-rules/relationship.regulatory-signals',
      payload: { reviewNeeded: { enabled: true, leadDays: 200 } },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(await t.runJobs({ now: NOW })).toEqual([]);
    const run = await s.admin.request({ method: 'GET', url: `/api/v1/signal-rules/runs/${put.json().lastRun.id}` });
    expect(run.json()).toMatchObject({ status: 'done', accounts: 1, opened: 1, closed: 0 });
    expect((await open(s.viewer)).map((x) => x.accountId)).toEqual([s.us.id]);
  });

  it('refuses bad events naming the field, and people who may not record them', async () => {
    const s = await setUp('reg-bad');
    const bad = await create(s.admin, { name: '', industries: [], regions: ['mars'], effectiveOn: '2026-13-01' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(expect.arrayContaining(['body.name', 'body.effectiveOn']));
    const ok = { name: 'Act', industries: [], regions: [], effectiveOn: '2026-05-01' };
    expect((await create(s.csm, ok)).statusCode).toBe(403);
    expect((await s.viewer.request({ method: 'GET', url: '/api/v1/regulatory-events' })).statusCode).toBe(200);
  });
});
