import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../helpers/fixtures/index.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

const NOW = new Date('2026-11-20T12:00:00.000Z'); // a Friday
let t: TestApp;
let n = 0;

beforeAll(async () => {
  t = await createTestApp({}, { now: () => NOW });
});
afterAll(async () => t?.close());

async function setUp() {
  const ws = await t.workspace(`support-load-${++n}`);
  const agent = await t.login((await t.user(ws, 'support')).email);
  const viewer = await t.login((await t.user(ws, 'viewer')).email);
  const admin = await t.login((await t.user(ws, 'admin')).email);
  const northwind = await buildAccount(t.ctx.db, ws, { name: 'Northwind Traders', domain: 'northwind.example' });
  const contoso = await buildAccount(t.ctx.db, ws, { name: 'Contoso', domain: 'contoso.example' });
  return { ws, agent, viewer, admin, northwind, contoso };
}

const upload = async (client: Client, csv: string, query = '') => {
  const res = await client.request({
    method: 'POST',
    url: `/api/v1/imports/tickets${query}`,
    headers: { 'content-type': 'text/csv' },
    payload: csv,
  });
  expect(res.json(), res.body).toMatchObject({ rejected: 0 });
};
const get = (c: Client, url: string) => c.request({ method: 'GET', url });

/** Northwind live since 2026-10-01 with 20 seats and three tickets; Contoso with one ticket and no go-live. */
async function seedLoads(s: Awaited<ReturnType<typeof setUp>>) {
  const project = await s.admin.request({
    method: 'POST',
    url: '/api/v1/projects',
    payload: { accountId: s.northwind.id, name: 'Northwind rollout' },
  });
  expect(project.statusCode, project.body).toBe(201);
  await t.ctx.db
    .updateTable('projects')
    .set({ status: 'live', go_live_on: '2026-10-01' })
    .where('id', '=', project.json().id)
    .execute();
  await s.admin.request({
    method: 'PUT',
    url: `/api/v1/usage/accounts/${s.northwind.id}/seats`,
    payload: { seats: 20 },
  });
  await upload(
    s.agent,
    [
      'external_id,subject,category,priority,tags,satisfaction,organization,created_at,first_response_at,solved_at',
      // high: 4 h target, answered in 6 h → a breach; rated good
      'A,How do I add users,how_to,high,,good,Northwind Traders,' +
        '2026-10-02T09:00:00Z,2026-10-02T15:00:00Z,2026-10-03T09:00:00Z',
      // normal: 8 h target, answered in 2 h; escalated; rated 2 of 5
      'B,Sync broken,bug,normal,escalated sync,2,Northwind Traders,' +
        '2026-10-05T09:00:00Z,2026-10-05T11:00:00Z,2026-10-06T09:00:00Z',
      // never answered, long past any target → a breach
      'C,Where is the export,how_to,low,,,Northwind Traders,2026-11-01T09:00:00Z,,',
      // Contoso has no go-live: every ticket counts
      'D,Invoice wrong,billing,urgent,,offered,Contoso,2026-11-10T09:00:00Z,2026-11-10T09:30:00Z,',
    ].join('\n'),
  );
  // Ticket A was reopened once, as its event log tells.
  await upload(
    s.agent,
    [
      'ticket,changed_at,status,subject',
      'A,2026-10-02T09:00:00Z,new,How do I add users',
      'A,2026-10-03T09:00:00Z,solved,',
      'A,2026-10-04T09:00:00Z,open,',
      'A,2026-10-05T09:00:00Z,solved,',
    ].join('\n'),
    '?eventLog=true&key=ticket&at=changed_at',
  );
}

