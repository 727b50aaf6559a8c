import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

/**
 * Projects through the API: started from a playbook, kicked off, worked task by task while the forecast follows,
 * slips recorded against the promise with their reason, the stage-2/3 signals raised with evidence, and partner
 * users confined to their firm's projects.
 */

let t: TestApp;
let slugs = 0;

const today = () => new Date().toISOString().slice(0, 10);
const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

interface Task {
  id: string;
  key: string;
  name: string;
  state: string;
  customerOwned: boolean;
  dependsOn: string[];
  forecastFinish: string | null;
  critical: boolean;
  ownerRole: string;
  assigneeId: string | null;
}

const task = (project: { tasks: Task[] }, key: string) => project.tasks.find((x) => x.key === key)!;

/**
 * A workspace of its own: its admin, the partner firm Northwind Consulting and one of its users, the smb account
 * Globex, and two people (Dana Consultant, Tom Trainer). `person` adds one more, `create` starts a project for Globex.
 */
async function setUp() {
  const ws = await t.workspace(`acme-delivery-${++slugs}`);
  const admin = await t.login((await t.user(ws, 'admin')).email);
  const partnerId = await t.partner(ws, 'Northwind Consulting');
  const partnerClient = await t.login((await t.user(ws, 'partner', { partnerId })).email);
  const accountId = (
    await admin.request({ method: 'POST', url: '/api/v1/accounts', payload: { name: 'Globex', segment: 'smb' } })
  ).json().id as string;
  const person = async (name: string, role: string, extra: Record<string, unknown> = {}) => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/resources',
      payload: { name, role, weeklyCapacityHours: 40, costRate: 80, billRate: 180, ...extra },
    });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const create = async (payload: Record<string, unknown>) => {
    const res = await admin.request({ method: 'POST', url: '/api/v1/projects', payload: { accountId, ...payload } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const consultant = await person('Dana Consultant', 'consultant');
  const trainer = await person('Tom Trainer', 'trainer');
  return { ws, admin, partnerClient, partnerId, accountId, consultant, trainer, person, create };
}

/** A project the partner firm delivers, and one of the own team's that slipped twice past its promise. */
async function partnerAndSlippedProjects({
  admin,
  partnerId,
  consultant,
  trainer,
  create,
}: Awaited<ReturnType<typeof setUp>>) {
  await create({ name: 'Partner-delivered', partnerId, promisedGoLive: addDays(today(), 200) });
  const p = await create({ name: 'Tight promise', promisedGoLive: addDays(today(), 90) });
  await admin.request({ method: 'POST', url: `/api/v1/projects/${p.id}/kickoff`, payload: {} });
  for (const [key, effortHours, assigneeId] of [
    ['connect-source', 900, consultant],
    ['build-report', 400, trainer],
  ] as const) {
    const res = await admin.request({
      method: 'PATCH',
      url: `/api/v1/projects/${p.id}/tasks/${task(p, key).id}`,
      payload: { effortHours, assigneeId },
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  const slipped = (await admin.request({ method: 'GET', url: `/api/v1/projects/${p.id}` })).json();
  expect(slipped.slips).toHaveLength(2);
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('a project from a playbook', () => {
  it('starts queued from the playbook the account’s segment selects, with its tasks, milestones and a forecast', async () => {
    const { create } = await setUp();
    const p = await create({ promisedGoLive: addDays(today(), 120) });
    expect(p).toMatchObject({
      status: 'queued',
      accountName: 'Globex',
      playbook: { name: 'SMB quick start', version: 1 },
      late: false,
    });
    expect(p.tasks.length).toBeGreaterThan(8);
    expect(p.milestones.filter((m: { firstValue: boolean }) => m.firstValue)).toHaveLength(1);
    expect(p.goLiveChecklist.length).toBeGreaterThan(0);
    // Every task has a forecast, none starts before what it waits for ends.
    for (const x of p.tasks as Task[]) {
      expect(x.forecastFinish).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const dep of x.dependsOn) expect(task(p, dep).forecastFinish! <= x.forecastFinish!).toBe(true);
    }
    // Go-live is forecast at the go-live milestone (its tasks' last finish), not at the plan's last task.
    const goLive = p.milestones.find((m: { goLive: boolean }) => m.goLive);
    expect(p.forecastGoLive).toBe(goLive.forecastOn);
    expect(p.forecastGoLive).toBe(
      (p.tasks as Array<Task & { milestoneKey: string | null }>)
        .filter((x) => x.milestoneKey === goLive.key)
        .map((x) => x.forecastFinish!)
        .sort()
        .at(-1),
    );
    expect(p.events.map((e: { kind: string }) => e.kind)).toContain('created');
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const { admin, accountId } = await setUp();
    const unknown = await admin.request({ method: 'POST', url: '/api/v1/projects', payload: { accountId: 'nope' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([expect.objectContaining({ field: 'body.accountId' })]);
    const before = (await admin.request({ method: 'GET', url: '/api/v1/projects' })).json().items.length;
    const badDate = await admin.request({
      method: 'POST',
      url: '/api/v1/projects',
      payload: { accountId, promisedGoLive: '2027-02-30' },
    });
    expect(badDate.statusCode).toBe(400);
    expect((await admin.request({ method: 'GET', url: '/api/v1/projects' })).json().items.length).toBe(before);
  });

  it('is kicked off, worked, and its forecast follows each change', async () => {
    const { admin, accountId, consultant, create } = await setUp();
    const p = await create({ name: 'Globex rollout', promisedGoLive: addDays(today(), 200) });
    const kicked = await admin.request({ method: 'POST', url: `/api/v1/projects/${p.id}/kickoff`, payload: {} });
    expect(kicked.statusCode).toBe(200);
    expect(kicked.json()).toMatchObject({ status: 'active', kickoffOn: today() });
    expect(
      (await admin.request({ method: 'POST', url: `/api/v1/projects/${p.id}/kickoff`, payload: {} })).statusCode,
    ).toBe(409);

    const url = (key: string) => `/api/v1/projects/${p.id}/tasks/${task(p, key).id}`;
    // Blocking needs a reason; the refusal leaves the task as it was.
    const noReason = await admin.request({
      method: 'PATCH',
      url: url('connect-source'),
      payload: { state: 'blocked' },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].field).toBe('body.blockedReason');
    // A task cannot be done before what it waits for.
    const early = await admin.request({ method: 'PATCH', url: url('connect-source'), payload: { state: 'done' } });
    expect(early.statusCode).toBe(409);
    // A dependency cycle is refused, naming the tasks.
    const cycle = await admin.request({
      method: 'PATCH',
      url: url('welcome-call'),
      payload: { dependsOn: ['connect-source'] },
    });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().errors[0]).toMatchObject({ field: 'body.dependsOn' });
    expect(cycle.json().errors[0].message).toMatch(/welcome-call.*connect-source|connect-source.*welcome-call/);
    const unchanged = (await admin.request({ method: 'GET', url: `/api/v1/projects/${p.id}` })).json();
    expect(task(unchanged, 'welcome-call').dependsOn).toEqual([]);
    expect(task(unchanged, 'connect-source').state).toBe('todo');

    // Doing the first task moves it out of the plan's remaining work; a bigger estimate moves the forecast later.
    const done = (
      await admin.request({
        method: 'PATCH',
        url: url('welcome-call'),
        payload: { state: 'done', assigneeId: consultant },
      })
    ).json();
    expect(task(done, 'welcome-call')).toMatchObject({ state: 'done' });
    const grown = await admin.request({
      method: 'PATCH',
      url: url('connect-source'),
      payload: { effortHours: 200, assigneeId: consultant },
    });
    expect(grown.statusCode).toBe(200);
    expect(grown.json().forecastGoLive > done.forecastGoLive).toBe(true);
    // Growing a task within two weeks of kickoff is an early scope change, with its evidence.
    const signals = (
      await admin.request({ method: 'GET', url: `/api/v1/signals?accountId=${accountId}&open=true` })
    ).json().items;
    expect(
      signals.find((s: { kind: string }) => s.kind === 'handoff.early_scope_change')?.evidence.changes[0].what,
    ).toMatch(/grew from 6 to 200 hours/);
    const timeline = (await admin.request({ method: 'GET', url: `/api/v1/projects/${p.id}/timeline` }))
      .json()
      .items.map((e: { kind: string }) => e.kind);
    expect(timeline).toEqual(expect.arrayContaining(['kickoff', 'task_updated', 'scope_changed', 'forecast_changed']));
  });

  it('records a slip when the forecast passes the promise, takes its reason, and raises the time-to-value signals', async () => {
    const { admin, accountId, consultant, trainer, create } = await setUp();
    const p = await create({ name: 'Tight promise', promisedGoLive: addDays(today(), 90) });
    await admin.request({ method: 'POST', url: `/api/v1/projects/${p.id}/kickoff`, payload: {} });
    const url = (key: string) => `/api/v1/projects/${p.id}/tasks/${task(p, key).id}`;
    const before = (await admin.request({ method: 'GET', url: `/api/v1/projects/${p.id}` })).json();
    expect(before.slips).toEqual([]);
    const res = await admin.request({
      method: 'PATCH',
      url: url('connect-source'),
      payload: {
        effortHours: 900,
        assigneeId: consultant,
        slipReason: { code: 'scope_change', note: 'Second ERP added' },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const late = res.json();
    expect(late.late).toBe(true);
    expect(late.slips).toEqual([
      expect.objectContaining({
        reasonCode: 'scope_change',
        note: 'Second ERP added',
        promisedGoLive: addDays(today(), 90),
        toForecast: late.forecastGoLive,
      }),
    ]);
    expect(late.slips[0].days).toBe(
      Math.round((Date.parse(late.forecastGoLive) - Date.parse(addDays(today(), 90))) / 86_400_000),
    );

    // A second push records a second slip, without a reason until someone gives it: two slips are severe.
    const again = (
      await admin.request({
        method: 'PATCH',
        url: url('build-report'),
        payload: { effortHours: 400, assigneeId: trainer },
      })
    ).json();
    expect(again.slips).toHaveLength(2);
    expect(again.slips[1].reasonCode).toBeNull();
    const signals = (
      await admin.request({ method: 'GET', url: `/api/v1/signals?accountId=${accountId}&open=true&limit=100` })
    ).json().items;
    const mine = signals.filter((s: { evidence: { projectId?: string } }) => s.evidence.projectId === p.id);
    const kinds = mine.map((s: { kind: string }) => s.kind);
    expect(kinds).toEqual(expect.arrayContaining(['ttv.forecast_late', 'ttv.repeated_slips', 'handoff.early_slip']));
    expect(mine.find((s: { kind: string }) => s.kind === 'ttv.repeated_slips').severity).toBe('severe');
    expect(mine.find((s: { kind: string }) => s.kind === 'ttv.forecast_late').evidence).toMatchObject({
      promisedGoLive: addDays(today(), 90),
      forecastGoLive: again.forecastGoLive,
    });

    const bad = await admin.request({
      method: 'PUT',
      url: `/api/v1/projects/${p.id}/slips/${again.slips[1].id}`,
      payload: { code: 'bad_luck' },
    });
    expect(bad.statusCode).toBe(400);
    const explained = await admin.request({
      method: 'PUT',
      url: `/api/v1/projects/${p.id}/slips/${again.slips[1].id}`,
      payload: { code: 'resource_unavailable', note: 'Trainer on leave' },
    });
    expect(explained.json().slips[1]).toMatchObject({ reasonCode: 'resource_unavailable', note: 'Trainer on leave' });

    // Pulling the estimate back within the promise resolves the lateness signal.
    await admin.request({ method: 'PATCH', url: url('connect-source'), payload: { effortHours: 6 } });
    const back = (
      await admin.request({ method: 'PATCH', url: url('build-report'), payload: { effortHours: 6 } })
    ).json();
    expect(back.late).toBe(false);
    const open = (
      await admin.request({ method: 'GET', url: `/api/v1/signals?accountId=${accountId}&open=true&limit=100` })
    ).json().items;
    expect(
      open.filter(
        (s: { kind: string; evidence: { projectId?: string } }) =>
          s.kind === 'ttv.forecast_late' && s.evidence.projectId === p.id,
      ),
    ).toEqual([]);
  });

  it('warns when most open critical-path effort rests on one person', async () => {
    const { admin, accountId, consultant, create } = await setUp();
    const p = await create({ name: 'One expert', promisedGoLive: addDays(today(), 300) });
    let cur = p;
    for (const x of (p.tasks as Task[]).filter((y) => !y.customerOwned)) {
      cur = (
        await admin.request({
          method: 'PATCH',
          url: `/api/v1/projects/${p.id}/tasks/${x.id}`,
          payload: { assigneeId: consultant },
        })
      ).json();
    }
    const signal = (
      await admin.request({ method: 'GET', url: `/api/v1/signals?accountId=${accountId}&open=true&limit=100` })
    )
      .json()
      .items.find(
        (s: { kind: string; evidence: { projectId?: string } }) =>
          s.kind === 'delivery.concentrated_work' && s.evidence.projectId === p.id,
      );
    expect(signal.evidence).toMatchObject({ resourceId: consultant, person: 'Dana Consultant' });
    expect(signal.evidence.share).toBeGreaterThan(0.5);
    const critical = (cur.tasks as Task[]).filter((x) => x.critical && x.state !== 'done' && !x.customerOwned);
    expect(critical.length).toBeGreaterThan(0);
  });

  it('goes live only with the go-live tasks done and every checklist item confirmed', async () => {
    const { admin, accountId, create } = await setUp();
    const p = await create({ name: 'To go live', promisedGoLive: addDays(today(), 300) });
    await admin.request({ method: 'POST', url: `/api/v1/projects/${p.id}/kickoff`, payload: {} });
    const open = await admin.request({
      method: 'POST',
      url: `/api/v1/projects/${p.id}/go-live`,
      payload: { checklist: p.goLiveChecklist },
    });
    expect(open.statusCode).toBe(409);
    let cur = p;
    // Finish every task in dependency order.
    for (let round = 0; round < 20 && (cur.tasks as Task[]).some((x) => x.state !== 'done'); round++) {
      for (const x of cur.tasks as Task[]) {
        if (x.state === 'done' || x.dependsOn.some((d) => task(cur, d).state !== 'done')) continue;
        const res = await admin.request({
          method: 'PATCH',
          url: `/api/v1/projects/${p.id}/tasks/${x.id}`,
          payload: { state: 'done' },
        });
        expect(res.statusCode, res.body).toBe(200);
        cur = res.json();
      }
    }
    expect(cur.firstValueOn).toBe(today());
    expect(cur.milestones.every((m: { completedOn: string | null }) => m.completedOn === today())).toBe(true);
    const missing = await admin.request({
      method: 'POST',
      url: `/api/v1/projects/${p.id}/go-live`,
      payload: { checklist: p.goLiveChecklist.slice(1) },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].message).toContain(p.goLiveChecklist[0]);
    const live = await admin.request({
      method: 'POST',
      url: `/api/v1/projects/${p.id}/go-live`,
      payload: { checklist: p.goLiveChecklist },
    });
    expect(live.json()).toMatchObject({
      status: 'live',
      goLiveOn: today(),
      metrics: { implementationDays: 0, implementationIsForecast: false },
    });
    expect((await admin.request({ method: 'GET', url: `/api/v1/accounts/${accountId}` })).json().lifecyclePhase).toBe(
      'live',
    );
    // A live project's plan no longer changes.
    const late = await admin.request({
      method: 'PATCH',
      url: `/api/v1/projects/${p.id}/tasks/${p.tasks[0].id}`,
      payload: { state: 'todo' },
    });
    expect(late.statusCode).toBe(409);
  });
});

describe('time and capacity on the plan', () => {
  it('burns a task’s remaining hours down as time is logged on it, and the forecast follows', async () => {
    const { admin, consultant, create } = await setUp();
    const p = await create({ name: 'Logged', promisedGoLive: addDays(today(), 200) });
    await admin.request({ method: 'POST', url: `/api/v1/projects/${p.id}/kickoff`, payload: {} });
    const setup = task(p, 'workspace-setup');
    await admin.request({
      method: 'PATCH',
      url: `/api/v1/projects/${p.id}/tasks/${setup.id}`,
      payload: { assigneeId: consultant, remainingHours: 60, effortHours: 60 },
    });
    const before = (await admin.request({ method: 'GET', url: `/api/v1/projects/${p.id}` })).json();
    const logged = await admin.request({
      method: 'POST',
      url: '/api/v1/time-entries',
      payload: { projectId: p.id, taskId: setup.id, resourceId: consultant, date: today(), hours: 8 },
    });
    expect(logged.statusCode, logged.body).toBe(201);
    const rework = await admin.request({
      method: 'POST',
      url: '/api/v1/time-entries',
      payload: { projectId: p.id, taskId: setup.id, resourceId: consultant, date: today(), hours: 2, rework: true },
    });
    expect(rework.statusCode).toBe(201);
    const after = (await admin.request({ method: 'GET', url: `/api/v1/projects/${p.id}` })).json();
    expect(task(after, 'workspace-setup')).toMatchObject({ remainingHours: 52, state: 'in_progress' });
    expect(after.events.find((e: { kind: string }) => e.kind === 'time_logged')).toMatchObject({
      detail: { hours: 8, remainingHours: 52 },
    });
    expect(task(after, 'workspace-setup').forecastFinish! <= task(before, 'workspace-setup').forecastFinish!).toBe(
      true,
    );
  });

  it('re-forecasts when the people change: time off pushes the plan, a person made inactive leaves their tasks unassigned', async () => {
    const { admin, person, create } = await setUp();
    const sam = await person('Sam Solo', 'consultant');
    const p = await create({ name: 'Sam’s project', promisedGoLive: addDays(today(), 300) });
    await admin.request({ method: 'POST', url: `/api/v1/projects/${p.id}/kickoff`, payload: {} });
    const setup = task(p, 'workspace-setup');
    await admin.request({
      method: 'PATCH',
      url: `/api/v1/projects/${p.id}/tasks/${task(p, 'welcome-call').id}`,
      payload: { state: 'done' },
    });
    await admin.request({
      method: 'PATCH',
      url: `/api/v1/projects/${p.id}/tasks/${task(p, 'name-admin').id}`,
      payload: { state: 'done' },
    });
    await admin.request({
      method: 'PATCH',
      url: `/api/v1/projects/${p.id}/tasks/${setup.id}`,
      payload: { assigneeId: sam, effortHours: 16 },
    });
    const before = task(
      (await admin.request({ method: 'GET', url: `/api/v1/projects/${p.id}` })).json(),
      'workspace-setup',
    );
    const off = await admin.request({
      method: 'POST',
      url: `/api/v1/resources/${sam}/time-off`,
      payload: { from: today(), to: addDays(today(), 20), reason: 'leave' },
    });
    expect(off.statusCode, off.body).toBe(201);
    const after = task(
      (await admin.request({ method: 'GET', url: `/api/v1/projects/${p.id}` })).json(),
      'workspace-setup',
    );
    expect(after.forecastFinish! > addDays(today(), 20)).toBe(true);
    expect(after.forecastFinish! > before.forecastFinish!).toBe(true);
    // Inactive: the plan still forecasts (the task as unassigned) and other changes keep working.
    expect(
      (await admin.request({ method: 'PATCH', url: `/api/v1/resources/${sam}`, payload: { active: false } }))
        .statusCode,
    ).toBe(200);
    const unassignedFinish = task(
      (await admin.request({ method: 'GET', url: `/api/v1/projects/${p.id}` })).json(),
      'workspace-setup',
    ).forecastFinish!;
    expect(unassignedFinish < after.forecastFinish!).toBe(true);
    expect(
      (
        await admin.request({
          method: 'PATCH',
          url: `/api/v1/projects/${p.id}/tasks/${task(p, 'connect-source').id}`,
          payload: { remainingHours: 4 },
        })
      ).statusCode,
    ).toBe(200);
  });

  it('refuses a task for someone who has no capacity, naming the assignee field, and keeps the plan', async () => {
    const { admin, person, create } = await setUp();
    const idle = await person('Ivy Idle', 'consultant', { weeklyCapacityHours: 0 });
    const p = await create({ name: 'Nobody free', promisedGoLive: addDays(today(), 200) });
    const res = await admin.request({
      method: 'PATCH',
      url: `/api/v1/projects/${p.id}/tasks/${task(p, 'workspace-setup').id}`,
      payload: { assigneeId: idle },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'body.assigneeId' });
    expect(res.json().errors[0].message).toMatch(/no capacity/);
    // Someone away for the whole planning window cannot take it either.
    const away = await person('Al Away', 'consultant');
    await admin.request({
      method: 'POST',
      url: `/api/v1/resources/${away}/time-off`,
      payload: { from: today(), to: addDays(today(), 1200), reason: 'sabbatical' },
    });
    const res2 = await admin.request({
      method: 'PATCH',
      url: `/api/v1/projects/${p.id}/tasks/${task(p, 'workspace-setup').id}`,
      payload: { assigneeId: away },
    });
    expect(res2.statusCode, res2.body).toBe(400);
    expect(res2.json().errors[0].field).toBe('body.assigneeId');
    const unchanged = (await admin.request({ method: 'GET', url: `/api/v1/projects/${p.id}` })).json();
    expect(task(unchanged, 'workspace-setup').assigneeId).toBeNull();
  });
});

describe('partner users', () => {
  it('see and work only their firm’s projects', async () => {
    const { partnerClient, partnerId, accountId, consultant, create } = await setUp();
    const own = await create({ name: 'Partner-delivered', partnerId, promisedGoLive: addDays(today(), 200) });
    const other = await create({ name: 'In-house', partnerId: null, promisedGoLive: addDays(today(), 200) });
    const list = (await partnerClient.request({ method: 'GET', url: '/api/v1/projects?limit=200' }))
      .json()
      .items.map((p: { id: string }) => p.id);
    expect(list).toContain(own.id);
    expect(list).not.toContain(other.id);
    expect((await partnerClient.request({ method: 'GET', url: `/api/v1/projects/${other.id}` })).statusCode).toBe(404);
    const work = await partnerClient.request({
      method: 'PATCH',
      url: `/api/v1/projects/${other.id}/tasks/${other.tasks[0].id}`,
      payload: { state: 'in_progress' },
    });
    expect(work.statusCode).toBe(404);
    const ok = await partnerClient.request({
      method: 'PATCH',
      url: `/api/v1/projects/${own.id}/tasks/${own.tasks[0].id}`,
      payload: { state: 'in_progress' },
    });
    expect(ok.statusCode).toBe(200);
    // Their own people only: the company's consultant is not theirs to assign.
    const assign = await partnerClient.request({
      method: 'PATCH',
      url: `/api/v1/projects/${own.id}/tasks/${own.tasks[2].id}`,
      payload: { assigneeId: consultant },
    });
    expect(assign.statusCode).toBe(400);
    expect(
      (await partnerClient.request({ method: 'POST', url: '/api/v1/projects', payload: { accountId } })).statusCode,
    ).toBe(403);
  });

  it('have their firm’s delivery figures recorded beside the own team’s, for leaders only', async () => {
    const w = await setUp();
    const { admin, partnerClient, partnerId } = w;
    await partnerAndSlippedProjects(w);
    const items = (await admin.request({ method: 'GET', url: '/api/v1/delivery/partners' })).json().items;
    const all = (await admin.request({ method: 'GET', url: '/api/v1/projects?limit=200' })).json().items;
    const firm = items.find((f: { partnerId: string | null }) => f.partnerId === partnerId);
    expect(firm).toMatchObject({
      partnerName: 'Northwind Consulting',
      projects: { total: all.filter((p: { partnerId: string | null }) => p.partnerId === partnerId).length },
    });
    expect(items[0]).toMatchObject({
      partnerId: null,
      partnerName: 'Own team',
      projects: { total: all.filter((p: { partnerId: string | null }) => p.partnerId === null).length },
    });
    expect(items[0].slips.count).toBeGreaterThanOrEqual(2);
    expect((await partnerClient.request({ method: 'GET', url: '/api/v1/delivery/partners' })).statusCode).toBe(403);
  });
});
