import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextSeq } from '../helpers/fixtures/sequence.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;

const D = '2026-11-20';
let seq = 0;
const track = (userId: string, event: string, groupId: string) => ({
  type: 'track',
  messageId: `c-${++seq}`,
  userId,
  event,
  timestamp: `${D}T10:00:00.000Z`,
  context: { groupId },
});

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/**
 * A workspace of the test's own: an admin, a viewer, and the account Northwind, whose two users used four events
 * on day D. Every test starts from an empty catalogue.
 */
async function workspace() {
  const acme = await t.workspace(`catalogue-${nextSeq()}`);
  const admin = await t.login((await t.user(acme, 'admin')).email);
  const viewer = await t.login((await t.user(acme, 'viewer')).email);
  const northwind: string = (
    await admin.request({ method: 'POST', url: '/api/v1/accounts', payload: { name: 'Northwind', segment: 'smb' } })
  ).json().id;
  const key = await t.apiKey(acme, 'ingest');
  const res = await t.inject({
    method: 'POST',
    url: '/v1/batch',
    headers: { authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` },
    payload: {
      batch: [
        track('u1', 'Report Published', northwind),
        track('u1', 'Report Exported', northwind),
        track('u2', 'SSO Login', northwind),
        track('u2', 'Search', northwind),
      ],
    },
  });
  expect(res.statusCode).toBe(200);
  const feature = (payload: object, c: Client = admin) =>
    c.request({ method: 'POST', url: '/api/v1/usage/features', payload });
  const adoption = async () =>
    (await viewer.request({ method: 'GET', url: `/api/v1/usage/accounts/${northwind}/adoption?day=${D}` })).json();
  const setPlan = (plan: string) =>
    admin.request({ method: 'PUT', url: `/api/v1/usage/accounts/${northwind}/plan`, payload: { plan } });
  /** The catalogue the later tests read: reports (every plan, two events), sso (enterprise), api (pro, enterprise). */
  const catalogue = async () => {
    for (const f of [
      { key: 'reports', name: 'Reports', events: ['Report Published', 'Report Exported'] },
      { key: 'sso', name: 'Single sign-on', plans: ['enterprise'], events: ['SSO Login'] },
      { key: 'api', name: 'API', plans: ['pro', 'enterprise'] },
    ])
      expect((await feature(f)).statusCode).toBe(201);
  };
  return { acme, admin, viewer, northwind, feature, adoption, setPlan, catalogue };
}

describe('feature catalogue', () => {
  it('counts every event as its own feature while the catalogue is empty', async () => {
    const { adoption } = await workspace();
    expect(await adoption()).toMatchObject({ featureBreadth: 4, featuresEntitled: null, featureBreadthRate: null });
  });

  it('adds features, maps several events to one, and refuses bad input naming the field', async () => {
    const { acme, viewer, feature } = await workspace();
    const reports = await feature({
      key: 'reports',
      name: 'Reports',
      events: ['Report Published', 'Report Exported', ' Report Published'],
    });
    expect(reports.statusCode, reports.body).toBe(201);
    expect(reports.json()).toEqual({
      key: 'reports',
      name: 'Reports',
      plans: [],
      events: ['Report Published', 'Report Exported'],
    });
    expect(
      (await feature({ key: 'sso', name: 'Single sign-on', plans: ['enterprise'], events: ['SSO Login'] })).statusCode,
    ).toBe(201);
    expect((await feature({ key: 'api', name: 'API', plans: ['pro', 'enterprise'] })).statusCode).toBe(201);

    const taken = await feature({ key: 'exports', name: 'Exports', events: ['New', 'Report Exported'] });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().errors).toEqual([
      { field: 'body.events.1', message: 'Report Exported is already usage of feature reports' },
    ]);
    expect((await feature({ key: 'reports', name: 'Again' })).statusCode).toBe(409);
    const noName = await feature({ key: 'x' });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().errors[0].field).toBe('body.name');
    expect((await feature({ key: 'y', name: 'Y' }, viewer)).statusCode).toBe(403);
    const list = (await viewer.request({ method: 'GET', url: '/api/v1/usage/features' })).json().items;
    expect(list.map((f: { key: string }) => f.key)).toEqual(['api', 'reports', 'sso']);
    const audits = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('workspace_id', '=', acme)
      .where('action', '=', 'usage.feature_created')
      .execute();
    expect(audits).toHaveLength(3);
  });

  it('measures feature breadth against the features the account’s plan entitles', async () => {
    const { admin, viewer, northwind, adoption, setPlan, catalogue } = await workspace();
    await catalogue();
    // No plan: only features every plan has (reports); its two events count once. Search is no catalogue feature it is entitled to.
    expect(await adoption()).toMatchObject({ featureBreadth: 1, featuresEntitled: 1, featureBreadthRate: 1 });
    const set = await setPlan('enterprise');
    expect(set.json()).toEqual({ accountId: northwind, plan: 'enterprise' });
    // Enterprise: reports, sso, api entitled; reports and sso used.
    expect(await adoption()).toMatchObject({ featureBreadth: 2, featuresEntitled: 3, featureBreadthRate: 2 / 3 });
    await setPlan('pro');
    expect(await adoption()).toMatchObject({ featureBreadth: 1, featuresEntitled: 2, featureBreadthRate: 0.5 });
    const portfolio = (await viewer.request({ method: 'GET', url: `/api/v1/usage/adoption?day=${D}` })).json();
    expect(portfolio.items[0]).toMatchObject({ featureBreadth: 1, featuresEntitled: 2, featureBreadthRate: 0.5 });
    expect((await viewer.request({ method: 'GET', url: '/api/v1/usage/plans' })).json().items).toEqual([
      { accountId: northwind, plan: 'pro' },
    ]);
    const beta = await workspace();
    expect(
      (
        await admin.request({
          method: 'PUT',
          url: `/api/v1/usage/accounts/${beta.northwind}/plan`,
          payload: { plan: 'pro' },
        })
      ).statusCode,
      "another workspace's account",
    ).toBe(404);
    const bad = await admin.request({
      method: 'PUT',
      url: `/api/v1/usage/accounts/${northwind}/plan`,
      payload: { plan: '' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.plan');
  });

  it('changes and removes features', async () => {
    const { acme, admin, adoption, setPlan, catalogue } = await workspace();
    await catalogue();
    await setPlan('pro');
    const patched = await admin.request({
      method: 'PATCH',
      url: '/api/v1/usage/features/api',
      payload: { plans: [], events: ['Search'] },
    });
    expect(patched.json()).toEqual({ key: 'api', name: 'API', plans: [], events: ['Search'] });
    // Pro: reports and api (now every plan, used through Search).
    expect(await adoption()).toMatchObject({ featureBreadth: 2, featuresEntitled: 2, featureBreadthRate: 1 });
    expect(
      (await admin.request({ method: 'PATCH', url: '/api/v1/usage/features/nope', payload: { name: 'x' } })).statusCode,
    ).toBe(404);
    expect((await admin.request({ method: 'DELETE', url: '/api/v1/usage/features/sso' })).statusCode).toBe(204);
    expect((await admin.request({ method: 'DELETE', url: '/api/v1/usage/features/sso' })).statusCode).toBe(404);
    const events = await t.ctx.db
      .selectFrom('usage_feature_events')
      .select('event')
      .where('workspace_id', '=', acme)
      .orderBy('event')
      .execute();
    expect(events.map((e) => e.event)).toEqual(['Report Exported', 'Report Published', 'Search']);
  });
});
