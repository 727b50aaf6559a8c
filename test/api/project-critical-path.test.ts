import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

/**
 * The critical path is the chain that decides the go-live milestone, so the stage-2 concentrated-work signal
 * (more than half of the open critical-path effort on one person) weighs the work before go-live only: hypercare
 * planned after go-live, however large and whoever does it, raises nothing; the same effort before go-live does.
 */

let t: TestApp;
let admin: Client;
let accountId: string;
let hana: string;

const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

interface Task {
  id: string;
  key: string;
  milestoneKey: string | null;
  state: string;
  critical: boolean;
  assigneeId: string | null;
  forecastFinish: string | null;
}
interface Project {
  id: string;
  forecastGoLive: string;
  tasks: Task[];
  milestones: Array<{ key: string; goLive: boolean; forecastOn: string | null }>;
}

const create = async (name: string): Promise<Project> => {
  // Promised far ahead so the only signal a project can raise here is the concentrated work.
  const res = await admin.request({
    method: 'POST',
    url: '/api/v1/projects',
    payload: { accountId, name, promisedGoLive: addDays(new Date().toISOString().slice(0, 10), 300) },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

/** Gives one task 200 hours and Hana. */
const loadOnHana = async (p: Project, key: string): Promise<Project> => {
  const task = p.tasks.find((x) => x.key === key)!;
  const res = await admin.request({
    method: 'PATCH',
    url: `/api/v1/projects/${p.id}/tasks/${task.id}`,
    payload: { assigneeId: hana, effortHours: 200 },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

const concentrated = async (p: Project) =>
  (await admin.request({ method: 'GET', url: `/api/v1/signals?accountId=${accountId}&open=true&limit=100` }))
    .json()
    .items.filter(
      (s: { kind: string; evidence: { projectId?: string } }) =>
        s.kind === 'delivery.concentrated_work' && s.evidence.projectId === p.id,
    );

beforeAll(async () => {
  t = await createTestApp();
  const ws = await t.workspace('critical-path');
  admin = await t.login((await t.user(ws, 'admin')).email);
  accountId = (
    await admin.request({ method: 'POST', url: '/api/v1/accounts', payload: { name: 'Hooli', segment: 'smb' } })
  ).json().id;
  const res = await admin.request({
    method: 'POST',
    url: '/api/v1/resources',
    payload: { name: 'Hana Hypercare', role: 'consultant', weeklyCapacityHours: 40, costRate: 80, billRate: 180 },
  });
  expect(res.statusCode, res.body).toBe(201);
  hana = res.json().id;
});
afterAll(() => t?.close());

describe('critical path to the go-live milestone', () => {
  it('hypercare after go-live on one person is not critical and raises no concentrated-work signal', async () => {
    const created = await create('Hypercare on Hana');
    const goLive = created.milestones.find((m) => m.goLive)!;
    // The playbook plans a check-in after go-live, outside the go-live milestone.
    const after = created.tasks.find((x) => x.milestoneKey === null && x.forecastFinish! > goLive.forecastOn!)!;
    expect(after).toBeDefined();
    expect(created.tasks.some((x) => x.milestoneKey === goLive.key && x.critical)).toBe(true);

    const p = await loadOnHana(created, after.key);
    expect(await concentrated(p)).toEqual([]);
    const hypercare = p.tasks.find((x) => x.id === after.id)!;
    expect(hypercare).toMatchObject({ assigneeId: hana, critical: false });
    // 200 hours after go-live end the plan weeks later, and move neither the go-live nor the critical path.
    expect(hypercare.forecastFinish! > addDays(p.forecastGoLive, 20)).toBe(true);
    expect(p.forecastGoLive).toBe(created.forecastGoLive);
    expect(p.tasks.filter((x) => x.critical).map((x) => x.key)).toEqual(
      created.tasks.filter((x) => x.critical).map((x) => x.key),
    );
    expect(p.tasks.filter((x) => x.critical && x.assigneeId === hana)).toEqual([]);
  });

  it('the same effort on one person before go-live is critical and raises the signal', async () => {
    const created = await create('Cutover on Hana');
    const goLive = created.milestones.find((m) => m.goLive)!;
    // The go-live milestone's last task: the chain to the go-live runs through it.
    const last = created.tasks
      .filter((x) => x.milestoneKey === goLive.key)
      .sort((a, b) => a.forecastFinish!.localeCompare(b.forecastFinish!))
      .at(-1)!;

    const p = await loadOnHana(created, last.key);
    expect(p.tasks.find((x) => x.id === last.id)).toMatchObject({ assigneeId: hana, critical: true });
    expect(p.forecastGoLive > created.forecastGoLive).toBe(true);
    const [signal, ...more] = await concentrated(p);
    expect(more).toEqual([]);
    expect(signal.evidence).toMatchObject({ resourceId: hana, person: 'Hana Hypercare' });
    expect(signal.evidence.share).toBeGreaterThan(0.5);
  });
});
