import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextSeq } from '../helpers/fixtures/sequence.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;

const D = '2026-11-20';
const day = (offset: number) =>
  new Date(Date.parse(`${D}T00:00:00.000Z`) + offset * 86_400_000).toISOString().slice(0, 10);
let seq = 0;
const track = (userId: string, event: string, offset: number, groupId: string) => ({
  type: 'track',
  messageId: `r-${++seq}`,
  userId,
  event,
  timestamp: `${day(offset)}T10:00:00.000Z`,
  context: { groupId },
});

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/**
 * A workspace of the test's own: six accounts (A1 and A2 on the enterprise plan), the catalogue's reports (every
 * plan) and sso (enterprise), and the usage the tests judge: since day −80, A1 used reports and SSO, A2..A5 only
 * logged in; A6 used reports before it only.
 */
async function workspace() {
  const acme = await t.workspace(`releases-${nextSeq()}`);
  const admin = await t.login((await t.user(acme, 'admin')).email);
  const viewer = await t.login((await t.user(acme, 'viewer')).email);
  const accounts: string[] = [];
  for (const name of ['A1', 'A2', 'A3', 'A4', 'A5', 'A6'])
    accounts.push(
      (await admin.request({ method: 'POST', url: '/api/v1/accounts', payload: { name, segment: 'smb' } })).json().id,
    );
  const key = await t.apiKey(acme, 'ingest');
  await admin.request({
    method: 'POST',
    url: '/api/v1/usage/features',
    payload: { key: 'reports', name: 'Reports', events: ['Report Published'] },
  });
  await admin.request({
    method: 'POST',
    url: '/api/v1/usage/features',
    payload: { key: 'sso', name: 'SSO', plans: ['enterprise'], events: ['SSO Login'] },
  });
  for (const a of accounts.slice(0, 2))
    await admin.request({ method: 'PUT', url: `/api/v1/usage/accounts/${a}/plan`, payload: { plan: 'enterprise' } });
  const send = async (batch: unknown[]) => {
    const res = await t.inject({
      method: 'POST',
      url: '/v1/batch',
      headers: { authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` },
      payload: { batch },
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  const [a1, a2, a3, a4, a5, a6] = accounts as [string, string, string, string, string, string];
  await send([
    // Since the release on day −80: a1 used reports and SSO, a2..a5 only logged in; a6 used reports before it only.
    track('u1', 'Report Published', -10, a1),
    track('u1', 'SSO Login', -10, a1),
    track('u2', 'Login', -5, a2),
    track('u3', 'Login', -5, a3),
    track('u4', 'Login', -5, a4),
    track('u5', 'Login', -5, a5),
    track('u6', 'Report Published', -90, a6),
  ]);
  const report = async (asOf = D) => {
    const res = await viewer.request({ method: 'GET', url: `/api/v1/usage/releases/underuse?asOf=${asOf}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as Array<Record<string, unknown>>;
  };
  const underused = async () =>
    (await viewer.request({ method: 'GET', url: '/api/v1/signals?stage=release_underuse&status=all' })).json()
      .items as Array<{
      subjectId: string;
      accountId: string | null;
      resolvedAt: string | null;
      evidence: Record<string, unknown>;
    }>;
  /** The release the reports judge: reports and sso, released on day −80. */
  const release = async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/usage/releases',
      payload: {
        name: 'Autumn',
        version: '4.2',
        releasedOn: day(-80),
        notes: 'Reports and SSO',
        features: ['reports', 'sso'],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  return { admin, viewer, accounts, send, report, underused, release };
}

describe('releases', () => {
  it('records releases with catalogue features, refusing unknown ones naming the field', async () => {
    const { admin, viewer } = await workspace();
    const bad = await admin.request({
      method: 'POST',
      url: '/api/v1/usage/releases',
      payload: { name: 'Autumn', releasedOn: day(-80), features: ['reports', 'nope'] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ field: 'body.features.1', message: 'no feature nope in the catalogue' }]);
    const badDay = await admin.request({
      method: 'POST',
      url: '/api/v1/usage/releases',
      payload: { name: 'Autumn', releasedOn: '2026-02-30', features: [] },
    });
    expect(badDay.json().errors[0].field).toBe('body.releasedOn');
    expect(
      (
        await viewer.request({
          method: 'POST',
          url: '/api/v1/usage/releases',
          payload: { name: 'x', releasedOn: D, features: [] },
        })
      ).statusCode,
    ).toBe(403);
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/usage/releases',
      payload: {
        name: 'Autumn',
        version: '4.2',
        releasedOn: day(-80),
        notes: 'Reports and SSO',
        features: ['reports', 'sso'],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      name: 'Autumn',
      version: '4.2',
      releasedOn: day(-80),
      plans: null,
      features: ['reports', 'sso'],
    });
    expect((await viewer.request({ method: 'GET', url: '/api/v1/usage/releases' })).json().items).toHaveLength(1);
  });

  it('reports entitled and using accounts per feature, computed by hand', async () => {
    const { report, release } = await workspace();
    await release();
    const rows = await report();
    // reports: every plan; a1..a5 used the product since day −80 (a6 did not); a1 used reports → 1 / 5.
    // sso: enterprise only (a1, a2), both active; a1 used it → 1 / 2.
    expect(
      rows.map((r) => [r.feature, r.entitledAccounts, r.usingAccounts, r.share, r.flagged, r.daysSinceRelease]),
    ).toEqual([
      ['reports', 5, 1, 0.2, false, 80],
      ['sso', 2, 1, 0.5, false, 80],
    ]);
  });

  it('raises a signal on an underused feature (no account) and resolves it when the share recovers', async () => {
    const { admin, accounts, send, report, underused, release } = await workspace();
    await release();
    // a7 joins and uses the product, not reports: 1 / 6 ≈ 17 % < 20 %.
    accounts.push(
      (await admin.request({ method: 'POST', url: '/api/v1/accounts', payload: { name: 'A7', segment: 'smb' } })).json()
        .id,
    );
    await send([track('u7', 'Login', -3, accounts[6] as string)]);
    const [reports] = await report();
    expect(reports).toMatchObject({ feature: 'reports', entitledAccounts: 6, usingAccounts: 1, flagged: true });
    expect(
      (await admin.request({ method: 'POST', url: '/api/v1/usage/signals/evaluate', payload: { asOf: D } })).json()
        .raised,
    ).toMatchObject({ 'release.underused_feature': 1 });
    const [signal] = await underused();
    expect(signal).toMatchObject({ subjectId: 'reports', accountId: null, resolvedAt: null });
    expect(signal?.evidence).toMatchObject({
      entitledAccounts: 6,
      usingAccounts: 1,
      threshold: 0.2,
      releasedOn: day(-80),
    });
    expect(signal?.evidence.nonUsers).toHaveLength(5);

    await send([track('u2', 'Report Published', -1, accounts[1] as string)]);
    expect(
      (await admin.request({ method: 'POST', url: '/api/v1/usage/signals/evaluate', payload: { asOf: D } })).json()
        .resolved,
    ).toMatchObject({ 'release.underused_feature': 1 });
    expect((await underused())[0]?.resolvedAt).not.toBeNull();
  });

  it('does not judge a feature released 60 days ago or less; changes and deletes releases', async () => {
    const { admin, accounts, send, report, release } = await workspace();
    const id = await release();
    await send([track('u2', 'Report Published', -1, accounts[1] as string)]);
    const patched = await admin.request({
      method: 'PATCH',
      url: `/api/v1/usage/releases/${id}`,
      payload: { releasedOn: day(-60), plans: ['enterprise'] },
    });
    expect(patched.json()).toMatchObject({ releasedOn: day(-60), plans: ['enterprise'] });
    const rows = await report();
    // Lowest share first: sso 1 / 2, then reports 2 / 2 (a1 and a2 are the enterprise accounts).
    expect(rows.map((r) => [r.feature, r.eligible, r.entitledAccounts, r.usingAccounts, r.flagged])).toEqual([
      ['sso', false, 2, 1, false],
      ['reports', false, 2, 2, false],
    ]);
    expect((await admin.request({ method: 'DELETE', url: `/api/v1/usage/releases/${id}` })).statusCode).toBe(204);
    expect(await report()).toEqual([]);
  });
});
