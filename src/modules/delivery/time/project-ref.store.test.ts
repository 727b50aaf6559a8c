import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildPartner,
  buildProject,
  buildTask,
  buildWorkspace,
  fixtureId,
} from '../../../../test/helpers/fixtures/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-db.ts';
import { insertRework } from '../projects/timeline.store.ts';
import {
  findProjectRef,
  findTaskRef,
  selectProjectRefs,
  selectProjectsByNameOrId,
  selectReworkOf,
  selectTaskEstimates,
  selectTaskNames,
  selectTasksByKeyOrName,
} from './project-ref.store.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

describe('project references for time (both databases)', () => {
  it('reads projects oldest first, narrowed to a partner firm, and finds one by id or name in any case', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const firm = (await buildPartner(t.db, ws)).id;
    const later = await buildProject(t.db, ws, { name: 'Umbrella rollout', created_at: '2026-11-02T00:00:00.000Z' });
    const earlier = await buildProject(t.db, ws, { partner_id: firm, created_at: '2026-11-01T00:00:00.000Z' });
    const theirs = await buildProject(t.db, (await buildWorkspace(t.db)).id, { name: 'Umbrella rollout' });
    const all = { workspaceId: ws, partnerId: null };

    expect((await selectProjectRefs(t.db, all)).map((p) => p.id)).toEqual([earlier.id, later.id]);
    expect((await selectProjectRefs(t.db, { workspaceId: ws, partnerId: firm })).map((p) => p.id)).toEqual([
      earlier.id,
    ]);
    expect(await findProjectRef(t.db, all, theirs.id)).toBeUndefined();
    expect(await findProjectRef(t.db, { workspaceId: ws, partnerId: firm }, later.id)).toBeUndefined();
    expect(await findProjectRef(t.db, all, later.id)).toEqual({
      id: later.id,
      name: 'Umbrella rollout',
      status: 'active',
      partner_id: null,
      commercial_model: null,
      services_fee: null,
      currency: 'USD',
      signed_on: null,
      accepted_on: later.accepted_on,
      created_at: later.created_at,
    });
    expect((await selectProjectsByNameOrId(t.db, all, 'UMBRELLA ROLLOUT')).map((p) => p.id)).toEqual([later.id]);
    expect((await selectProjectsByNameOrId(t.db, all, earlier.id)).map((p) => p.id)).toEqual([earlier.id]);
    expect(await selectProjectsByNameOrId(t.db, { workspaceId: ws, partnerId: firm }, 'umbrella rollout')).toEqual([]);
  });

  it("finds a project's tasks by key or name in any case, and reads tasks and rework of many projects", async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const p = await buildProject(t.db, ws);
    const q = await buildProject(t.db, ws);
    const welcome = await buildTask(t.db, p, { key: 'welcome-call', name: 'Welcome call', sort: 2, effort_hours: 3 });
    const setup = await buildTask(t.db, p, { key: 'setup', name: 'Setup', sort: 1 });
    const qTask = await buildTask(t.db, q, { key: 'welcome-call', name: 'Welcome call', sort: 1 });

    expect((await selectTasksByKeyOrName(t.db, ws, p.id, 'welcome-call')).map((r) => r.id)).toEqual([welcome.id]);
    expect((await selectTasksByKeyOrName(t.db, ws, p.id, 'WELCOME CALL')).map((r) => r.id)).toEqual([welcome.id]);
    expect(await selectTasksByKeyOrName(t.db, ws, p.id, 'Welcome-Call'), 'keys are matched exactly').toEqual([]);
    expect(await findTaskRef(t.db, ws, qTask.id)).toEqual({
      id: qTask.id,
      project_id: q.id,
      key: 'welcome-call',
      name: 'Welcome call',
    });
    expect(await findTaskRef(t.db, (await buildWorkspace(t.db)).id, qTask.id)).toBeUndefined();

    const names = await selectTaskNames(t.db, ws, [p.id, q.id]);
    const pFirst = p.id < q.id;
    const pNames = [setup.id, welcome.id];
    expect(names.map((r) => r.id)).toEqual(pFirst ? [...pNames, qTask.id] : [qTask.id, ...pNames]);
    expect(await selectTaskNames(t.db, ws, [])).toEqual([]);
    const estimates = await selectTaskEstimates(t.db, ws, [p.id]);
    expect(estimates.find((e) => e.id === welcome.id)).toEqual({
      id: welcome.id,
      project_id: p.id,
      task_type: 'configuration',
      effort_hours: 3,
      assignee_id: null,
    });
    expect(await selectTaskEstimates(t.db, ws, [])).toEqual([]);

    await insertRework(t.db, {
      id: fixtureId(),
      workspace_id: ws,
      project_id: p.id,
      task_id: setup.id,
      hours: 4,
      cause: 'defect',
      note: null,
      recorded_by_label: 'fixture',
      recorded_at: '2026-11-20T00:00:00.000Z',
    });
    expect(await selectReworkOf(t.db, ws, [p.id, q.id])).toEqual([
      { project_id: p.id, task_id: setup.id, hours: 4, cause: 'defect' },
    ]);
    expect(await selectReworkOf(t.db, ws, [])).toEqual([]);
  });
});
