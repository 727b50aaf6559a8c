import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listForecastResources, listHolidays } from '../../src/modules/delivery/resources/availability.service.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let slugs = 0;

const fieldsOf = (body: { errors?: Array<{ field: string }> }) => (body.errors ?? []).map((e) => e.field);
const person = (over: Record<string, unknown> = {}) => ({
  name: 'Ana Ruiz',
  email: 'ana@example.com',
  role: 'consultant',
  weeklyCapacityHours: 40,
  costRate: 60,
  billRate: 150,
  skills: ['salesforce', 'sso'],
  ...over,
});
const csv = (client: Client, url: string, body: string) =>
  client.request({ method: 'POST', url, headers: { 'content-type': 'text/csv' }, payload: body });

/**
 * A workspace of its own with two partner firms (Alpha Consulting, Beta Partners): its admin, a delivery member, a
 * viewer and a user of Alpha; `count` counts the workspace's rows of a table.
 */
async function setUp() {
  const ws = await t.workspace(`acme-${++slugs}`);
  const firmA = await t.partner(ws, 'Alpha Consulting');
  const firmB = await t.partner(ws, 'Beta Partners');
  const admin = await t.login((await t.user(ws, 'admin')).email);
  const d = await t.user(ws, 'delivery');
  const delivery = await t.login(d.email);
  const viewer = await t.login((await t.user(ws, 'viewer')).email);
  const partnerA = await t.login((await t.user(ws, 'partner', { partnerId: firmA })).email);
  const count = async (table: 'delivery_resources' | 'resource_time_off' | 'workspace_holidays') =>
    Number(
      (
        await t.ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('workspace_id', '=', ws)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { ws, firmA, firmB, admin, delivery, memberId: d.userId, viewer, partnerA, count };
}

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t?.close();
});

