import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

/**
 * A project's go-live against its promise: lateness measured at the go-live milestone, never shown without the
 * slips that explain it; slips and new promises recorded by hand with their reason and who agreed them; dates that
 * contradict the project's own history refused naming the field.
 */

let t: TestApp;
let admin: Client;
let accountId: string;
let consultant: string;

const today = () => new Date().toISOString().slice(0, 10);
const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

interface Slip {
  promisedGoLive: string;
  toForecast: string;
  days: number;
  reasonCode: string | null;
}
interface Project {
  id: string;
  late: boolean;
  promisedGoLive: string | null;
  forecastGoLive: string | null;
  slips: Slip[];
  metrics: { daysLate: number | null; queueWaitDays: number | null };
  tasks: Array<{
    id: string;
    key: string;
    milestoneKey: string | null;
    forecastFinish: string | null;
    customerOwned: boolean;
  }>;
  milestones: Array<{ key: string; goLive: boolean; forecastOn: string | null }>;
  promiseChanges: Array<Record<string, unknown>>;
  events: Array<{ kind: string; detail: Record<string, unknown> }>;
}

/** Late is never shown without a slip against the promise that explains it. */
const explained = (p: Project) => !p.late || p.slips.some((s) => s.promisedGoLive === p.promisedGoLive);

