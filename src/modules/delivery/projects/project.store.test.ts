import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAccount,
  buildPartner,
  buildPlaybook,
  buildProject,
  buildWorkspace,
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