describe('people', () => {
  it('creates, reads and changes a person; rates only for margin:read', async () => {
    const { delivery, memberId, viewer } = await setUp();
    const res = await delivery.request({
      method: 'POST',
      url: '/api/v1/resources',
      payload: person({ userId: memberId, workingDays: [1, 2, 3, 4] }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    expect(res.json()).toMatchObject({
      name: 'Ana Ruiz',
      role: 'consultant',
      weeklyCapacityHours: 40,
      workingDays: [1, 2, 3, 4],
      costRate: 60,
      billRate: 150,
      active: true,
      userId: memberId,
    });
    const seen = await viewer.request({ method: 'GET', url: `/api/v1/resources/${id}` });
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ name: 'Ana Ruiz', costRate: null, billRate: null, timeOff: [] });
    const patched = await delivery.request({
      method: 'PATCH',
      url: `/api/v1/resources/${id}`,
      payload: { weeklyCapacityHours: 32, active: false },
    });
    expect(patched.json()).toMatchObject({ weeklyCapacityHours: 32, active: false });
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['resource.create', 'resource.update']));
  });

  it.each([
    ['role', { role: 'wizard' }, 'body.role', /unknown delivery role "wizard"; known roles: project_manager/],
    ['capacity', { weeklyCapacityHours: 81 }, 'body.weeklyCapacityHours', /80/],
    ['negative capacity', { weeklyCapacityHours: -1 }, 'body.weeklyCapacityHours', /0/],
    ['partner firm', { partnerId: 'no-such-firm' }, 'body.partnerId', /no such partner firm/],
    ['user', { userId: 'not-a-member' }, 'body.userId', /not a member/],
    ['working days', { workingDays: [0, 8] }, 'body.workingDays', /./],
  ])('refuses a bad %s naming the field, saving nothing', async (_what, over, field, message) => {
    const { delivery, count } = await setUp();
    const before = await count('delivery_resources');
    const res = await delivery.request({
      method: 'POST',
      url: '/api/v1/resources',
      payload: person({ email: null, ...over }),
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(fieldsOf(res.json()).some((f) => f.startsWith(field))).toBe(true);
    expect(res.json().detail).toMatch(message);
    expect(await count('delivery_resources')).toBe(before);
  });

  it('refuses a second person with the same email (409)', async () => {
    const { delivery, count } = await setUp();
    expect((await delivery.request({ method: 'POST', url: '/api/v1/resources', payload: person() })).statusCode).toBe(
      201,
    );
    const before = await count('delivery_resources');
    const res = await delivery.request({
      method: 'POST',
      url: '/api/v1/resources',
      payload: person({ name: 'Other Ana', email: 'ANA@example.com' }),
    });
    expect(res.statusCode).toBe(409);
    expect(fieldsOf(res.json())).toEqual(['body.email']);
    expect(await count('delivery_resources')).toBe(before);
  });

  it('accepts a role the workspace adds, and keeps a held role from being removed', async () => {
    const { delivery, viewer } = await setUp();
    const put = await delivery.request({
      method: 'PUT',
      url: '/api/v1/delivery/roles',
      payload: { roles: ['data_migrator'] },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().roles).toContain('data_migrator');
    const res = await delivery.request({
      method: 'POST',
      url: '/api/v1/resources',
      payload: person({ name: 'Dmitri', email: 'dmitri@example.com', role: 'data_migrator' }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const removed = await delivery.request({ method: 'PUT', url: '/api/v1/delivery/roles', payload: { roles: [] } });
    expect(removed.statusCode).toBe(409);
    expect(removed.body).toMatch(/data_migrator \(1 person\)/);
    expect((await viewer.request({ method: 'GET', url: '/api/v1/delivery/roles' })).json().custom).toEqual([
      'data_migrator',
    ]);
    expect(
      (await viewer.request({ method: 'PUT', url: '/api/v1/delivery/roles', payload: { roles: [] } })).statusCode,
    ).toBe(403);
  });

  it("shows partner users their firm's people only", async () => {
    const { ws, firmA, firmB, admin, partnerA } = await setUp();
    const a = await admin.request({
      method: 'POST',
      url: '/api/v1/resources',
      payload: person({ name: 'Alpha One', email: 'one@alpha.example', partnerId: firmA }),
    });
    const b = await admin.request({
      method: 'POST',
      url: '/api/v1/resources',
      payload: person({ name: 'Beta One', email: 'one@beta.example', partnerId: firmB }),
    });
    const list = await partnerA.request({ method: 'GET', url: '/api/v1/resources' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((p: { name: string }) => p.name)).toEqual(['Alpha One']);
    expect((await partnerA.request({ method: 'GET', url: `/api/v1/resources/${b.json().id}` })).statusCode).toBe(404);
    expect(
      (await partnerA.request({ method: 'GET', url: `/api/v1/resources/${a.json().id}` })).json().costRate,
    ).toBeNull();
    const forecast = await listForecastResources(t.ctx.db, ws, firmA);
    expect(forecast.map((r) => r.id)).toEqual([a.json().id]);
  });
});

describe('time off and holidays', () => {
  it('records time off, refuses a range that ends before it starts, and gives it to the forecast', async () => {
    const { ws, admin, delivery, count } = await setUp();
    const p = await admin.request({
      method: 'POST',
      url: '/api/v1/resources',
      payload: person({ name: 'Tom Off', email: 'tom@example.com' }),
    });
    const id = p.json().id;
    const before = await count('resource_time_off');
    const bad = await delivery.request({
      method: 'POST',
      url: `/api/v1/resources/${id}/time-off`,
      payload: { from: '2026-12-10', to: '2026-12-01' },
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.json())).toEqual(['body.to']);
    expect(await count('resource_time_off')).toBe(before);
    const ok = await delivery.request({
      method: 'POST',
      url: `/api/v1/resources/${id}/time-off`,
      payload: { from: '2026-12-21', to: '2026-12-31', reason: 'Holiday' },
    });
    expect(ok.statusCode).toBe(201);
    const forecast = (await listForecastResources(t.ctx.db, ws)).find((r) => r.id === id);
    expect(forecast).toMatchObject({
      role: 'consultant',
      weeklyCapacityHours: 40,
      workingDays: [1, 2, 3, 4, 5],
      timeOff: [{ from: '2026-12-21', to: '2026-12-31' }],
    });
    const del = await delivery.request({ method: 'DELETE', url: `/api/v1/resources/${id}/time-off/${ok.json().id}` });
    expect(del.statusCode).toBe(204);
    expect(await count('resource_time_off')).toBe(before);
  });

  it('sets holidays from JSON and from CSV, refusing a date given twice', async () => {
    const { ws, delivery, count } = await setUp();
    const json = await delivery.request({
      method: 'PUT',
      url: '/api/v1/delivery/holidays',
      payload: { holidays: [{ date: '2026-12-25', name: 'Christmas' }] },
    });
    expect(json.statusCode, json.body).toBe(200);
    const fromCsv = await delivery.request({
      method: 'PUT',
      url: '/api/v1/delivery/holidays',
      headers: { 'content-type': 'text/csv' },
      payload: 'date,name\n2026-12-25,Christmas Day\n2027-01-01,New Year\n',
    });
    expect(fromCsv.statusCode, fromCsv.body).toBe(200);
    expect(await listHolidays(t.ctx.db, ws)).toEqual(['2026-12-25', '2027-01-01']);
    const twice = await delivery.request({
      method: 'PUT',
      url: '/api/v1/delivery/holidays',
      payload: {
        holidays: [
          { date: '2027-05-01', name: 'A' },
          { date: '2027-05-01', name: 'B' },
        ],
      },
    });
    expect(twice.statusCode).toBe(400);
    expect(fieldsOf(twice.json())).toEqual(['body.holidays.1.date']);
    const badDate = await delivery.request({
      method: 'PUT',
      url: '/api/v1/delivery/holidays',
      headers: { 'content-type': 'text/csv' },
      payload: 'date,name\n2027-02-30,Nope\n',
    });
    expect(badDate.statusCode).toBe(400);
    expect(fieldsOf(badDate.json())[0]).toMatch(/^body\.holidays\.0\.date/);
    expect(await count('workspace_holidays')).toBe(2);
  });
});

describe('capacity import', () => {
  const file = [
    'Name,Email,Role,Skills,Weekly capacity,Working days,Cost rate,Bill rate,Partner',
    'Imre Import,imre@example.com,solution_architect,sso;okta,36,Mon-Thu,70,180,',
    'Paula Partner,paula@alpha.example,consultant,,40,,55,140,Alpha Consulting',
    'Wanda Wrong,wanda@example.com,wizard,,40,,50,100,',
    'Noah Nocap,noah@example.com,trainer,,,,50,100,',
  ].join('\n');

  it('rejects an unknown role row by row, naming the known roles, and saves the rest', async () => {
    const { firmA, delivery, count } = await setUp();
    const before = await count('delivery_resources');
    const res = await csv(delivery, '/api/v1/imports/resources?fileName=people.csv', file);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ read: 4, created: 2, rejected: 2 });
    expect(report.errors).toEqual(
      expect.arrayContaining([
        {
          row: 3,
          field: 'role',
          reason: expect.stringMatching(
            /unknown delivery role "wizard"; known roles: project_manager, solution_architect, consultant/,
          ),
        },
        { row: 4, field: 'weekly_capacity_hours', reason: 'is required for a new person' },
      ]),
    );
    expect(await count('delivery_resources')).toBe(before + 2);
    const imre = (await delivery.request({ method: 'GET', url: '/api/v1/resources?q=imre' })).json().items[0];
    expect(imre).toMatchObject({
      role: 'solution_architect',
      skills: ['sso', 'okta'],
      weeklyCapacityHours: 36,
      workingDays: [1, 2, 3, 4],
      costRate: 70,
      billRate: 180,
      partnerId: null,
    });
    const paula = (await delivery.request({ method: 'GET', url: '/api/v1/resources?q=paula' })).json().items[0];
    expect(paula.partnerId).toBe(firmA);
    expect(
      await t.ctx.db.selectFrom('delivery_resources').select('id').where('name', '=', 'Wanda Wrong').execute(),
    ).toEqual([]);
  });

  it('changes nothing on a re-run, and updates a changed row', async () => {
    const { delivery, count } = await setUp();
    expect((await csv(delivery, '/api/v1/imports/resources', file)).json()).toMatchObject({ created: 2 });
    const before = await count('delivery_resources');
    const again = (await csv(delivery, '/api/v1/imports/resources', file)).json();
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, rejected: 2 });
    const changed = (await csv(delivery, '/api/v1/imports/resources', file.replace('36,Mon-Thu', '30,Mon-Thu'))).json();
    expect(changed).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect(await count('delivery_resources')).toBe(before);
  });

  it('writes nothing on a dry run, and refuses a file without a role column', async () => {
    const { delivery, viewer, count } = await setUp();
    const before = await count('delivery_resources');
    const dry = (
      await csv(delivery, '/api/v1/imports/resources?dryRun=true', 'name,role,capacity\nDry Person,consultant,20\n')
    ).json();
    expect(dry).toMatchObject({ dryRun: true, created: 1 });
    const noRole = await csv(delivery, '/api/v1/imports/resources', 'name,capacity\nX,20\n');
    expect(noRole.statusCode).toBe(400);
    expect(noRole.body).toMatch(/no role column/);
    expect(await count('delivery_resources')).toBe(before);
    expect((await csv(viewer, '/api/v1/imports/resources', 'name,role\n')).statusCode).toBe(403);
  });
});
