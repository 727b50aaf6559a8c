import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';
import { dayFromToday, insertProject, insertTask } from '../helpers/delivery.ts';

let t: TestApp;
let slugs = 0;

const fieldsOf = (body: { errors?: Array<{ field: string }> }) => (body.errors ?? []).map((e) => e.field);
const yesterday = dayFromToday(-1);
const log = (client: Client, payload: Record<string, unknown>) =>
  client.request({ method: 'POST', url: '/api/v1/time-entries', payload });
const csv = (client: Client, url: string, body: string) =>
  client.request({ method: 'POST', url, headers: { 'content-type': 'text/csv' }, payload: body });

async function person(client: Client, name: string, over: Record<string, unknown> = {}): Promise<string> {
  const res = await client.request({
    method: 'POST',
    url: '/api/v1/resources',
    payload: {
      name,
      email: `${name.toLowerCase().replace(/\W/g, '')}@example.com`,
      role: 'consultant',
      weeklyCapacityHours: 40,
      ...over,
    },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().id;
}

/**
 * A workspace of its own: delivery, a viewer and a user of the partner firm Alpha; people (Ana and Ben with their
 * rates, Idle who is inactive, one person of each firm); projects (Northwind rollout with its SSO task, Globex with a
 * training task, a closed one, one of each firm).
 */
async function setUp() {
  const ws = await t.workspace(`acme-${++slugs}`);
  const firmA = await t.partner(ws, 'Alpha Consulting');
  const firmB = await t.partner(ws, 'Beta Partners');
  const delivery = await t.login((await t.user(ws, 'delivery')).email);
  const viewer = await t.login((await t.user(ws, 'viewer')).email);
  const partnerA = await t.login((await t.user(ws, 'partner', { partnerId: firmA })).email);
  const ana = await person(delivery, 'Ana', { costRate: 50, billRate: 150 });
  const ben = await person(delivery, 'Ben', { costRate: 80, billRate: 200 });
  const idle = await person(delivery, 'Idle', { active: false });
  const alphaPerson = await person(delivery, 'Alpha Al', { partnerId: firmA });
  const betaPerson = await person(delivery, 'Beta Bo', { partnerId: firmB });
  const project = await insertProject(t, ws, { name: 'Northwind rollout', commercialModel: 'time_and_materials' });
  const other = await insertProject(t, ws, { name: 'Globex', commercialModel: 'fixed_fee', servicesFee: 10000 });
  const closed = await insertProject(t, ws, { name: 'Old one', status: 'closed' });
  const alphaProject = await insertProject(t, ws, { name: 'Alpha project', partnerId: firmA });
  const betaProject = await insertProject(t, ws, { name: 'Beta project', partnerId: firmB });
  const task = await insertTask(t, ws, project, {
    key: 'sso',
    name: 'Configure SSO',
    taskType: 'integration',
    effortHours: 10,
  });
  const otherTask = await insertTask(t, ws, other, { key: 'train', taskType: 'training', effortHours: 4 });
  const count = async () =>
    Number(
      (
        await t.ctx.db
          .selectFrom('time_entries')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('workspace_id', '=', ws)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    ws,
    delivery,
    viewer,
    partnerA,
    ana,
    ben,
    idle,
    alphaPerson,
    betaPerson,
    project,
    other,
    closed,
    alphaProject,
    betaProject,
    task,
    otherTask,
    count,
  };
}
type World = Awaited<ReturnType<typeof setUp>>;

/** Ben's day five days ago, full at 24 h: 14 h on Northwind rollout and 10 h on Globex. */
async function bensFullDay({ delivery, ben, project, other }: World): Promise<void> {
  const day = dayFromToday(-5);
  expect((await log(delivery, { projectId: project, resourceId: ben, date: day, hours: 14 })).statusCode).toBe(201);
  expect((await log(delivery, { projectId: other, resourceId: ben, date: day, hours: 10 })).statusCode).toBe(201);
}

/** Five hours the Alpha user logged yesterday for Alpha's person on Alpha's project. */
async function alphaTime({ partnerA, alphaProject, alphaPerson }: World): Promise<void> {
  const res = await log(partnerA, { projectId: alphaProject, resourceId: alphaPerson, date: yesterday, hours: 5 });
  expect(res.statusCode, res.body).toBe(201);
}

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t?.close();
});

describe('logging time', () => {
  it('logs, lists, changes and deletes an entry', async () => {
    const { delivery, viewer, ana, project, task, count } = await setUp();
    const res = await log(delivery, {
      projectId: project,
      taskId: task,
      resourceId: ana,
      date: yesterday,
      hours: 3,
      note: 'kickoff',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      projectId: project,
      taskId: task,
      resourceId: ana,
      date: yesterday,
      hours: 3,
      billable: true,
      rework: false,
      source: 'web',
    });
    const id = res.json().id;
    const list = await viewer.request({
      method: 'GET',
      url: `/api/v1/time-entries?project=${project}&from=${yesterday}&to=${yesterday}`,
    });
    expect(list.json().items.map((e: { id: string }) => e.id)).toEqual([id]);
    const patched = await delivery.request({
      method: 'PATCH',
      url: `/api/v1/time-entries/${id}`,
      payload: { hours: 4, billable: false },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ hours: 4, billable: false, taskId: task });
    const before = await count();
    expect((await delivery.request({ method: 'DELETE', url: `/api/v1/time-entries/${id}` })).statusCode).toBe(204);
    expect(await count()).toBe(before - 1);
  });

  it.each([
    ['zero hours', () => ({ hours: 0 }), 400, 'body.hours'],
    ['more than 24 hours', () => ({ hours: 24.5 }), 400, 'body.hours'],
    ['a future day', () => ({ date: dayFromToday(3) }), 400, 'body.date'],
    ['a closed project', (w: World) => ({ projectId: w.closed, taskId: null }), 409, 'body.projectId'],
    ['a task of another project', (w: World) => ({ taskId: w.otherTask }), 400, 'body.taskId'],
    ['an inactive person', (w: World) => ({ resourceId: w.idle }), 409, 'body.resourceId'],
    ['an unknown project', () => ({ projectId: 'nope', taskId: null }), 400, 'body.projectId'],
  ])('refuses %s naming the field, saving nothing', async (_what, over, status, field) => {
    const w = await setUp();
    const { delivery, ana, project, task, count } = w;
    const before = await count();
    const res = await log(delivery, {
      projectId: project,
      taskId: task,
      resourceId: ana,
      date: yesterday,
      hours: 2,
      ...over(w),
    });
    expect(res.statusCode, res.body).toBe(status);
    expect(fieldsOf(res.json())).toContain(field);
    expect(await count()).toBe(before);
  });

  it("keeps a person's day at 24 h across every project, also when an entry is changed", async () => {
    const { delivery, ben, project, other, count } = await setUp();
    const day = dayFromToday(-5);
    const first = await log(delivery, { projectId: project, resourceId: ben, date: day, hours: 14 });
    expect(first.statusCode).toBe(201);
    expect((await log(delivery, { projectId: other, resourceId: ben, date: day, hours: 10 })).statusCode).toBe(201);
    const before = await count();
    const over = await log(delivery, { projectId: project, resourceId: ben, date: day, hours: 0.5 });
    expect(over.statusCode).toBe(409);
    expect(fieldsOf(over.json())).toEqual(['body.hours']);
    expect(over.json().detail).toMatch(/already 24 h/);
    const grown = await delivery.request({
      method: 'PATCH',
      url: `/api/v1/time-entries/${first.json().id}`,
      payload: { hours: 15 },
    });
    expect(grown.statusCode).toBe(409);
    expect(await count()).toBe(before);
    const row = await t.ctx.db
      .selectFrom('time_entries')
      .select('hours')
      .where('id', '=', first.json().id)
      .executeTakeFirstOrThrow();
    expect(Number(row.hours)).toBe(14);
  });

  it('pages the list with a cursor, newest day first', async () => {
    const w = await setUp();
    const { viewer, ben } = w;
    await bensFullDay(w);
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await viewer.request({
        method: 'GET',
        url: `/api/v1/time-entries?limit=1&resource=${ben}${cursor ? `&cursor=${cursor}` : ''}`,
      });
      all.push(...res.json().items.map((e: { date: string }) => e.date));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(all).toHaveLength(2);
  });
});

describe('partner users', () => {
  it("log time only for their firm's people on their firm's projects", async () => {
    const { partnerA, alphaPerson, betaPerson, project, alphaProject, betaProject, count } = await setUp();
    const before = await count();
    const ok = await log(partnerA, { projectId: alphaProject, resourceId: alphaPerson, date: yesterday, hours: 5 });
    expect(ok.statusCode, ok.body).toBe(201);
    const otherFirmProject = await log(partnerA, {
      projectId: betaProject,
      resourceId: alphaPerson,
      date: yesterday,
      hours: 1,
    });
    expect(otherFirmProject.statusCode).toBe(400);
    expect(fieldsOf(otherFirmProject.json())).toEqual(['body.projectId']);
    const ownStaffProject = await log(partnerA, {
      projectId: project,
      resourceId: alphaPerson,
      date: yesterday,
      hours: 1,
    });
    expect(ownStaffProject.statusCode).toBe(400);
    const otherFirmPerson = await log(partnerA, {
      projectId: alphaProject,
      resourceId: betaPerson,
      date: yesterday,
      hours: 1,
    });
    expect(otherFirmPerson.statusCode).toBe(400);
    expect(fieldsOf(otherFirmPerson.json())).toEqual(['body.resourceId']);
    expect(await count()).toBe(before + 1);
  });

  it("are offered only their firm's projects to log time on", async () => {
    const { delivery, partnerA } = await setUp();
    const mine = (await partnerA.request({ method: 'GET', url: '/api/v1/time-entries/targets' })).json().items;
    expect(mine.map((p: { name: string }) => p.name)).toEqual(['Alpha project']);
    const all = (await delivery.request({ method: 'GET', url: '/api/v1/time-entries/targets' })).json().items as Array<{
      name: string;
      open: boolean;
      tasks: Array<{ key: string }>;
    }>;
    expect(all.find((p) => p.name === 'Old one')?.open).toBe(false);
    expect(all.find((p) => p.name === 'Northwind rollout')?.tasks.map((t) => t.key)).toEqual(['sso']);
  });

  it("see only their firm's time and cannot touch another's entries", async () => {
    const w = await setUp();
    const { delivery, partnerA, alphaPerson, betaPerson, alphaProject, betaProject } = w;
    await alphaTime(w);
    const theirs = await log(delivery, { projectId: betaProject, resourceId: betaPerson, date: yesterday, hours: 2 });
    const list = await partnerA.request({ method: 'GET', url: '/api/v1/time-entries' });
    expect(list.json().items.every((e: { resourceId: string }) => e.resourceId === alphaPerson)).toBe(true);
    expect(list.json().items.length).toBeGreaterThan(0);
    expect(
      (await partnerA.request({ method: 'DELETE', url: `/api/v1/time-entries/${theirs.json().id}` })).statusCode,
    ).toBe(404);
    expect(
      (await partnerA.request({ method: 'GET', url: `/api/v1/projects/${alphaProject}/economics` })).statusCode,
    ).toBe(403);
  });
});

describe('economics', () => {
  it('computes a time-and-materials and a fixed-fee project from their entries', async () => {
    const { ws, delivery, viewer, ana, ben } = await setUp();
    const tm = await insertProject(t, ws, { name: 'T&M', commercialModel: 'time_and_materials' });
    const ff = await insertProject(t, ws, { name: 'Fixed', commercialModel: 'fixed_fee', servicesFee: 2000 });
    const cfg = await insertTask(t, ws, tm, { key: 'cfg', taskType: 'configuration', effortHours: 8 });
    const trn = await insertTask(t, ws, tm, { key: 'trn', taskType: 'training', effortHours: 4 });
    await insertTask(t, ws, tm, { key: 'idle', taskType: 'configuration', effortHours: 30 });
    const d = dayFromToday(-10);
    const entries = [
      { projectId: tm, taskId: cfg, resourceId: ana, hours: 6, billable: true },
      { projectId: tm, taskId: cfg, resourceId: ben, hours: 4, billable: true, rework: true },
      { projectId: tm, taskId: trn, resourceId: ana, hours: 2, billable: false },
      { projectId: ff, resourceId: ben, hours: 10, billable: true },
      { projectId: ff, resourceId: ana, hours: 5, billable: false },
    ];
    for (const e of entries) expect((await log(delivery, { date: d, ...e })).statusCode).toBe(201);
    const rate = { [ana]: { cost: 50, bill: 150 }, [ben]: { cost: 80, bill: 200 } } as Record<
      string,
      { cost: number; bill: number }
    >;
    const of = (p: string) => entries.filter((e) => e.projectId === p);
    const cost = (p: string) => of(p).reduce((s, e) => s + e.hours * (rate[e.resourceId]?.cost ?? 0), 0);

    const a = (await delivery.request({ method: 'GET', url: `/api/v1/projects/${tm}/economics` })).json();
    const tmRevenue = of(tm)
      .filter((e) => e.billable)
      .reduce((s, e) => s + e.hours * (rate[e.resourceId]?.bill ?? 0), 0);
    expect(a).toMatchObject({
      commercialModel: 'time_and_materials',
      hours: { total: 12, billable: 10, nonBillable: 2, rework: 4 },
      deliveryCost: cost(tm),
      revenue: tmRevenue,
    });
    expect(a.margin).toBeCloseTo((tmRevenue - cost(tm)) / tmRevenue, 4);
    expect(a.rework.share).toBeCloseTo(4 / 12, 4);
    expect(a.estimateAccuracy).toEqual([
      { taskType: 'configuration', tasks: 1, estimatedHours: 8, actualHours: 10, ratio: 1.25 },
      { taskType: 'training', tasks: 1, estimatedHours: 4, actualHours: 2, ratio: 0.5 },
    ]);

    const b = (await delivery.request({ method: 'GET', url: `/api/v1/projects/${ff}/economics` })).json();
    expect(b).toMatchObject({ commercialModel: 'fixed_fee', revenue: 2000, deliveryCost: cost(ff) });
    expect(b.margin).toBeCloseTo((2000 - cost(ff)) / 2000, 4);

    const summary = (await delivery.request({ method: 'GET', url: '/api/v1/delivery/economics' })).json();
    const rows = summary.items.filter((r: { projectId: string }) => [tm, ff].includes(r.projectId));
    expect(rows).toHaveLength(2);
    const all = summary.items as Array<{ revenue: number; deliveryCost: number }>;
    expect(summary.totals.revenue).toBeCloseTo(
      all.reduce((s, r) => s + r.revenue, 0),
      2,
    );
    expect(summary.totals.deliveryCost).toBeCloseTo(
      all.reduce((s, r) => s + r.deliveryCost, 0),
      2,
    );
    expect((await viewer.request({ method: 'GET', url: `/api/v1/projects/${tm}/economics` })).statusCode).toBe(403);
  });

  it('gives utilization as billable hours over capacity net of holidays and time off', async () => {
    const { delivery, project } = await setUp();
    const u = await person(delivery, 'Uma', {
      costRate: 10,
      billRate: 20,
      workingDays: [1, 2, 3, 4, 5],
      weeklyCapacityHours: 40,
    });
    // Monday to Sunday of a past week; Tuesday a holiday, Wednesday off: 3 working days × 8 h.
    const mondayOffset = ((new Date().getUTCDay() + 6) % 7) + 14;
    const monday = dayFromToday(-mondayOffset);
    const plus = (n: number) => new Date(Date.parse(`${monday}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    await delivery.request({
      method: 'PUT',
      url: '/api/v1/delivery/holidays',
      payload: { holidays: [{ date: plus(1), name: 'Founders day' }] },
    });
    await delivery.request({
      method: 'POST',
      url: `/api/v1/resources/${u}/time-off`,
      payload: { from: plus(2), to: plus(2) },
    });
    await log(delivery, { projectId: project, resourceId: u, date: plus(0), hours: 6 });
    await log(delivery, { projectId: project, resourceId: u, date: plus(3), hours: 3, billable: false });
    const res = await delivery.request({
      method: 'GET',
      url: `/api/v1/delivery/utilization?from=${monday}&to=${plus(6)}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const row = res.json().items.find((r: { resourceId: string }) => r.resourceId === u);
    expect(row).toMatchObject({ name: 'Uma', capacityHours: 24, hours: 9, billableHours: 6, utilization: 0.25 });
    expect(
      (await delivery.request({ method: 'GET', url: `/api/v1/delivery/utilization?from=${plus(6)}&to=${monday}` }))
        .statusCode,
    ).toBe(400);
  });
});

describe('time import', () => {
  const file = ({ project }: World, hours = '3') =>
    [
      'date,person,project,task,hours,billable,note,external_id',
      `${yesterday},ana@example.com,Northwind rollout,sso,${hours},true,imported,X-1`,
      `${yesterday},Ben,${project},Configure SSO,2,no,,X-2`,
      `${yesterday},ana@example.com,Northwind rollout,train,1,true,,X-3`,
      `${yesterday},Idle,Northwind rollout,,1,true,,X-4`,
      `${yesterday},ana@example.com,Old one,,1,true,,X-5`,
      `${dayFromToday(5)},ana@example.com,Northwind rollout,,1,true,,X-6`,
      `${yesterday},nobody@example.com,Northwind rollout,,1,true,,X-7`,
    ].join('\n');

  it('imports good rows and rejects each bad one naming its column; nothing of a bad row is saved', async () => {
    const w = await setUp();
    const { delivery, count } = w;
    const before = await count();
    const res = await csv(delivery, '/api/v1/imports/time-entries', file(w));
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ read: 7, created: 2, rejected: 5 });
    const byRow = (r.errors as Array<{ row: number; field: string }>)
      .map((e) => [e.row, e.field])
      .sort((x, y) => Number(x[0]) - Number(y[0]));
    expect(byRow).toEqual([
      [3, 'task'],
      [4, 'person'],
      [5, 'project'],
      [6, 'date'],
      [7, 'person'],
    ]);
    expect(await count()).toBe(before + 2);
    const imported = await t.ctx.db
      .selectFrom('time_entries')
      .select(['source', 'external_id', 'billable'])
      .where('workspace_id', '=', w.ws)
      .where('external_id', 'in', ['X-1', 'X-2'])
      .orderBy('external_id')
      .execute();
    expect(imported).toEqual([
      { source: 'import', external_id: 'X-1', billable: 1 },
      { source: 'import', external_id: 'X-2', billable: 0 },
    ]);
  });

  it('changes nothing on a re-run, and updates a row whose hours changed', async () => {
    const w = await setUp();
    const { delivery, count } = w;
    expect((await csv(delivery, '/api/v1/imports/time-entries', file(w))).json().created).toBe(2);
    const before = await count();
    expect((await csv(delivery, '/api/v1/imports/time-entries', file(w))).json()).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 2,
      rejected: 5,
    });
    expect((await csv(delivery, '/api/v1/imports/time-entries', file(w, '3.5'))).json()).toMatchObject({
      created: 0,
      updated: 1,
      unchanged: 1,
    });
    expect(await count()).toBe(before);
    const row = await t.ctx.db
      .selectFrom('time_entries')
      .select('hours')
      .where('workspace_id', '=', w.ws)
      .where('external_id', '=', 'X-1')
      .executeTakeFirstOrThrow();
    expect(Number(row.hours)).toBe(3.5);
  });

  it("keeps partner imports to their firm's people and projects", async () => {
    const { partnerA, count } = await setUp();
    const before = await count();
    const res = await csv(
      partnerA,
      '/api/v1/imports/time-entries',
      `date,person,project,hours,external_id\n${yesterday},Beta Bo,Beta project,1,P-1\n${yesterday},Alpha Al,Beta project,1,P-2\n`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 0, rejected: 2 });
    expect(await count()).toBe(before);
  });
});
