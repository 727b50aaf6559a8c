import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildPartner,
  buildProject,
  buildResource,
  buildTimeEntry,
  buildWorkspace,
} from '../../../../test/helpers/fixtures/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-db.ts';
import {
  deleteEntryRow,
  findEntry,
  findEntryByExternalId,
  hoursOnDay,
  selectEntries,
  selectEntriesFor,
  updateEntryRow,
} from './time-entry.store.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe('time entry store (both databases)', () => {
  it('lists entries newest day first, pages by (day, id), and filters by project, person and days', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const p = await buildProject(t.db, ws);
    const q = await buildProject(t.db, ws);
    const ana = (await buildResource(t.db, ws)).id;
    const bo = (await buildResource(t.db, ws)).id;
    const old = await buildTimeEntry(t.db, p, ana, { on_date: '2026-11-02' });
    const a = await buildTimeEntry(t.db, p, ana, { on_date: '2026-11-05' });
    const b = await buildTimeEntry(t.db, q, bo, { on_date: '2026-11-05' });
    const theirWs = (await buildWorkspace(t.db)).id;
    await buildTimeEntry(t.db, await buildProject(t.db, theirWs), (await buildResource(t.db, theirWs)).id);
    const all = { workspaceId: ws, partnerId: null };

    const first = await selectEntries(t.db, all, { limit: 2 });
    expect(ids(first)).toEqual([b.id, a.id]);
    expect(ids(await selectEntries(t.db, all, { before: { date: a.on_date, id: a.id }, limit: 2 }))).toEqual([old.id]);
    expect(ids(await selectEntries(t.db, all, { projectId: p.id, limit: 9 }))).toEqual([a.id, old.id]);
    expect(ids(await selectEntries(t.db, all, { resourceId: bo, limit: 9 }))).toEqual([b.id]);
    expect(ids(await selectEntries(t.db, all, { from: '2026-11-03', to: '2026-11-05', limit: 9 }))).toEqual([
      b.id,
      a.id,
    ]);
    expect(ids(await selectEntries(t.db, all, { to: '2026-11-02', limit: 9 }))).toEqual([old.id]);
  });

  it("shows a partner firm only its own people's hours on its own projects", async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const firm = (await buildPartner(t.db, ws)).id;
    const firmProject = await buildProject(t.db, ws, { partner_id: firm });
    const inHouseProject = await buildProject(t.db, ws);
    const firmPerson = (await buildResource(t.db, ws, { partner_id: firm })).id;
    const inHousePerson = (await buildResource(t.db, ws)).id;
    const own = await buildTimeEntry(t.db, firmProject, firmPerson);
    const helpedInHouse = await buildTimeEntry(t.db, inHouseProject, firmPerson);
    const helpedByUs = await buildTimeEntry(t.db, firmProject, inHousePerson);
    const scope = { workspaceId: ws, partnerId: firm };

    expect(ids(await selectEntries(t.db, scope, { limit: 9 }))).toEqual([own.id]);
    expect(await findEntry(t.db, scope, helpedInHouse.id)).toBeUndefined();
    expect(await findEntry(t.db, scope, helpedByUs.id)).toBeUndefined();
    expect(await findEntry(t.db, { workspaceId: ws, partnerId: null }, helpedByUs.id)).toEqual(helpedByUs);
  });

  it("sums a person's hours on a day across projects, leaving one entry out, and never another workspace's", async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const ana = (await buildResource(t.db, ws)).id;
    const p = await buildProject(t.db, ws);
    const q = await buildProject(t.db, ws);
    const e1 = await buildTimeEntry(t.db, p, ana, { on_date: '2026-11-05', hours: 1.5 });
    await buildTimeEntry(t.db, q, ana, { on_date: '2026-11-05', hours: 6 });
    await buildTimeEntry(t.db, q, ana, { on_date: '2026-11-06', hours: 8 });
    expect(await hoursOnDay(t.db, ws, ana, '2026-11-05', null)).toBe(7.5);
    expect(await hoursOnDay(t.db, ws, ana, '2026-11-05', e1.id)).toBe(6);
    expect(await hoursOnDay(t.db, ws, ana, '2026-11-07', null), 'no entries: 0, not null').toBe(0);
    expect(await hoursOnDay(t.db, (await buildWorkspace(t.db)).id, ana, '2026-11-05', null)).toBe(0);
  });

  it('finds an entry by its external id within the workspace, and changes or deletes only there', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const other = (await buildWorkspace(t.db)).id;
    const mine = await buildTimeEntry(t.db, await buildProject(t.db, ws), (await buildResource(t.db, ws)).id, {
      external_id: 'T-1',
    });
    const theirs = await buildTimeEntry(t.db, await buildProject(t.db, other), (await buildResource(t.db, other)).id, {
      external_id: 'T-1',
    });
    expect(await findEntryByExternalId(t.db, ws, 'T-1')).toEqual(mine);
    await updateEntryRow(t.db, ws, theirs.id, { hours: 99 });
    await deleteEntryRow(t.db, ws, theirs.id);
    expect(await findEntryByExternalId(t.db, other, 'T-1')).toEqual(theirs);
    await updateEntryRow(t.db, ws, mine.id, { hours: 3, note: 'fixed' });
    expect(await findEntryByExternalId(t.db, ws, 'T-1')).toEqual({ ...mine, hours: 3, note: 'fixed' });
    await deleteEntryRow(t.db, ws, mine.id);
    expect(await findEntryByExternalId(t.db, ws, 'T-1')).toBeUndefined();
  });

  it('reads the entries of some projects or some days for economics and utilization', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const ana = (await buildResource(t.db, ws)).id;
    const p = await buildProject(t.db, ws);
    const q = await buildProject(t.db, ws);
    await buildTimeEntry(t.db, p, ana, { on_date: '2026-11-01', hours: 1 });
    await buildTimeEntry(t.db, q, ana, { on_date: '2026-11-10', hours: 2, rework: 1, billable: 0 });
    const hours = (rows: { hours: number }[]) => rows.map((r) => r.hours).sort();
    expect(hours(await selectEntriesFor(t.db, ws, { projectIds: [q.id] }))).toEqual([2]);
    expect(await selectEntriesFor(t.db, ws, { projectIds: [] })).toEqual([]);
    expect(hours(await selectEntriesFor(t.db, ws, { from: '2026-11-01', to: '2026-11-09' }))).toEqual([1]);
    expect(await selectEntriesFor(t.db, ws, { projectIds: [q.id], to: '2026-11-09' })).toEqual([]);
    expect(hours(await selectEntriesFor(t.db, ws, {}))).toEqual([1, 2]);
    expect(await selectEntriesFor(t.db, ws, { projectIds: [q.id] })).toEqual([
      { project_id: q.id, task_id: null, resource_id: ana, on_date: '2026-11-10', hours: 2, billable: 0, rework: 1 },
    ]);
  });
});
