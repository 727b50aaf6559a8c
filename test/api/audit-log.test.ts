import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let acme: string;
let admin: Client;
let csm: Client;
let csmId: string;
let adminId: string;
let accountId: string;

type Entry = {
  action: string;
  entityType: string;
  entityId: string | null;
  entityName: string | null;
  at: string;
  actor: { id: string | null; label: string; name: string | null };
};
const log = async (q = '', c: Client = admin) => {
  const res = await c.request({ method: 'GET', url: `/api/v1/audit-log?limit=200${q}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Entry[];
};

beforeAll(async () => {
  t = await createTestApp();
  acme = await t.workspace('acme');
  const a = await t.user(acme, 'admin');
  const c = await t.user(acme, 'csm');
  adminId = a.userId;
  csmId = c.userId;
  admin = await t.login(a.email);
  csm = await t.login(c.email);
  await admin.request({ method: 'PATCH', url: '/api/v1/me', payload: { name: 'Ada Admin' } });
  await csm.request({ method: 'PATCH', url: '/api/v1/me', payload: { name: 'Cass Success' } });
  accountId = (
    await admin.request({ method: 'POST', url: '/api/v1/accounts', payload: { name: 'Northwind', segment: 'smb' } })
  ).json().id;
  const renamed = await csm.request({
    method: 'PATCH',
    url: `/api/v1/accounts/${accountId}`,
    payload: { name: 'Northwind Traders' },
  });
  expect(renamed.statusCode, renamed.body).toBe(200);
});
afterAll(async () => t?.close());

describe('the audit log', () => {
  it('names the record changed as it is named today, and the person by name', async () => {
    const entries = (await log()).filter((e) => e.entityId === accountId);
    expect(entries.map((e) => e.action)).toEqual(['account.update', 'account.create']);
    for (const e of entries) expect(e.entityName).toBe('Northwind Traders');
    expect(entries[0]!.actor).toMatchObject({ id: csmId, name: 'Cass Success' });
    expect(entries[1]!.actor).toMatchObject({ id: adminId, name: 'Ada Admin' });
  });

  it('filters by action, person, record type and day, and says what it can be filtered by', async () => {
    expect((await log('&action=account.update')).map((e) => e.entityId)).toEqual([accountId]);
    const byCsm = await log(`&actorId=${csmId}`);
    expect(byCsm.length).toBeGreaterThan(0);
    expect(byCsm.every((e) => e.actor.id === csmId)).toBe(true);
    const accounts = await log('&entityType=account');
    expect(accounts.length).toBe(2);
    const today = accounts[0]!.at.slice(0, 10);
    expect((await log(`&entityType=account&from=${today}&to=${today}`)).length).toBe(2);
    expect(await log(`&entityType=account&to=2000-01-01`)).toEqual([]);
    expect(await log(`&entityType=account&from=2999-01-01`)).toEqual([]);
    const facets = (await admin.request({ method: 'GET', url: '/api/v1/audit-log/facets' })).json();
    expect(facets.actions).toEqual(expect.arrayContaining(['account.create', 'account.update']));
    expect(facets.entityTypes).toContain('account');
    expect(facets.actors).toEqual(expect.arrayContaining([{ id: csmId, type: 'user', name: 'Cass Success' }]));
  });

  it('refuses a day that is not a date, or a last day before the first, naming the field', async () => {
    const cases: Array<[string, string]> = [
      ['from=yesterday', 'querystring.from'],
      ['to=2026-02-30', 'querystring.to'],
      ['from=2026-03-02&to=2026-03-01', 'querystring.to'],
    ];
    for (const [q, field] of cases) {
      const res = await admin.request({ method: 'GET', url: `/api/v1/audit-log?${q}` });
      expect(res.statusCode, q).toBe(400);
      expect([...new Set(res.json().errors.map((e: { field: string }) => e.field))]).toEqual([field]);
    }
  });
});
