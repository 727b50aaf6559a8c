import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, buildWorkspace, fixtureId } from '../../../../test/helpers/fixtures/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-db.ts';
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

describe('project timeline store: events, slips and rework (both databases)', () => {
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
});
