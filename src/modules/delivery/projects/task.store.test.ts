import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMilestone, buildProject, buildTask, buildWorkspace } from '../../../../test/helpers/fixtures/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-db.ts';
import {
  selectForecastTasks,
  selectMilestonesOfProjects,
  selectTasks,
  selectTasksOfProjects,
  updateTask,
  updateTaskForecasts,
} from './task.store.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe('project plan store: milestones and tasks (both databases)', () => {
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
});
