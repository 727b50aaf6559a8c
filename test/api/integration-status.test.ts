import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let slugs = 0;

const D = '2026-11-20';
const day = (offset: number) =>
  new Date(Date.parse(`${D}T00:00:00.000Z`) + offset * 86_400_000).toISOString().slice(0, 10);
const at = (offset: number, minute = 0) => `${day(offset)}T08:${String(minute % 60).padStart(2, '0')}:00.000Z`;
const report = (
  account: string,
  integration: string,
  status: 'ok' | 'error',
  offset: number,
  minute = 0,
  detail?: string,
) => ({ account, integration, status, occurredAt: at(offset, minute), ...(detail ? { detail } : {}) });

/** A workspace of its own: an admin, a viewer, an ingest key and two accounts, Northwind and Contoso. */
async function setUp() {
  const acme = await t.workspace(`acme-${++slugs}`);
  const admin = await t.login((await t.user(acme, 'admin')).email);
  const viewer = await t.login((await t.user(acme, 'viewer')).email);
  const create = async (name: string, domain: string) =>
    (await admin.request({ method: 'POST', url: '/api/v1/accounts', payload: { name, domain, segment: 'smb' } })).json()
      .id as string;
  const northwind = await create('Northwind', 'northwind.example');
  const contoso = await create('Contoso', 'contoso.example');
  const key = await t.apiKey(acme, 'ingest');
  const post = (payload: object, auth = key) =>
    t.inject({
      method: 'POST',
      url: '/api/v1/integration-status',
      headers: { authorization: `Bearer ${auth}` },
      payload,
    });
  const stored = async () =>
    Number(
      (
        await t.ctx.db
          .selectFrom('integration_status_daily')
          .select((eb) => eb.fn.sum<number>('ok_count').as('n'))
          .where('workspace_id', '=', acme)
          .executeTakeFirstOrThrow()
      ).n ?? 0,
    );
  const health = async (q = `?asOf=${D}`) => {
    const res = await viewer.request({ method: 'GET', url: `/api/v1/usage/integrations${q}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as Array<Record<string, unknown>>;
  };
  const evaluate = async (asOf = D) =>
    (await admin.request({ method: 'POST', url: '/api/v1/usage/signals/evaluate', payload: { asOf } })).json();
  const open = async (accountId: string) =>
    (
      (await viewer.request({ method: 'GET', url: `/api/v1/signals?accountId=${accountId}` })).json().items as Array<{
        kind: string;
        subjectId: string;
        evidence: Record<string, unknown>;
      }>
    ).filter((s) => s.kind.startsWith('integration.'));
  return { acme, admin, viewer, northwind, contoso, post, stored, health, evaluate, open };
}
type World = Awaited<ReturnType<typeof setUp>>;

/** Northwind's CRM sync: a success on day −1 (reported by domain), an error later that day and one on day −2. */
async function crmSyncReports({ post, northwind }: World): Promise<void> {
  expect((await post(report('Northwind.example', 'crm-sync', 'ok', -1))).json().stored).toBe(1);
  const res = await post({
    items: [
      report(northwind, 'crm-sync', 'error', -1, 30, 'token expired'),
      report(northwind, 'crm-sync', 'error', -2, 0, 'older'),
    ],
  });
  expect(res.json().stored).toBe(2);
}

/** Contoso's billing, as the CSV import below brings it: two successes on day −20, one on day −10. */
async function billingHistory({ post, contoso }: World): Promise<void> {
  const ok = (occurredAt: string) => ({ account: contoso, integration: 'billing', status: 'ok', occurredAt });
  const res = await post({
    items: [ok(`${day(-20)}T10:00:00Z`), ok(`${day(-20)}T11:00:00Z`), ok(`${day(-10)}T00:00:00Z`)],
  });
  expect(res.json().stored).toBe(3);
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('integration status reports', () => {
  it('refuses a batch with a bad status or a bad time, naming the field, and stores nothing', async () => {
    const { acme, admin, northwind, post, stored } = await setUp();
    const cases: Array<[object, string]> = [
      [
        {
          items: [
            report('nowhere.example', 'crm-sync', 'ok', -1),
            { ...report(northwind, 'crm-sync', 'ok', -1), status: 'fine' },
          ],
        },
        'body.items.1.status',
      ],
      [{ items: [{ ...report(northwind, 'crm-sync', 'ok', -1), occurredAt: 'yesterday' }] }, 'body.items.0.occurredAt'],
      [
        { items: [{ ...report(northwind, 'crm-sync', 'ok', -1), occurredAt: '2999-01-01T00:00:00Z' }] },
        'body.items.0.occurredAt',
      ],
      [{ ...report(northwind, 'crm-sync', 'ok', -1), reportId: 'x'.repeat(201) }, 'body.items.0.reportId'],
      [{ ...report(northwind, 'crm-sync', 'ok', -1), status: 'fine' }, 'body.items.0.status'],
    ];
    for (const [payload, field] of cases) {
      const res = await post(payload);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await stored()).toBe(0);
    expect(
      await t.ctx.db
        .selectFrom('integration_status_reports')
        .select('report_key')
        .where('workspace_id', '=', acme)
        .execute(),
    ).toEqual([]);
    // Users report nothing: an integration reports with an ingest key.
    expect(
      (
        await admin.request({
          method: 'POST',
          url: '/api/v1/integration-status',
          payload: report(northwind, 'crm-sync', 'ok', -1),
        })
      ).statusCode,
    ).toBe(403);
  });

  it('stores reports by Baton id or domain, counting each day and keeping the last success and error', async () => {
    const { northwind, post, health } = await setUp();
    const one = await post(report('Northwind.example', 'crm-sync', 'ok', -1));
    expect(one.json()).toEqual({ received: 1, stored: 1, duplicates: 0, keptAside: 0, waiting: [] });
    const res = await post({
      items: [
        report(northwind, 'crm-sync', 'error', -1, 30, 'token expired'),
        report(northwind, 'crm-sync', 'error', -2, 0, 'older'),
      ],
    });
    expect(res.json()).toEqual({ received: 2, stored: 2, duplicates: 0, keptAside: 0, waiting: [] });
    const [row] = await health();
    expect(row).toMatchObject({
      accountId: northwind,
      accountName: 'Northwind',
      integration: 'crm-sync',
      lastStatus: 'error',
      lastSuccessAt: at(-1),
      lastErrorAt: at(-1, 30),
      lastErrorDetail: 'token expired',
      reports7d: 3,
      errors7d: 2,
      errorRate7d: 2 / 3,
      baselineErrorRate: null,
    });
  });

  it('counts a report sent again once, by its id or by its source, account, integration and time', async () => {
    const w = await setUp();
    const { northwind, post, health } = w;
    await crmSyncReports(w);
    const batch = {
      items: [
        report(northwind, 'crm-sync', 'error', -1, 30, 'token expired'),
        report(northwind, 'crm-sync', 'error', -2, 0, 'older'),
      ],
    };
    expect((await post(batch)).json()).toMatchObject({ received: 2, stored: 0, duplicates: 2 });
    const [row] = await health();
    expect(row, 'the same 3 reports, not 5').toMatchObject({ reports7d: 3, errors7d: 2 });

    const withId = (id: string, minute: number) => ({
      ...report(northwind, 'warehouse', 'ok', -1, minute),
      source: 'workato',
      reportId: id,
    });
    expect((await post({ items: [withId('run-1', 0), withId('run-1', 5), withId('run-2', 5)] })).json()).toMatchObject({
      stored: 2,
      duplicates: 1,
    });
    expect((await post(withId('run-1', 10))).json(), 'an id names one report, whatever its time').toMatchObject({
      stored: 0,
      duplicates: 1,
    });
    expect((await post({ ...withId('run-1', 0), source: 'tray' })).json(), 'another source’s run-1').toMatchObject({
      stored: 1,
      duplicates: 0,
    });
    const warehouse = (await health()).find((r) => r.integration === 'warehouse');
    expect(warehouse).toMatchObject({ reports7d: 3 });
  });

  it('keeps reports of an account Baton does not know yet aside, says so, and counts them when the account appears', async () => {
    const { acme, admin, northwind, post, health } = await setUp();
    const res = await post({
      items: [
        report('globex.example', 'erp-sync', 'error', -1, 0, 'auth'),
        report('globex.example', 'erp-sync', 'ok', -1, 5),
        report(northwind, 'erp-sync', 'ok', -1),
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      received: 3,
      stored: 1,
      duplicates: 0,
      keptAside: 2,
      waiting: [
        { index: 0, account: 'globex.example' },
        { index: 1, account: 'globex.example' },
      ],
    });
    expect(
      (await post(report('globex.example', 'erp-sync', 'ok', -1, 5))).json(),
      'a report kept aside is recognised when sent again',
    ).toMatchObject({ keptAside: 0, duplicates: 1 });
    expect((await health()).filter((r) => r.integration === 'erp-sync').map((r) => r.accountName)).toEqual([
      'Northwind',
    ]);

    const globex = (
      await admin.request({
        method: 'POST',
        url: '/api/v1/accounts',
        payload: { name: 'Globex', domain: 'globex.example', segment: 'smb' },
      })
    ).json().id as string;
    expect(await t.runJobs()).toEqual([]);
    const counted = (await health()).find((r) => r.accountId === globex);
    expect(counted).toMatchObject({
      integration: 'erp-sync',
      reports7d: 2,
      errors7d: 1,
      lastStatus: 'ok',
      lastErrorDetail: 'auth',
    });
    expect(
      await t.ctx.db
        .selectFrom('integration_status_reports')
        .select('report_key')
        .where('workspace_id', '=', acme)
        .where('account_id', 'is', null)
        .execute(),
    ).toEqual([]);
    // Matched once: the job running again counts nothing more.
    await admin.request({ method: 'PATCH', url: `/api/v1/accounts/${globex}`, payload: { domain: 'globex.example' } });
    expect(await t.runJobs()).toEqual([]);
    expect((await health()).find((r) => r.accountId === globex)).toMatchObject({ reports7d: 2 });
  });

  it('imports a CSV with a row-level report: rejected rows store nothing', async () => {
    const { admin, contoso } = await setUp();
    const csv = [
      'Account,Integration,Status,Detail,Occurred At',
      `contoso.example,billing,ok,,${day(-20)}T10:00:00Z`,
      `nowhere.example,billing,ok,,${day(-20)}T10:00:00Z`,
      `contoso.example,billing,ok,,${day(-20)}T11:00:00Z`,
      `contoso.example,billing,fine,,${day(-20)}T10:00:00Z`,
      `contoso.example,billing,error,,last tuesday`,
      `${contoso},billing,ok,,${day(-10)}`,
    ].join('\n');
    const importCsv = (query: string) =>
      admin.request({
        method: 'POST',
        url: `/api/v1/imports/integration-status?${query}`,
        headers: { 'content-type': 'text/csv' },
        payload: csv,
      });
    const checked = await importCsv('dryRun=true&fileName=syncs.csv');
    expect(checked.statusCode, checked.body).toBe(200);
    expect(checked.json()).toMatchObject({ dryRun: true, read: 6, created: 4, rejected: 2 });
    expect(
      await t.ctx.db.selectFrom('integration_status_daily').select('day').where('account_id', '=', contoso).execute(),
    ).toEqual([]);
    const res = await importCsv('fileName=syncs.csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      dryRun: false,
      kind: 'integration_status',
      read: 6,
      created: 4,
      unchanged: 0,
      rejected: 2,
    });
    expect(res.json().notes.join(' ')).toMatch(/1 account Baton does not know yet \(nowhere\.example\) are kept aside/);
    // Kept in the import history as every import is, with its report and row errors.
    const run = (await admin.request({ method: 'GET', url: `/api/v1/imports/${res.json().runId}` })).json();
    expect(run).toMatchObject({
      kind: 'integration_status',
      fileName: 'syncs.csv',
      status: 'succeeded',
      dryRun: false,
      read: 6,
      created: 4,
      rejected: 2,
    });
    expect(run.errors).toHaveLength(2);
    expect(res.json().errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [4, 'status'],
      [5, 'occurred_at'],
    ]);
    const daily = async () =>
      (
        await t.ctx.db
          .selectFrom('integration_status_daily')
          .select(['day', 'ok_count', 'error_count'])
          .where('account_id', '=', contoso)
          .orderBy('day')
          .execute()
      ).map((r) => [r.day, Number(r.ok_count), Number(r.error_count)]);
    expect(await daily()).toEqual([
      [day(-20), 2, 0],
      [day(-10), 1, 0],
    ]);
    // The same file again changes nothing.
    const again = await importCsv('fileName=syncs.csv');
    expect(again.json()).toMatchObject({ read: 6, created: 0, unchanged: 4, rejected: 2 });
    expect(await daily()).toEqual([
      [day(-20), 2, 0],
      [day(-10), 1, 0],
    ]);
    const missing = await admin.request({
      method: 'POST',
      url: '/api/v1/imports/integration-status',
      headers: { 'content-type': 'text/csv' },
      payload: 'account,status\nx,ok\n',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('file');
  });
});

describe('integration decay', () => {
  it('flags an error spike against the 28-day baseline and a week without a successful sync, and resolves them', async () => {
    const w = await setUp();
    const { viewer, northwind, contoso, post, health, evaluate, open } = w;
    await crmSyncReports(w);
    await billingHistory(w);
    // Baseline (days −34…−7): 20 ok and 1 error; last 7 days (with Northwind's CRM sync on day −1, −2: 1 ok,
    // 2 errors) 6 ok and 3 more errors.
    const baseline = [
      ...Array.from({ length: 20 }, (_, i) => report(northwind, 'crm-sync', 'ok', -8 - i)),
      report(northwind, 'crm-sync', 'error', -9, 5),
    ];
    const recent = [
      ...Array.from({ length: 6 }, (_, i) => report(northwind, 'crm-sync', 'ok', -3, i)),
      ...Array.from({ length: 3 }, (_, i) => report(northwind, 'crm-sync', 'error', -4, i, 'timeout')),
    ];
    expect((await post({ items: [...baseline, ...recent] })).statusCode).toBe(200);
    // Contoso's billing: known since day −20, last success day −10 (as imported above), only errors since.
    await post({ items: [report(contoso, 'billing', 'error', -3, 0, 'card declined')] });

    const rows = await health();
    const crm = rows.find((r) => r.integration === 'crm-sync');
    expect(crm).toMatchObject({
      reports7d: 12,
      errors7d: 5,
      errorRate7d: 5 / 12,
      baselineReports: 21,
      baselineErrorRate: 1 / 21,
      errorSpike: true,
      noRecentSync: false,
    });
    const billing = rows.find((r) => r.integration === 'billing');
    expect(billing).toMatchObject({
      lastSuccessDay: day(-10),
      daysSinceSuccess: 10,
      errorSpike: false,
      noRecentSync: true,
    });
    const mine = await viewer.request({
      method: 'GET',
      url: `/api/v1/usage/accounts/${contoso}/integrations?asOf=${D}`,
    });
    expect(mine.json().items.map((r: { integration: string }) => r.integration)).toEqual(['billing']);

    expect((await evaluate()).raised).toMatchObject({ 'integration.error_spike': 1, 'integration.no_recent_sync': 1 });
    const nw = await open(northwind);
    expect(nw.map((s) => [s.kind, s.subjectId])).toEqual([['integration.error_spike', `${northwind}/crm-sync`]]);
    expect(nw[0]?.evidence).toMatchObject({ reports7d: 12, errors7d: 5, baselineReports: 21, spikeFactor: 3 });
    expect((await open(contoso)).map((s) => s.kind)).toEqual(['integration.no_recent_sync']);

    // 40 more successes bring the week to 5 / 52 ≈ 9.6 %, under 3 × 4.8 %; Contoso's billing syncs again.
    await post({
      items: [
        ...Array.from({ length: 40 }, (_, i) => report(northwind, 'crm-sync', 'ok', 0, i)),
        report(contoso, 'billing', 'ok', 0),
      ],
    });
    expect((await evaluate()).resolved).toMatchObject({
      'integration.error_spike': 1,
      'integration.no_recent_sync': 1,
    });
    expect(await open(northwind)).toEqual([]);
    expect(await open(contoso)).toEqual([]);
  });

  it('hides other workspaces and refuses a bad day', async () => {
    const { viewer, northwind } = await setUp();
    const beta = await t.workspace('beta');
    const betaAdmin = await t.login((await t.user(beta, 'admin')).email);
    expect((await betaAdmin.request({ method: 'GET', url: '/api/v1/usage/integrations' })).json().items).toEqual([]);
    expect(
      (await betaAdmin.request({ method: 'GET', url: `/api/v1/usage/accounts/${northwind}/integrations` })).statusCode,
    ).toBe(404);
    const bad = await viewer.request({ method: 'GET', url: '/api/v1/usage/integrations?asOf=2026-13-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('querystring.asOf');
  });
});
