import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAccount,
  buildMilestone,
  buildPartner,
  buildPlaybook,
  buildProject,
  buildTask,
  buildWorkspace,
  fixtureId,
} from '../../../../test/helpers/fixtures/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-db.ts';
import {
  findProject,
  findProjectByHandoff,
  selectCompletedDurations,
  selectPlannedProjects,
  selectProjects,
  selectProjectsByIds,
  updateProject,
} from './project.store.ts';
import {
  selectForecastTasks,
  selectMilestonesOfProjects,
  selectTasks,
  selectTasksOfProjects,
  updateTask,
  updateTaskForecasts,
} from './task.store.ts';
import {
  deleteEvents,
  deleteSlips,
  insertEvent,
  insertSlip,
  selectEvents,
  selectScopeChanges,
  selectSlips,
  selectSlipsOfProjects,
} from './timeline.store.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
const all = (workspaceId: string) => ({ workspaceId, partnerId: null });

describe('project store (both databases)', () => {
  it('lists projects newest first and pages by (created_at, id) through equal times', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    await buildProject(t.db, (await buildWorkspace(t.db)).id);
    const at = '2026-11-10T00:00:00.000Z';
    const older = await buildProject(t.db, ws, { created_at: '2026-11-01T00:00:00.000Z' });
    const a = await buildProject(t.db, ws, { created_at: at });
    const b = await buildProject(t.db, ws, { created_at: at });
    const first = await selectProjects(t.db, all(ws), { limit: 2 });
    expect(ids(first)).toEqual([b.id, a.id]);
    const before = { createdAt: a.created_at, id: a.id };
    expect(ids(await selectProjects(t.db, all(ws), { before, limit: 2 }))).toEqual([older.id]);
  });

  it('filters by status, account, playbook, name and lateness against the promise', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const account = await buildAccount(t.db, ws);
    const playbook = await buildPlaybook(t.db, ws);
    const late = await buildProject(t.db, ws, {
      name: 'Late rollout',
      promised_go_live: '2027-01-10',
      forecast_go_live: '2027-01-11',
      account_id: account.id,
    });
    const onTime = await buildProject(t.db, ws, {
      name: 'On time',
      promised_go_live: '2027-01-10',
      forecast_go_live: '2027-01-10',
      playbook_id: playbook.id,
    });
    const unpromised = await buildProject(t.db, ws, {
      name: 'No promise',
      forecast_go_live: '2027-05-01',
      status: 'queued',
    });
    const unforecast = await buildProject(t.db, ws, {
      name: 'Not forecast',
      promised_go_live: '2027-01-10',
      status: 'live',
    });
    const list = async (f: Omit<Parameters<typeof selectProjects>[2], 'limit'>) =>
      ids(await selectProjects(t.db, all(ws), { ...f, limit: 10 })).sort();

    expect(await list({ late: true })).toEqual([late.id]);
    expect(await list({ late: false })).toEqual([onTime.id, unpromised.id, unforecast.id].sort());
    expect(await list({ statuses: ['queued', 'live'] })).toEqual([unpromised.id, unforecast.id].sort());
    expect(await list({ accountId: account.id })).toEqual([late.id]);
    expect(await list({ playbookId: playbook.id })).toEqual([onTime.id]);
    expect(await list({ q: 'rollout' })).toEqual([late.id]);
    expect(await list({ q: 'e_r' }), 'wildcards dropped: "e r" would match, no name holds "er"').toEqual([]);
    expect(ids(await selectPlannedProjects(t.db, ws)).sort()).toEqual([late.id, onTime.id, unpromised.id].sort());
  });

  it("shows a partner firm only its own projects, and no scope another workspace's", async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const firm = (await buildPartner(t.db, ws)).id;
    const rival = (await buildPartner(t.db, ws)).id;
    const own = await buildProject(t.db, ws, { partner_id: firm });
    const rivals = await buildProject(t.db, ws, { partner_id: rival });
    const inHouse = await buildProject(t.db, ws);
    const theirs = await buildProject(t.db, (await buildWorkspace(t.db)).id);
    const firmScope = { workspaceId: ws, partnerId: firm };

    expect(ids(await selectProjects(t.db, firmScope, { limit: 10 }))).toEqual([own.id]);
    expect(await findProject(t.db, firmScope, rivals.id)).toBeUndefined();
    expect(await findProject(t.db, firmScope, own.id)).toEqual(own);
    expect(ids(await selectProjects(t.db, all(ws), { partnerId: rival, limit: 10 }))).toEqual([rivals.id]);
    expect(await findProject(t.db, all(ws), theirs.id)).toBeUndefined();
    expect(ids(await selectProjectsByIds(t.db, ws, [own.id, inHouse.id, theirs.id])).sort()).toEqual(
      [own.id, inHouse.id].sort(),
    );
    await updateProject(t.db, ws, theirs.id, { name: 'Taken over' });
    expect((await findProject(t.db, all(theirs.workspace_id), theirs.id))?.name).toBe(theirs.name);
  });

  it('reads tasks and milestones in plan order, per project or for many projects at once', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const p = await buildProject(t.db, ws);
    const q = await buildProject(t.db, ws);
    const second = await buildTask(t.db, p, { sort: 2 });
    const first = await buildTask(t.db, p, { sort: 1 });
    const other = await buildTask(t.db, q, { sort: 0 });
    const m2 = await buildMilestone(t.db, p, { sort: 2 });
    const m1 = await buildMilestone(t.db, q, { sort: 1 });

    expect(ids(await selectTasks(t.db, ws, p.id))).toEqual([first.id, second.id]);
    expect(ids(await selectTasksOfProjects(t.db, ws, [p.id, q.id]))).toEqual([other.id, first.id, second.id]);
    const forecast = await selectForecastTasks(t.db, ws, [q.id, p.id]);
    expect(forecast.map((r) => r.id)).toEqual(
      p.id < q.id ? [first.id, second.id, other.id] : [other.id, first.id, second.id],
    );
    expect(Object.keys(forecast[0]!)).not.toContain('effort_hours');
    expect(ids(await selectMilestonesOfProjects(t.db, ws, [p.id, q.id]))).toEqual([m1.id, m2.id]);
    expect(await selectTasks(t.db, (await buildWorkspace(t.db)).id, p.id)).toEqual([]);
    expect(await selectTasksOfProjects(t.db, ws, [])).toEqual([]);
  });

  it("writes forecasts to many tasks with one compiled statement, never another workspace's task", async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const p = await buildProject(t.db, ws);
    const tasks = [await buildTask(t.db, p), await buildTask(t.db, p)];
    const theirs = await buildTask(t.db, await buildProject(t.db, (await buildWorkspace(t.db)).id));
    await updateTaskForecasts(t.db, ws, [
      { id: tasks[0]!.id, start: '2026-12-01', finish: '2026-12-02', critical: 1 },
      { id: tasks[1]!.id, start: '2026-12-03', finish: '2026-12-04', critical: 0 },
      { id: theirs.id, start: '2026-12-05', finish: '2026-12-06', critical: 1 },
    ]);
    await updateTaskForecasts(t.db, ws, []);
    const back = await selectTasks(t.db, ws, p.id);
    expect(back.map((r) => [r.forecast_start, r.forecast_finish, r.critical])).toEqual([
      ['2026-12-01', '2026-12-02', 1],
      ['2026-12-03', '2026-12-04', 0],
    ]);
    expect((await selectTasks(t.db, theirs.workspace_id, theirs.project_id))[0]).toEqual(theirs);
    await updateTask(t.db, theirs.workspace_id, theirs.id, { state: 'done', done_on: '2026-11-30' });
    expect((await selectTasks(t.db, theirs.workspace_id, theirs.project_id))[0]).toMatchObject({ state: 'done' });
  });

  it('keeps the timeline newest first (ties by id), filters it by kind, and deletes only the kinds named', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const p = await buildProject(t.db, ws);
    const q = await buildProject(t.db, ws);
    const event = (projectId: string, at: string, kind: string) => ({
      id: fixtureId(),
      workspace_id: ws,
      project_id: projectId,
      at,
      actor_kind: 'system',
      actor_label: 'baton',
      kind,
      task_id: null,
      detail: '{}',
    });
    const e1 = event(p.id, '2026-11-01T00:00:00.000Z', 'kicked_off');
    const e2 = event(p.id, '2026-11-02T00:00:00.000Z', 'scope_changed');
    const e3 = event(p.id, '2026-11-02T00:00:00.000Z', 'forecast_changed');
    const e4 = event(q.id, '2026-11-03T00:00:00.000Z', 'scope_changed');
    for (const e of [e1, e2, e3, e4]) await insertEvent(t.db, e);

    expect(ids(await selectEvents(t.db, ws, p.id, 10))).toEqual([e3.id, e2.id, e1.id]);
    expect(ids(await selectEvents(t.db, ws, p.id, 2))).toEqual([e3.id, e2.id]);
    expect(ids(await selectEvents(t.db, ws, p.id, 10, ['kicked_off']))).toEqual([e1.id]);
    expect(ids(await selectScopeChanges(t.db, ws, [p.id, q.id])).sort()).toEqual([e2.id, e4.id].sort());
    await deleteEvents(t.db, ws, [p.id], ['forecast_changed', 'scope_changed']);
    expect(ids(await selectEvents(t.db, ws, p.id, 10))).toEqual([e1.id]);
    expect(ids(await selectEvents(t.db, ws, q.id, 10))).toEqual([e4.id]);
  });

  it('keeps slips in the order recorded, and deletes those of the given projects only', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const p = await buildProject(t.db, ws);
    const q = await buildProject(t.db, ws);
    const slip = (projectId: string, recorded_at: string) => ({
      id: fixtureId(),
      workspace_id: ws,
      project_id: projectId,
      recorded_at,
      promised_go_live: '2027-01-10',
      from_forecast: null,
      to_forecast: '2027-01-20',
      days: 10,
      reason_code: null,
      note: null,
      explained_by_label: null,
      explained_at: null,
    });
    const later = slip(p.id, '2026-11-05T00:00:00.000Z');
    const earlier = slip(p.id, '2026-11-01T00:00:00.000Z');
    const qs = slip(q.id, '2026-11-03T00:00:00.000Z');
    for (const s of [later, earlier, qs]) await insertSlip(t.db, s);
    expect(await selectSlips(t.db, ws, p.id)).toEqual([earlier, later]);
    expect(ids(await selectSlipsOfProjects(t.db, ws, [p.id, q.id]))).toEqual([earlier.id, qs.id, later.id]);
    await deleteSlips(t.db, ws, [p.id]);
    expect(ids(await selectSlipsOfProjects(t.db, ws, [p.id, q.id]))).toEqual([qs.id]);
  });

  it('finds a project by its handoff, and the durations of completed projects only', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const p = await buildProject(t.db, ws, { handoff_id: null });
    await buildProject(t.db, ws, {
      status: 'live',
      kickoff_on: '2026-01-05',
      go_live_on: '2026-03-02',
      playbook_id: p.playbook_id,
    });
    await buildProject(t.db, ws, { status: 'closed', kickoff_on: '2026-02-02', go_live_on: null });
    await buildProject(t.db, ws, { status: 'active', kickoff_on: '2026-02-02', go_live_on: '2026-04-01' });
    expect(await selectCompletedDurations(t.db, ws)).toEqual([
      { playbook_id: p.playbook_id, kickoff_on: '2026-01-05', go_live_on: '2026-03-02' },
    ]);
    expect(await findProjectByHandoff(t.db, ws, 'no-such-handoff')).toBeUndefined();
  });
});