const create = async (payload: Record<string, unknown>): Promise<Project> => {
  const res = await admin.request({ method: 'POST', url: '/api/v1/projects', payload: { accountId, ...payload } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
const get = async (id: string): Promise<Project> =>
  (await admin.request({ method: 'GET', url: `/api/v1/projects/${id}` })).json();

beforeAll(async () => {
  t = await createTestApp();
  const ws = await t.workspace('promises');
  admin = await t.login((await t.user(ws, 'admin')).email);
  accountId = (
    await admin.request({ method: 'POST', url: '/api/v1/accounts', payload: { name: 'Initech', segment: 'smb' } })
  ).json().id;
  consultant = (
    await admin.request({
      method: 'POST',
      url: '/api/v1/resources',
      payload: { name: 'Peter', role: 'consultant', weeklyCapacityHours: 40, costRate: 80, billRate: 180 },
    })
  ).json().id;
});
afterAll(() => t?.close());

describe('go-live forecast', () => {
  it('is the go-live milestone’s day: work planned after go-live does not make the project late', async () => {
    const p = await create({ promisedGoLive: addDays(today(), 200) });
    const goLive = p.milestones.find((m) => m.goLive)!;
    const lastFinish = p.tasks
      .map((x) => x.forecastFinish!)
      .sort()
      .at(-1)!;
    // The playbook plans a check-in a week after go-live: the plan ends after the go-live milestone.
    expect(lastFinish > goLive.forecastOn!).toBe(true);
    expect(p.forecastGoLive).toBe(goLive.forecastOn);
    // Promised on the go-live milestone's day: on time, though the last task ends later.
    const onTime = (
      await admin.request({
        method: 'PATCH',
        url: `/api/v1/projects/${p.id}`,
        payload: { promisedGoLive: goLive.forecastOn },
      })
    ).json() as Project;
    expect(onTime).toMatchObject({ late: false, slips: [], metrics: { daysLate: 0 } });
  });

  it('a project shown late always has the slip that explains it, even when the promise, not the forecast, moved', async () => {
    const p = await create({ promisedGoLive: addDays(today(), 200) });
    expect(p.slips).toEqual([]);
    const earlier = addDays(p.forecastGoLive!, -10);
    const res = await admin.request({
      method: 'PATCH',
      url: `/api/v1/projects/${p.id}`,
      payload: { promisedGoLive: earlier },
    });
    expect(res.statusCode, res.body).toBe(200);
    const late = res.json() as Project;
    expect(late.late).toBe(true);
    expect(late.metrics.daysLate).toBe(10);
    expect(late.slips).toEqual([
      expect.objectContaining({ promisedGoLive: earlier, toForecast: late.forecastGoLive, days: 10 }),
    ]);
    expect(explained(late)).toBe(true);
    // Recomputing again records nothing more: the slip stands for this lateness.
    await admin.request({ method: 'POST', url: '/api/v1/delivery/forecast/recompute', payload: {} });
    expect((await get(p.id)).slips).toHaveLength(1);
  });
});

describe('slips and promises recorded by hand', () => {
  it('records a slip the plan does not show, with its reason, on the timeline and in the audit log', async () => {
    const p = await create({ promisedGoLive: addDays(today(), 200) });
    const bad = await admin.request({
      method: 'POST',
      url: `/api/v1/projects/${p.id}/slips`,
      payload: { expectedOn: addDays(today(), 150), reason: { code: 'customer_delay' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'body.expectedOn' });
    const noReason = await admin.request({
      method: 'POST',
      url: `/api/v1/projects/${p.id}/slips`,
      payload: { expectedOn: addDays(today(), 220) },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].field).toMatch(/^body\.reason/);
    expect((await get(p.id)).slips).toEqual([]);

    const res = await admin.request({
      method: 'POST',
      url: `/api/v1/projects/${p.id}/slips`,
      payload: {
        expectedOn: addDays(today(), 221),
        reason: { code: 'customer_delay', note: 'Their IT freeze until spring' },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const after = res.json() as Project;
    expect(after.slips).toEqual([
      expect.objectContaining({
        promisedGoLive: addDays(today(), 200),
        toForecast: addDays(today(), 221),
        days: 21,
        reasonCode: 'customer_delay',
        note: 'Their IT freeze until spring',
      }),
    ]);
    expect(after.events.find((e) => e.kind === 'slipped')?.detail).toMatchObject({
      byHand: true,
      reason: 'customer_delay',
    });
    const audit = (await admin.request({ method: 'GET', url: '/api/v1/audit-log?limit=20' })).json().items;
    expect(audit.map((a: { action: string }) => a.action)).toContain('project.slip.record');
  });

  it('agrees a new promise with its reason and who agreed it; later slips are measured against it', async () => {
    const p = await create({ promisedGoLive: addDays(today(), 200) });
    await admin.request({ method: 'POST', url: `/api/v1/projects/${p.id}/kickoff`, payload: {} });
    const late = (
      await admin.request({
        method: 'PATCH',
        url: `/api/v1/projects/${p.id}`,
        payload: { promisedGoLive: addDays(p.forecastGoLive!, -20) },
      })
    ).json() as Project;
    expect(late.late).toBe(true);

    // Refused: a date before the kickoff, no one named as agreeing it. Nothing changes.
    const before = await admin.request({
      method: 'POST',
      url: `/api/v1/projects/${p.id}/promise`,
      payload: {
        promisedGoLive: addDays(today(), -3),
        reason: { code: 'customer_delay' },
        agreedBy: 'Bill',
        customerAgreed: true,
      },
    });
    expect(before.statusCode).toBe(400);
    expect(before.json().errors[0]).toMatchObject({ field: 'body.promisedGoLive' });
    expect(before.json().errors[0].message).toMatch(/kickoff/);
    const nobody = await admin.request({
      method: 'POST',
      url: `/api/v1/projects/${p.id}/promise`,
      payload: {
        promisedGoLive: addDays(today(), 300),
        reason: { code: 'customer_delay' },
        agreedBy: ' ',
        customerAgreed: true,
      },
    });
    expect(nobody.statusCode).toBe(400);
    expect(nobody.json().errors[0].field).toBe('body.agreedBy');
    expect((await get(p.id)).promisedGoLive).toBe(late.promisedGoLive);

    const agreed = await admin.request({
      method: 'POST',
      url: `/api/v1/projects/${p.id}/promise`,
      payload: {
        promisedGoLive: addDays(p.forecastGoLive!, 5),
        reason: { code: 'scope_change', note: 'Second region added' },
        agreedBy: 'Bill Lumbergh (sponsor)',
        customerAgreed: true,
      },
    });
    expect(agreed.statusCode, agreed.body).toBe(200);
    const rebased = agreed.json() as Project;
    expect(rebased).toMatchObject({ late: false, promisedGoLive: addDays(p.forecastGoLive!, 5) });
    expect(rebased.promiseChanges).toEqual([
      expect.objectContaining({
        from: late.promisedGoLive,
        to: addDays(p.forecastGoLive!, 5),
        reasonCode: 'scope_change',
        note: 'Second region added',
        agreedBy: 'Bill Lumbergh (sponsor)',
        customerAgreed: true,
      }),
    ]);
    // The earlier slip stays in the history, against the promise of its day.
    expect(rebased.slips).toEqual([expect.objectContaining({ promisedGoLive: late.promisedGoLive })]);
    const audit = (await admin.request({ method: 'GET', url: '/api/v1/audit-log?limit=20' })).json().items;
    expect(audit.find((a: { action: string }) => a.action === 'project.promise.change')).toBeDefined();

    // Work grows: the next slip is measured against the new promise.
    const work = rebased.tasks.find((x) => !x.customerOwned && x.milestoneKey !== null)!;
    const grown = (
      await admin.request({
        method: 'PATCH',
        url: `/api/v1/projects/${p.id}/tasks/${work.id}`,
        payload: { effortHours: 400, assigneeId: consultant },
      })
    ).json() as Project;
    expect(grown.late).toBe(true);
    expect(grown.slips).toHaveLength(2);
    expect(grown.slips[1]).toMatchObject({ promisedGoLive: rebased.promisedGoLive, toForecast: grown.forecastGoLive });
    expect(explained(grown)).toBe(true);
  });
});

describe('dates that contradict the record’s own history', () => {
  it('refuses a kickoff before the deal was signed, or long before an unsigned project existed, naming the field', async () => {
    const signed = addDays(today(), -20);
    const p = await create({ signedOn: signed, promisedGoLive: addDays(today(), 200) });
    const early = await admin.request({
      method: 'POST',
      url: `/api/v1/projects/${p.id}/kickoff`,
      payload: { on: addDays(signed, -1) },
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0]).toMatchObject({ field: 'body.on' });
    expect(early.json().errors[0].message).toMatch(/signed/);
    const unsigned = await create({ promisedGoLive: addDays(today(), 200) });
    const ancient = await admin.request({
      method: 'POST',
      url: `/api/v1/projects/${unsigned.id}/kickoff`,
      payload: { on: '1999-01-01' },
    });
    expect(ancient.statusCode).toBe(400);
    expect(ancient.json().errors[0].field).toBe('body.on');
    expect((await get(unsigned.id)).metrics.queueWaitDays).toBe(0);
    expect((await get(p.id)).metrics.queueWaitDays).toBe(20);

    const ok = await admin.request({
      method: 'POST',
      url: `/api/v1/projects/${p.id}/kickoff`,
      payload: { on: addDays(signed, 3) },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().metrics.queueWaitDays).toBe(3);
  });

  it('refuses a promise or planned kickoff before the signature, and a future signature', async () => {
    const signed = addDays(today(), -20);
    for (const [payload, field] of [
      [{ signedOn: signed, promisedGoLive: addDays(signed, -1) }, 'body.promisedGoLive'],
      [{ signedOn: signed, plannedKickoffOn: addDays(signed, -1) }, 'body.plannedKickoffOn'],
      [{ plannedKickoffOn: addDays(today(), 30), promisedGoLive: addDays(today(), 10) }, 'body.promisedGoLive'],
      [{ signedOn: addDays(today(), 2) }, 'body.signedOn'],
    ] as const) {
      const res = await admin.request({ method: 'POST', url: '/api/v1/projects', payload: { accountId, ...payload } });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().errors[0].field).toBe(field);
    }
  });

  it('refuses time logged before the deal was signed; time before kickoff (preparation) counts', async () => {
    const signed = addDays(today(), -20);
    const p = await create({ signedOn: signed, promisedGoLive: addDays(today(), 200) });
    const entry = (date: string) =>
      admin.request({
        method: 'POST',
        url: '/api/v1/time-entries',
        payload: { projectId: p.id, resourceId: consultant, date, hours: 2 },
      });
    const before = await entry(addDays(signed, -1));
    expect(before.statusCode).toBe(400);
    expect(before.json().errors[0]).toMatchObject({ field: 'body.date' });
    expect(before.json().errors[0].message).toMatch(/signed/);
    expect((await entry(signed)).statusCode).toBe(201);
  });
});

describe('assigning someone who is away', () => {
  it('says what the assignment would do before it is made, and records the slip’s reason as the assignment', async () => {
    const p = await create({ promisedGoLive: addDays(today(), 120) });
    await admin.request({ method: 'POST', url: `/api/v1/projects/${p.id}/kickoff`, payload: {} });
    const away = (
      await admin.request({
        method: 'POST',
        url: '/api/v1/resources',
        payload: { name: 'Milton', role: 'consultant', weeklyCapacityHours: 40, costRate: 60, billRate: 120 },
      })
    ).json().id;
    const until = addDays(today(), 365);
    expect(
      (
        await admin.request({
          method: 'POST',
          url: `/api/v1/resources/${away}/time-off`,
          payload: { from: today(), to: until, reason: 'sabbatical' },
        })
      ).statusCode,
    ).toBe(201);
    const work = (await get(p.id)).tasks.find((x) => !x.customerOwned && x.milestoneKey !== null)!;
    const url = `/api/v1/projects/${p.id}/tasks/${work.id}`;

    const preview = await admin.request({
      method: 'POST',
      url: `${url}/assignment-preview`,
      payload: { assigneeId: away },
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const what = preview.json();
    expect(what.goLiveMovesDays).toBeGreaterThan(300);
    expect(what).toMatchObject({
      assigneeName: 'Milton',
      late: true,
      forecastGoLive: { from: p.forecastGoLive },
      timeOff: [{ from: today(), to: until }],
      slipReason: { code: 'resource_unavailable' },
    });
    expect(what.task.to.start > until).toBe(true);
    expect(what.warning).toContain(`${what.goLiveMovesDays} days later`);
    expect(what.warning).toContain(`Milton is on time off ${today()} → ${until}`);
    // A preview writes nothing.
    const unchanged = await get(p.id);
    expect(unchanged.forecastGoLive).toBe(p.forecastGoLive);
    expect(unchanged.slips).toEqual([]);
    expect(
      (
        await admin.request({ method: 'POST', url: `${url}/assignment-preview`, payload: { assigneeId: 'nobody' } })
      ).json().errors[0].field,
    ).toBe('body.assigneeId');

    // Confirmed: the slip it causes carries the assignment as its reason.
    const assigned = (await admin.request({ method: 'PATCH', url, payload: { assigneeId: away } })).json() as Project;
    expect(assigned.forecastGoLive).toBe(what.forecastGoLive.to);
    expect(assigned.slips).toEqual([
      expect.objectContaining({
        reasonCode: 'resource_unavailable',
        note: `assigned to Milton, on time off ${today()} → ${until}`,
      }),
    ]);
  });
});