describe('support load of every account', () => {
  it('lists each account’s load with breaches, escalations, reopens and CSAT, highest first month first', async () => {
    const s = await setUp();
    await seedLoads(s);

    const res = await get(s.viewer, '/api/v1/support/loads');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.slaTargets).toEqual({
      firstResponseHours: { urgent: 1, high: 4, normal: 8, low: 24 },
      resolutionHours: { urgent: 8, high: 24, normal: 72, low: 120 },
    });
    expect(body.items.map((i: { accountName: string }) => i.accountName)).toEqual(['Northwind Traders', 'Contoso']);
    expect(body.items[0]).toMatchObject({
      accountId: s.northwind.id,
      goLive: '2026-10-01',
      seats: 20,
      windows: [
        { days: 30, tickets: 2, per100Seats: 10, complete: true },
        { days: 60, tickets: 3, per100Seats: 15, complete: false },
        { days: 90, tickets: 3, per100Seats: 15, complete: false },
      ],
      tickets: 3,
      slaBreaches: 2,
      // A and B were solved within a day (high 24 h, normal 72 h); C is open 19 days past low's 120 h.
      resolutionBreaches: 1,
      resolutionBreachesOpen: 1,
      escalations: 1,
      reopened: 1,
      csat: 0.5,
      rated: 2,
    });
    expect(body.items[1]).toMatchObject({
      accountId: s.contoso.id,
      goLive: null,
      tickets: 1,
      slaBreaches: 0,
      resolutionBreaches: 1, // D is open ten days past urgent's 8 h
      resolutionBreachesOpen: 1,
      reopened: null,
      csat: null,
      rated: 0,
    });

    // A tighter target for urgent tickets turns Contoso's half-hour answer into a breach.
    const put = await s.agent.request({
      method: 'PUT',
      url: '/api/v1/support/sla',
      payload: { firstResponseHours: { urgent: 0.25, normal: 8 } },
    });
    expect(put.statusCode, put.body).toBe(200);
    const after = (await get(s.viewer, '/api/v1/support/loads')).json();
    expect(after.items[1].slaBreaches).toBe(1);
    const bad = await s.agent.request({
      method: 'PUT',
      url: '/api/v1/support/sla',
      payload: { firstResponseHours: { urgent: -1 } },
    });
    expect(bad.statusCode).toBe(400);
    // Each refused value is named by its priority, with a message a form can show next to that field.
    expect(bad.json().errors).toEqual([
      { field: 'body.firstResponseHours.urgent', message: 'must be more than 0 hours' },
    ]);
    const worse = await s.agent.request({
      method: 'PUT',
      url: '/api/v1/support/sla',
      payload: { firstResponseHours: { urgent: null, low: 24 * 91 } },
    });
    expect(worse.statusCode).toBe(400);
    expect(worse.json().errors).toEqual(
      expect.arrayContaining([
        { field: 'body.firstResponseHours.urgent', message: 'give the hours as a number' },
        { field: 'body.firstResponseHours.low', message: 'at most 2160 hours (90 days)' },
      ]),
    );
    expect((await get(s.viewer, '/api/v1/support/sla')).json()).toEqual({
      firstResponseHours: { urgent: 0.25, normal: 8 },
      resolutionHours: { urgent: 8, high: 24, normal: 72, low: 120 }, // left out of the body: kept
    });
    expect((await s.viewer.request({ method: 'PUT', url: '/api/v1/support/sla', payload: {} })).statusCode).toBe(403);
  });

  it('counts resolution breaches against resolution targets set beside the first-response ones', async () => {
    const s = await setUp();
    await seedLoads(s);
    const put = await s.agent.request({
      method: 'PUT',
      url: '/api/v1/support/sla',
      payload: { firstResponseHours: { normal: 8 }, resolutionHours: { High: 12, normal: 720 } },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toEqual({ firstResponseHours: { normal: 8 }, resolutionHours: { high: 12, normal: 720 } });
    const loads = (await get(s.viewer, '/api/v1/support/loads')).json();
    expect(loads.slaTargets).toEqual(put.json());
    const [northwind, contoso] = loads.items;
    // A (high) took 24 h against 12 h; B took 24 h and C is open 19 days, both within normal's 720 h (30 days).
    expect(northwind).toMatchObject({ slaBreaches: 1, resolutionBreaches: 1, resolutionBreachesOpen: 0 });
    // D (urgent, no target of its own now) is open ten days, within normal's 30 days.
    expect(contoso).toMatchObject({ slaBreaches: 0, resolutionBreaches: 0, resolutionBreachesOpen: 0 });
    const one = (await get(s.viewer, `/api/v1/support/accounts/${s.northwind.id}/load`)).json();
    expect(one).toMatchObject({ resolutionBreaches: 1, resolutionBreachesOpen: 0 });

    const bad = await s.agent.request({
      method: 'PUT',
      url: '/api/v1/support/sla',
      payload: { firstResponseHours: { normal: 1 }, resolutionHours: { urgent: 0, normal: 'soon' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual(
      expect.arrayContaining([
        { field: 'body.resolutionHours.urgent', message: 'must be more than 0 hours' },
        { field: 'body.resolutionHours.normal', message: 'give the hours as a number' },
      ]),
    );
    expect(bad.json().errors).toHaveLength(2);
    // Nothing was saved, the first-response targets neither.
    expect((await get(s.viewer, '/api/v1/support/sla')).json()).toEqual(put.json());
  });

  it('reads targets stored before resolution targets existed with the default resolution targets', async () => {
    const s = await setUp();
    await seedLoads(s);
    await t.ctx.db
      .insertInto('workspace_settings')
      .values({
        workspace_id: s.ws,
        key: 'support.sla',
        value: JSON.stringify({ firstResponseHours: { urgent: 2, normal: 8 } }),
        updated_at: NOW.toISOString(),
      })
      .execute();
    expect((await get(s.viewer, '/api/v1/support/sla')).json()).toEqual({
      firstResponseHours: { urgent: 2, normal: 8 },
      resolutionHours: { urgent: 8, high: 24, normal: 72, low: 120 },
    });
    const loads = (await get(s.viewer, '/api/v1/support/loads')).json();
    expect(loads.items.map((l: { resolutionBreaches: number }) => l.resolutionBreaches)).toEqual([1, 1]);
  });

  it('counts tickets per week by category, the current week last', async () => {
    const s = await setUp();
    await upload(
      s.agent,
      [
        'external_id,subject,category,organization,created_at',
        'W1,How do I export,how_to,Contoso,2026-11-16T09:00:00Z', // Monday of the current week
        'W2,Crash,bug,Contoso,2026-11-20T08:00:00Z',
        'W3,Something,,Nobody,2026-11-15T23:00:00Z', // Sunday: the week before, no account, unlabelled
        'W4,Old,bug,Contoso,2026-08-01T09:00:00Z', // before the weeks shown
      ].join('\n'),
    );
    const res = await get(s.viewer, '/api/v1/support/trend?weeks=3');
    expect(res.statusCode, res.body).toBe(200);
    const weeks = res.json().weeks;
    expect(weeks.map((w: { week: string }) => w.week)).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']);
    expect(weeks[2]).toMatchObject({ total: 2, how_to: 1, bug: 1, unlabelled: 0 });
    expect(weeks[1].total).toBe(1);
    expect(weeks[1].bug + weeks[1].how_to + weeks[1].other + weeks[1].unlabelled).toBe(1);
    expect(weeks[0].total).toBe(0);
    const bad = await get(s.viewer, '/api/v1/support/trend?weeks=500');
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().errors)).toContain('querystring.weeks');
  });
});

describe('support keyword rules preview', () => {
  it('tells how many tickets each rule would label and change, writing nothing', async () => {
    const s = await setUp();
    await upload(
      s.agent,
      [
        'external_id,subject,category,organization,created_at',
        'P1,The page crashes on save,,Contoso,2026-11-01T09:00:00Z',
        'P2,App crashes at login,,Contoso,2026-11-02T09:00:00Z',
        'P3,How do I invite a colleague,,Contoso,2026-11-03T09:00:00Z',
        'P4,Crashes everywhere,bug,Contoso,2026-11-04T09:00:00Z', // the help desk's label: kept
        'P5,Lunch menu,,Contoso,2026-11-05T09:00:00Z',
      ].join('\n'),
    );
    const before = (await get(s.viewer, '/api/v1/support/rules')).json();
    const preview = (rules: object[]) =>
      s.viewer.request({ method: 'POST', url: '/api/v1/support/rules/preview', payload: { rules } });
    const res = await preview([
      { category: 'bug', any: ['crashes'] },
      { category: 'how_to', any: ['how do i'], field: 'subject' },
      { category: 'billing', any: ['invoice'] },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      rules: [
        { rule: 0, category: 'bug', labels: 2, changes: 2 },
        { rule: 1, category: 'how_to', labels: 1, changes: 0 }, // the default rules labelled it how-to already
        { rule: 2, category: 'billing', labels: 0, changes: 0 },
      ],
      considered: 4,
      unmatched: 1,
      kept: 1,
    });
    const bad = await preview([{ category: 'bug', any: ['/(/'] }]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.rules.0.any');
    expect((await get(s.viewer, '/api/v1/support/rules')).json()).toEqual(before);
  });
});
