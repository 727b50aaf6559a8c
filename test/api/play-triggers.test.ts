import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPOSITION } from '../../src/app/modules.ts';
import { addDays } from '../../src/modules/plays/play.ts';
import { enqueueJob } from '../../src/platform/jobs/job.service.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

/**
 * The triggers that come with a step of the journey or an expansion sign: each starts its play at once (or in the
 * daily run), once per occurrence, and only on the accounts it concerns.
 */

const NOW = new Date('2026-11-20T12:00:00.000Z');
const TODAY = '2026-11-20';

let t: TestApp;
let slugs = 0;
beforeAll(async () => {
  t = await createTestApp({}, { now: () => NOW });
});
afterAll(async () => t?.close());

type Run = { id: string; status: string; startedOn: string; trigger: string; tasks: Array<{ due: string }> };
type Task = { id: string; state: string; dependsOn: string[]; key: string; milestoneKey: string | null };
type Project = {
  id: string;
  tasks: Task[];
  milestones: Array<{ key: string; firstValue: boolean }>;
  firstValueOn: string | null;
  goLiveChecklist: string[];
};

async function setUp() {
  const ws = await t.workspace(`play-triggers-${++slugs}`);
  const admin = await t.login((await t.user(ws, 'admin')).email);
  const account = async (name: string) => {
    const res = await admin.request({ method: 'POST', url: '/api/v1/accounts', payload: { name, segment: 'smb' } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const play = async (trigger: object, name = 'Play') => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/plays',
      payload: { name, trigger, tasks: [{ title: 'Call the sponsor', role: 'csm', dueInDays: 3 }] },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; triggerWords: string };
  };
  const project = async (accountId: string): Promise<Project> => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/projects',
      payload: { accountId, promisedGoLive: addDays(TODAY, 90) },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const post = async (url: string, payload: object = {}) => {
    const res = await admin.request({ method: 'POST', url, payload });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  return { ws, admin, account, play, project, post };
}

const runsOf = async (c: Client, playId: string): Promise<Run[]> => {
  const res = await c.request({ method: 'GET', url: `/api/v1/plays/${playId}/runs` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
};

async function runDaily(workspaceId: string, now = NOW) {
  await enqueueJob(t.ctx.db, COMPOSITION.jobs, { type: 'plays.daily', payload: {}, workspaceId, runAt: now });
  expect(await t.runJobs({ now })).toEqual([]);
}

/** Marks every task done in dependency order, as a delivery lead would. */
async function finishTasks(admin: Client, p: Project): Promise<Project> {
  let cur = p;
  for (let round = 0; round < 20 && cur.tasks.some((x) => x.state !== 'done'); round++)
    for (const x of cur.tasks) {
      if (x.state === 'done' || x.dependsOn.some((d) => cur.tasks.find((y) => y.key === d)?.state !== 'done')) continue;
      const res = await admin.request({
        method: 'PATCH',
        url: `/api/v1/projects/${p.id}/tasks/${x.id}`,
        payload: { state: 'done' },
      });
      expect(res.statusCode, res.body).toBe(200);
      cur = res.json();
    }
  return cur;
}

describe('lifecycle triggers from delivery', () => {
  it('starts a kickoff play when the project kicks off, once, and not for a kickoff recorded weeks late', async () => {
    const { admin, account, play, project, post } = await setUp();
    const kickoff = await play({ type: 'kickoff' });
    expect(kickoff.triggerWords).toBe('when the project kicks off');
    const acme = await account('Acme');
    const late = await account('Late Co');
    const p = await project(acme);
    const q = await project(late);
    expect(await runsOf(admin, kickoff.id)).toEqual([]);

    await post(`/api/v1/projects/${p.id}/kickoff`);
    await post(`/api/v1/projects/${q.id}/kickoff`, { on: addDays(TODAY, -30) });
    const runs = await runsOf(admin, kickoff.id);
    expect(runs.map((r) => [r.status, r.startedOn, r.trigger, r.tasks[0]?.due])).toEqual([
      ['open', TODAY, `Acme: project kicked off on ${TODAY}, when the project kicks off`, addDays(TODAY, 3)],
    ]);
  });

  it('starts first-value and go-live plays at once, each once; the daily catch-up starts no second run', async () => {
    const { ws, admin, account, play, project, post } = await setUp();
    const firstValue = await play({ type: 'first_value' }, 'First value story');
    const hypercare = (
      (await admin.request({ method: 'GET', url: '/api/v1/plays' })).json().items as Array<{
        id: string;
        builtinKey: string;
      }>
    ).find((x) => x.builtinKey === 'hypercare-30')!;
    const acme = await account('Acme');
    const idle = await account('Idle Co');
    await post(`/api/v1/projects/${(await project(idle)).id}/kickoff`);
    const p = await project(acme);
    await post(`/api/v1/projects/${p.id}/kickoff`);

    const done = await finishTasks(admin, p);
    expect(done.firstValueOn).toBe(TODAY);
    const [fv, ...more] = await runsOf(admin, firstValue.id);
    expect(more).toEqual([]);
    expect(fv?.trigger).toBe(`Acme: first value reached on ${TODAY}, when the customer reaches first value`);

    // Un-reached and reached again: the same occurrence, no second run.
    const fvKey = done.milestones.find((m) => m.firstValue)!.key;
    const reopened = await admin.request({
      method: 'PATCH',
      url: `/api/v1/projects/${p.id}/tasks/${done.tasks.find((x) => x.milestoneKey === fvKey)!.id}`,
      payload: { state: 'todo' },
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json().firstValueOn).toBeNull();
    await finishTasks(admin, reopened.json());
    expect(await runsOf(admin, firstValue.id)).toHaveLength(1);

    expect(await runsOf(admin, hypercare.id)).toEqual([]);
    await post(`/api/v1/projects/${p.id}/go-live`, { checklist: p.goLiveChecklist });
    const live = await runsOf(admin, hypercare.id);
    expect(live.map((r) => [r.startedOn, r.trigger])).toEqual([
      [TODAY, `Acme: went live on ${TODAY}, on the go-live day`],
    ]);
    await runDaily(ws);
    await runDaily(ws, new Date(`${addDays(TODAY, 2)}T12:00:00.000Z`));
    expect(await runsOf(admin, hypercare.id)).toHaveLength(1);
  });
});
